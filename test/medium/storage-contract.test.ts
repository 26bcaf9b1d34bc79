import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issue } from '../../src/core/issues.ts';
import { importEvents, type EventImportDeps } from '../../src/services/import-events.ts';
import { eventQueries } from '../../src/storage/event-queries.ts';
import type { Storage } from '../../src/storage/open.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { recordsImport, sampleEvent, simpleClassify, simplePlacement } from '../support/events.ts';

/** The storage contract: the same behaviour, row for row, on SQLite and on PostgreSQL. */
describe.each(DIALECTS)('storage contract on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  let deps: EventImportDeps;

  beforeAll(async () => {
    database = await create();
    storage = await database.open();
    let tick = 0;
    deps = {
      port: storage.eventImport,
      classify: simpleClassify,
      place: () => ({ placement: simplePlacement }),
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    };
  });
  afterAll(async () => {
    await storage.close();
    await database.drop();
  });

  const run = (records: Parameters<typeof recordsImport>[0], skipInvalid = false) =>
    importEvents(deps, {
      source: 'acled',
      fileName: 'test.csv',
      fileSha256: () => null,
      input: recordsImport(records),
      skipInvalid,
    });

  it('inserts new events and counts them', async () => {
    const report = await run([sampleEvent(), sampleEvent({ sourceId: 'MLI2', fatalities: 0 })]);
    expect(report).toMatchObject({
      rowsRead: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      stored: true,
    });
    const stats = await eventQueries(storage.db).stats({});
    expect(stats).toMatchObject({ events: 2, fatalities: 10, civilianEvents: 2, civilianFatalities: 10 });
    expect(stats.bySource['acled']).toMatchObject({ events: 2, firstDate: '2019-03-23' });
    if (storage.dialect === 'sqlite') {
      // The first import into an empty table builds the secondary indexes at the end: they must be back.
      const { rows } = await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'`.execute(storage.db);
      expect(rows.map((r) => r.name)).toEqual(
        expect.arrayContaining(['events_event_date_idx', 'events_admin2_pcode_idx', 'events_priogrid_idx']),
      );
    }
  });

  it('changes nothing when the same records come again', async () => {
    const report = await run([sampleEvent(), sampleEvent({ sourceId: 'MLI2', fatalities: 0 })]);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    expect(await storage.db.selectFrom('event_revisions').selectAll().execute()).toHaveLength(0);
  });

  it('updates a changed event and keeps the previous version as a revision', async () => {
    const report = await run([sampleEvent({ fatalities: 12, sourceTimestamp: 1_700_000_000 })]);
    expect(report).toMatchObject({ updated: 1, inserted: 0 });
    const revisions = await storage.db.selectFrom('event_revisions').selectAll().execute();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.changed_fields).toBe('source_timestamp,fatalities');
    expect(JSON.parse(revisions[0]?.previous_json ?? '{}')).toMatchObject({ fatalities: 10 });
  });

  it('does not roll an event back to an older export', async () => {
    const report = await run([sampleEvent({ fatalities: 3, sourceTimestamp: 1_500_000_000 })]);
    expect(report).toMatchObject({ updated: 0, unchanged: 1 });
    const row = await storage.db
      .selectFrom('events')
      .select('fatalities')
      .where('source_id', '=', 'MLI1')
      .executeTakeFirst();
    expect(row?.fatalities).toBe(12);
  });

  it('stores nothing from a file with a bad record, and records the rejected run', async () => {
    const before = await eventQueries(storage.db).stats({});
    const report = await run([
      sampleEvent({ sourceId: 'MLI3' }),
      [issue(3, 'event_date', 'DATE_INVALID', { value: 'x' })],
    ]);
    expect(report).toMatchObject({ stored: false, rowsRead: 2, rejected: 2, inserted: 0 });
    expect(report.issues).toEqual([
      { row: 3, column: 'event_date', code: 'DATE_INVALID', params: { value: 'x' } },
    ]);
    expect(await eventQueries(storage.db).stats({})).toEqual(before);
    const last = await storage.db
      .selectFrom('import_runs')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ status: 'rejected', rows_read: 2, rejected: 2 });
  });

  it('stores the valid records with skipInvalid and accounts for every record', async () => {
    const report = await run(
      [sampleEvent({ sourceId: 'MLI3' }), [issue(3, 'fatalities', 'NUMBER_INVALID', { value: '-1' })]],
      true,
    );
    expect(report).toMatchObject({ stored: true, rowsRead: 2, inserted: 1, rejected: 1 });
    expect(report.rowsRead).toBe(report.inserted + report.updated + report.unchanged + report.rejected);
  });

  it('stores an exact repeat inside one file once (importers reject conflicting repeats)', async () => {
    const report = await run([sampleEvent({ sourceId: 'MLI9' }), sampleEvent({ sourceId: 'MLI9' })], true);
    expect(report).toMatchObject({ rowsRead: 2, inserted: 1, unchanged: 1, rejected: 0 });
  });

  it('removes withdrawn events in one transaction and leaves tombstones', async () => {
    await run([sampleEvent({ sourceId: 'MLI-DEL' })]);
    const { outcome } = await storage.eventImport.inTransaction(
      {
        kind: 'deletions',
        source: 'acled',
        file_name: 'deleted.json',
        file_sha256: null,
        layout: null,
        started_at: deps.now(),
        status: 'running',
      },
      async (session) => {
        const deleted = await session.deleteEvents(
          'acled',
          ['MLI-DEL', 'NEVER-SEEN'],
          deps.now(),
          'withdrawn by ACLED',
        );
        expect(deleted).toEqual(['MLI-DEL']);
        return {
          status: 'committed',
          finished_at: deps.now(),
          file_sha256: null,
          layout: null,
          rows_read: 2,
          inserted: 0,
          updated: 0,
          unchanged: 1,
          rejected: 0,
          deleted: 1,
          issues_json: '[]',
        };
      },
    );
    expect(outcome.deleted).toBe(1);
    const tombstones = await storage.db.selectFrom('event_tombstones').selectAll().execute();
    expect(tombstones).toHaveLength(1);
    expect(tombstones[0]).toMatchObject({
      source: 'acled',
      source_id: 'MLI-DEL',
      reason: 'withdrawn by ACLED',
    });
    expect(JSON.parse(tombstones[0]!.last_json)).toMatchObject({ source_id: 'MLI-DEL', fatalities: 10 });
    const left = await storage.db
      .selectFrom('events')
      .select('id')
      .where('source_id', '=', 'MLI-DEL')
      .execute();
    expect(left).toHaveLength(0);
  });

  it('pages through events with a cursor and applies the shared filters', async () => {
    const queries = eventQueries(storage.db);
    const first = await queries.page({}, null, 2);
    expect(first.events).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await queries.page({}, first.nextCursor, 2);
    expect(second.events.map((e) => e.sourceId)).toEqual(['MLI3', 'MLI9']);
    expect(second.nextCursor).toBeNull();
    expect(
      (await queries.page({ admin1: 'ML05', to: '2019-12-31', civilianOnly: true }, null, 10)).events,
    ).toHaveLength(4);
    expect((await queries.page({ admin1: 'mopti' }, null, 10)).events).toHaveLength(4);
    expect((await queries.page({ from: '2020-01-01' }, null, 10)).events).toHaveLength(0);
    const byFatalities = await queries.page({}, null, 2, '-fatalities');
    const rest = await queries.page({}, byFatalities.nextCursor, 10, '-fatalities');
    const sorted = [...byFatalities.events, ...rest.events].map((e) => e.fatalities);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    expect(sorted).toHaveLength(4);
    await expect(queries.page({}, byFatalities.nextCursor, 2, 'date')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    const streamed = [];
    for await (const e of queries.stream({ source: 'acled' })) streamed.push(e.sourceId);
    expect(streamed).toEqual(['MLI1', 'MLI2', 'MLI3', 'MLI9']);
  });
});
