import { sql, type Kysely, type Transaction } from 'kysely';
import type {
  EventImportPort,
  EventImportSession,
  ExistingEvent,
  ImportRunOutcome,
  NewImportRun,
} from '../../services/ports/event-import-port.ts';
import { EVENT_WRITE_COLUMNS, rowValues } from '../event-columns.ts';
import { kyselyRunner, refreshRollups, TouchedMonths } from '../rollups.ts';
import type { Database } from '../schema.ts';

/**
 * Imports on PostgreSQL run in one Kysely transaction. Each batch is written with a single statement whose
 * parameters are one array per column, expanded by unnest(): one round trip and one parse per batch, whatever
 * the batch's size (a VALUES list would need a parameter per cell and a new plan per batch length).
 */
export function postgresEventImport(db: Kysely<Database>): EventImportPort {
  return {
    async inTransaction(run, work) {
      return db.transaction().execute(async (trx) => {
        const runId = await insertRun(trx, run);
        const touched = new TouchedMonths();
        const outcome = await work(createSession(trx, runId, touched));
        // The rollups of the months this import changed commit with it, or not at all.
        await refreshRollups(kyselyRunner(trx), touched);
        await finishRun(trx, runId, outcome);
        return { runId, outcome };
      });
    },
    async recordRun(run, outcome) {
      return db.transaction().execute(async (trx) => {
        const runId = await insertRun(trx, run);
        await finishRun(trx, runId, outcome);
        return runId;
      });
    },
  };
}

async function insertRun(trx: Transaction<Database>, run: NewImportRun): Promise<number> {
  const row = await trx
    .insertInto('import_runs')
    .values({
      ...run,
      rows_read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      deleted: 0,
      issues_json: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function finishRun(
  trx: Transaction<Database>,
  runId: number,
  outcome: ImportRunOutcome,
): Promise<void> {
  await trx.updateTable('import_runs').set(outcome).where('id', '=', runId).execute();
}

function columnArrays(rows: ReadonlyArray<readonly unknown[]>, width: number): unknown[][] {
  const arrays: unknown[][] = Array.from({ length: width }, () => new Array<unknown>(rows.length));
  rows.forEach((values, r) => {
    for (let c = 0; c < width; c++) (arrays[c] as unknown[])[r] = values[c];
  });
  return arrays;
}

function createSession(
  trx: Transaction<Database>,
  runId: number,
  touched: TouchedMonths,
): EventImportSession {
  const names = EVENT_WRITE_COLUMNS.map(([name]) => name);
  const unnestArgs = (arrays: unknown[][], types: readonly string[]) =>
    sql.join(arrays.map((a, i) => sql`${a}::${sql.raw(types[i] as string)}[]`));
  return {
    runId,
    async deleteEvents(source, sourceIds, deletedAt, reason) {
      if (sourceIds.length === 0) return [];
      const rows = await trx
        .deleteFrom('events')
        .where('source', '=', source)
        .where(sql<boolean>`source_id = any(${[...sourceIds]}::text[])`)
        .returningAll()
        .execute();
      for (const r of rows) touched.add(r.source, r.month);
      if (rows.length > 0) {
        await trx
          .insertInto('event_tombstones')
          .values(
            rows.map((r) => ({
              source,
              source_id: r.source_id,
              deleted_at: deletedAt,
              import_run_id: runId,
              reason,
              last_json: JSON.stringify(r),
            })),
          )
          .execute();
      }
      return rows.map((r) => r.source_id);
    },
    async findExisting(source, sourceIds) {
      const found = new Map<string, ExistingEvent>();
      if (sourceIds.length === 0) return found;
      const rows = await trx
        .selectFrom('events')
        .select(['id', 'source_id', 'content_hash', 'last_import_run'])
        .where('source', '=', source)
        .where(sql<boolean>`source_id = any(${[...sourceIds]}::text[])`)
        .execute();
      for (const r of rows)
        found.set(r.source_id, { id: r.id, contentHash: r.content_hash, lastImportRun: r.last_import_run });
      return found;
    },
    async loadRows(ids) {
      const rows = new Map<number, Record<string, unknown>>();
      if (ids.length === 0) return rows;
      const found = await trx
        .selectFrom('events')
        .selectAll()
        .where(sql<boolean>`id = any(${[...ids]}::int[])`)
        .execute();
      for (const r of found) rows.set(r.id, r);
      return rows;
    },
    async insertEvents(rows) {
      if (rows.length === 0) return;
      for (const row of rows) touched.add(row.source, row.month);
      const arrays = columnArrays(rows.map(rowValues), names.length);
      const types = EVENT_WRITE_COLUMNS.map(([, type]) => type);
      await sql`INSERT INTO events (${sql.join(names.map((n) => sql.ref(n)))})
        SELECT * FROM unnest(${unnestArgs(arrays, types)})`.execute(trx);
    },
    async updateEvents(rows) {
      if (rows.length === 0) return;
      // Both months: an update may move the event from one month to another.
      const before = await trx
        .selectFrom('events')
        .select(['source', 'month'])
        .where(sql<boolean>`id = any(${rows.map((r) => r.id)}::int[])`)
        .execute();
      for (const b of before) touched.add(b.source, b.month);
      for (const { row } of rows) touched.add(row.source, row.month);
      const updatable = EVENT_WRITE_COLUMNS.filter(([n]) => n !== 'first_import_run');
      const firstRunIndex = names.indexOf('first_import_run');
      const values = rows.map(({ id, row }) => {
        const v = rowValues(row);
        v.splice(firstRunIndex, 1);
        return [id, ...v];
      });
      const arrays = columnArrays(values, updatable.length + 1);
      const types = ['int', ...updatable.map(([, t]) => t)];
      const aliases = ['id', ...updatable.map(([n]) => n)];
      await sql`UPDATE events AS e SET ${sql.join(updatable.map(([n]) => sql`${sql.ref(n)} = u.${sql.ref(n)}`))}
        FROM unnest(${unnestArgs(arrays, types)}) AS u(${sql.join(aliases.map((a) => sql.ref(a)))})
        WHERE e.id = u.id`.execute(trx);
    },
    async insertRevisions(revisions) {
      if (revisions.length === 0) return;
      await trx
        .insertInto('event_revisions')
        .values([...revisions])
        .execute();
    },
  };
}
