import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
} from 'kysely';
import type {
  EventImportPort,
  EventImportSession,
  ExistingEvent,
  ImportRunOutcome,
  NewImportRun,
} from '../../services/ports/event-import-port.ts';
import { EVENT_WRITE_COLUMNS, rowValues } from '../event-columns.ts';
import { refreshRollups, ROLLUP_COLUMNS, RollupSums, TouchedMonths, type SqlRunner } from '../rollups.ts';
import type { Database } from '../schema.ts';
import type { SqliteDatabase } from './connect.ts';

/**
 * Imports on SQLite go through better-sqlite3 directly, on a connection of their own, with statements prepared
 * once: Kysely re-prepares every query, which costs more than the insert itself at a million rows. One
 * BEGIN IMMEDIATE … COMMIT makes the whole import atomic; a killed process leaves only an uncommitted WAL tail
 * that SQLite discards on the next open.
 */
export function sqliteEventImport(openConnection: () => SqliteDatabase): EventImportPort {
  return {
    // Rows are written one statement each: a batch buys nothing here, and 100 rows die young in V8's heap where
    // 500 reached the old space and doubled the heap of a large import.
    batchSize: 100,
    async inTransaction(run, work) {
      const db = openConnection();
      try {
        db.exec('BEGIN IMMEDIATE');
        try {
          const runId = insertRun(db, run);
          const touched = new TouchedMonths();
          const empty = db.prepare('SELECT 1 FROM events LIMIT 1').get() === undefined;
          const deferred = empty ? dropEventIndexes(db) : [];
          // Rows are then appended and ids looked up near the end of one index: a small page cache does, and
          // the index builds at the end (whose sorter takes as much again) stay within the 300 MB an import of
          // 10^6 events may use. A table that has rows keeps the larger cache for its live indexes.
          if (empty) db.pragma(`cache_size = -${EMPTY_TABLE_CACHE_KB}`);
          // Into an empty table, the rollups are summed as the rows go in (see RollupSums), unless an update
          // or a deletion happens, which sends them back to the grouped recomputation.
          const sums: { current: RollupSums | null } = { current: empty ? new RollupSums() : null };
          const outcome = await work(createSession(db, runId, touched, sums));
          for (const sql of deferred) db.exec(sql);
          // The rollups of the months this import changed commit with it, or not at all.
          const rebuilt = sums.current === null ? new Set<string>() : writeRollupSums(db, sums.current);
          await refreshRollups(rawRunner(db), touched, rebuilt);
          finishRun(db, runId, outcome);
          db.exec('COMMIT');
          return { runId, outcome };
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      } finally {
        db.close();
      }
    },
    recordRun(run, outcome) {
      const db = openConnection();
      try {
        const runId = insertRun(db, run);
        finishRun(db, runId, outcome);
        return Promise.resolve(runId);
      } finally {
        db.close();
      }
    },
  };
}

const EMPTY_TABLE_CACHE_KB = 16 * 1024;

/**
 * Loading into an empty event table (a field office's first import of a continent of ACLED) is faster when the
 * secondary indexes are built once at the end than kept up row by row. The drop and the rebuild are part of the
 * import's transaction, so a killed import leaves the indexes as they were. The unique (source, source_id)
 * index stays: the import looks every id up in it.
 */
function dropEventIndexes(db: SqliteDatabase): string[] {
  const indexes = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL",
    )
    .all();
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  return indexes.map((index) => index.sql);
}

/** Replaces the rollup rows of the summed sources; returns those sources, for refreshRollups to leave alone. */
function writeRollupSums(db: SqliteDatabase, sums: RollupSums): ReadonlySet<string> {
  const remove = db.prepare('DELETE FROM event_rollups WHERE source = ?');
  for (const source of sums.sources) remove.run(source);
  const insert = db.prepare(
    `INSERT INTO event_rollups (${ROLLUP_COLUMNS.join(', ')}) VALUES (${ROLLUP_COLUMNS.map(() => '?').join(', ')})`,
  );
  for (const row of sums.rows()) insert.run(row);
  return sums.sources;
}

function insertRun(db: SqliteDatabase, run: NewImportRun): number {
  const result = db
    .prepare(
      `INSERT INTO import_runs (kind, source, file_name, file_sha256, layout, started_at, status)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.kind,
      run.source,
      run.file_name,
      run.file_sha256 ?? null,
      run.layout ?? null,
      run.started_at,
      run.status,
    );
  return Number(result.lastInsertRowid);
}

function finishRun(db: SqliteDatabase, runId: number, o: ImportRunOutcome): void {
  db.prepare(
    `UPDATE import_runs SET status = ?, finished_at = ?, file_sha256 = ?, layout = ?, rows_read = ?, inserted = ?, updated = ?,
       unchanged = ?, rejected = ?, deleted = ?, issues_json = ? WHERE id = ?`,
  ).run(
    o.status,
    o.finished_at,
    o.file_sha256,
    o.layout,
    o.rows_read,
    o.inserted,
    o.updated,
    o.unchanged,
    o.rejected,
    o.deleted,
    o.issues_json,
    runId,
  );
}

/** Builds SQLite SQL without a connection of its own: the statements run on the import's raw connection. */
const compileOnly = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

function rawRunner(db: SqliteDatabase): SqlRunner {
  return {
    db: compileOnly,
    all<R>(query: Compilable<R>): Promise<R[]> {
      const { sql, parameters } = query.compile();
      const statement = db.prepare(sql);
      if (statement.reader) return Promise.resolve(statement.all(...parameters) as R[]);
      statement.run(...parameters);
      return Promise.resolve([]);
    },
  };
}

function createSession(
  db: SqliteDatabase,
  runId: number,
  touched: TouchedMonths,
  sums: { current: RollupSums | null },
): EventImportSession {
  const names = EVENT_WRITE_COLUMNS.map(([name]) => name);
  const find = db.prepare<[string, string], { id: number; content_hash: string; last_import_run: number }>(
    'SELECT id, content_hash, last_import_run FROM events WHERE source = ? AND source_id = ?',
  );
  const load = db.prepare<[number], Record<string, unknown>>('SELECT * FROM events WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO events (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
  );
  // first_import_run is kept on update: it records when vigie first saw the event.
  const updatable = names.filter((n) => n !== 'first_import_run');
  const update = db.prepare(`UPDATE events SET ${updatable.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`);
  const firstRunIndex = names.indexOf('first_import_run');
  const revision = db.prepare(
    `INSERT INTO event_revisions (event_id, import_run_id, revised_at, changed_fields, previous_json)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const tombstone = db.prepare(
    `INSERT INTO event_tombstones (source, source_id, deleted_at, import_run_id, reason, last_json)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare('DELETE FROM events WHERE id = ?');
  const monthOf = db.prepare<[number], { source: string; month: string }>(
    'SELECT source, month FROM events WHERE id = ?',
  );
  const bySourceId = db.prepare<[string, string], Record<string, unknown>>(
    'SELECT * FROM events WHERE source = ? AND source_id = ?',
  );
  return {
    runId,
    deleteEvents(source, sourceIds, deletedAt, reason) {
      const deleted: string[] = [];
      sums.current = null;
      for (const sourceId of sourceIds) {
        const row = bySourceId.get(source, sourceId);
        if (!row) continue;
        tombstone.run(source, sourceId, deletedAt, runId, reason, JSON.stringify(row));
        touched.add(row['source'], row['month']);
        remove.run(row['id']);
        deleted.push(sourceId);
      }
      return Promise.resolve(deleted);
    },
    findExisting(source, sourceIds) {
      const found = new Map<string, ExistingEvent>();
      for (const sourceId of sourceIds) {
        const row = find.get(source, sourceId);
        if (row)
          found.set(sourceId, {
            id: row.id,
            contentHash: row.content_hash,
            lastImportRun: row.last_import_run,
          });
      }
      return Promise.resolve(found);
    },
    loadRows(ids) {
      const rows = new Map<number, Record<string, unknown>>();
      for (const id of ids) {
        const row = load.get(id);
        if (row) rows.set(id, row);
      }
      return Promise.resolve(rows);
    },
    insertEvents(rows) {
      for (const row of rows) {
        insert.run(rowValues(row));
        touched.add(row.source, row.month);
        if (sums.current?.add(row) === false) sums.current = null;
      }
      return Promise.resolve();
    },
    updateEvents(rows) {
      if (rows.length > 0) sums.current = null;
      for (const { id, row } of rows) {
        // Both months: an update may move the event from one month to another.
        const before = monthOf.get(id);
        touched.add(before?.source, before?.month);
        touched.add(row.source, row.month);
        const values = rowValues(row);
        values.splice(firstRunIndex, 1);
        values.push(id);
        update.run(values);
      }
      return Promise.resolve();
    },
    insertRevisions(revisions) {
      for (const r of revisions)
        revision.run(r.event_id, r.import_run_id, r.revised_at, r.changed_fields, r.previous_json);
      return Promise.resolve();
    },
  };
}
