import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventClassification, EventPlacement, SourceEvent } from '../../src/core/event.ts';
import type { EventFilter } from '../../src/core/filters.ts';
import { issue } from '../../src/core/issues.ts';
import { openVigie } from '../../src/main.ts';
import type { AggregateGroup, AggregatePeriod } from '../../src/services/aggregates.ts';
import { importEvents, type EventImportDeps } from '../../src/services/import-events.ts';
import type { MapUnit } from '../../src/services/map-cells.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import type { Storage } from '../../src/storage/open.ts';
import { referenceStore } from '../../src/storage/reference-store.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { recordsImport, sampleEvent, simplePlacement } from '../support/events.ts';

/**
 * The rollups must never change an answer: after imports, updates, deletions and boundary changes, /aggregates
 * and /map answered from the rollup (in memory and in SQL) equal a direct GROUP BY over `events`, on both dialects.
 */
const QUERIES: ReadonlyArray<readonly [AggregatePeriod, AggregateGroup | null]> = [
  ['month', null],
  ['month', 'perpetrator'],
  ['year', 'region'],
  ['month', 'type'],
  ['year', 'source'],
  ['month', 'harm'],
];

const FILTERS: readonly EventFilter[] = [
  {},
  { civilianOnly: true },
  { country: 'MLI' },
  { admin1: 'ML-MO' },
  { admin1: 'ML07' },
  { admin2: 'ML0504' },
  { from: '2019-02-01', to: '2019-05-31' },
  { from: '2019-01-17', to: '2019-06-09', civilianOnly: true },
  { type: 'Battles', source: 'acled' },
  { perpetrator: 'jihadist_group', to: '2019-03-12' },
  { admin1: 'Mopti' },
];

const MAPS: readonly MapUnit[] = ['admin1', 'admin2', 'h3:5', 'priogrid'];

const TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots'];
const PERPETRATORS = ['state_forces', 'jihadist_group', 'self_defence_militia', null] as const;
const PLACES: ReadonlyArray<Partial<EventPlacement>> = [
  { admin1: 'ML-MO', admin1Pcode: 'ML05', admin2Pcode: 'ML0504' },
  { admin1: 'ML-MO', admin1Pcode: 'ML05', admin2Pcode: 'ML0501' },
  { admin1: 'ML-GO', admin1Pcode: 'ML07', admin2Pcode: null, h3r5: '85b', priogrid: 140_000 },
  { admin1: null, admin1Pcode: null, admin2Pcode: null, h3r5: '85c', priogrid: 140_001 },
];

/** Deterministic events; classification and placement are looked up by id, as a taxonomy and a placer would. */
function world(seed: number) {
  let state = seed;
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const classes = new Map<string, EventClassification>();
  const places = new Map<string, EventPlacement>();
  /** A random day over ten months, or one of August 2019 (a month no other change touches) when `late`. */
  const event = (source: 'acled' | 'ucdp', id: string, timestamp: number, late = false): SourceEvent => {
    const day = late
      ? new Date(Date.UTC(2019, 7, 1 + Math.floor(random() * 31)))
      : new Date(Date.UTC(2018, 10, 1) + Math.floor(random() * 270) * 86_400_000);
    const civilian = random() < 0.4;
    const fatalities = Math.floor(random() * 8);
    classes.set(`${source}:${id}`, {
      civilianHarm: civilian,
      civilianFatalities: civilian ? fatalities : source === 'ucdp' ? 1 : 0,
      harmCategory: civilian ? pick(['killing', 'abduction', null] as const) : null,
      perpetratorCategory: pick(PERPETRATORS),
    });
    places.set(`${source}:${id}`, { ...simplePlacement, ...pick(PLACES) });
    return sampleEvent({
      source,
      sourceId: id,
      sourceTimestamp: timestamp,
      date: day.toISOString().slice(0, 10),
      country: random() < 0.85 ? 'MLI' : 'NER',
      eventType: pick(TYPES),
      fatalities,
      coarseLocation: random() < 0.15,
    });
  };
  return { event, classes, places };
}

describe.each(DIALECTS)('aggregates contract on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  let deps: EventImportDeps;
  const vigies: Partial<Record<'auto' | 'sql' | 'events', Vigie>> = {};
  const w = world(11);

  beforeAll(async () => {
    database = await create();
    storage = await database.open();
    const [flag, value] = database.cliArgs;
    const target = flag === '--db' ? { sqlitePath: value! } : { databaseUrl: value! };
    vigies.auto = await openVigie(target);
    vigies.sql = await openVigie(target, { counts: { path: 'rollup-sql' } });
    vigies.events = await openVigie(target, { counts: { path: 'events' } });
    let tick = 0;
    deps = {
      port: storage.eventImport,
      classify: (e) => w.classes.get(`${e.source}:${e.sourceId}`)!,
      place: (e) => ({ placement: w.places.get(`${e.source}:${e.sourceId}`)! }),
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    };
  });
  afterAll(async () => {
    for (const v of Object.values(vigies)) await v.close();
    await storage.close();
    await database.drop();
  });

  const run = (source: 'acled' | 'ucdp', records: Parameters<typeof recordsImport>[0]) =>
    importEvents(deps, {
      source,
      fileName: 't.csv',
      fileSha256: () => null,
      input: recordsImport(records),
      skipInvalid: false,
    });

  /** Every query on every path; returns how the overview was answered by the default path. */
  async function expectSameAnswers(): Promise<string> {
    const { auto, sql, events } = vigies as Record<'auto' | 'sql' | 'events', Vigie>;
    const strip = <T extends { answeredBy: string }>({ answeredBy: _a, ...rest }: T) => rest;
    for (const filter of FILTERS) {
      for (const [by, group] of QUERIES) {
        const request = { by, group, filter, language: 'en' as const };
        const direct = strip(await events.aggregates(request));
        expect(strip(await auto.aggregates(request)), JSON.stringify(request)).toEqual(direct);
        expect(strip(await sql.aggregates(request)), JSON.stringify(request)).toEqual(direct);
      }
      for (const unit of MAPS) {
        const request = { unit, measure: 'civilianFatalities' as const, filter, language: 'en' as const };
        expect(strip(await auto.mapCells(request))).toEqual(strip(await events.mapCells(request)));
      }
      const points = [await auto.eventPoints(filter, 10), await events.eventPoints(filter, 10)];
      expect(points[0]!.excludedCoarse).toBe(points[1]!.excludedCoarse);
    }
    const stats = await events.stats({});
    const total = await auto.aggregates({ by: 'year', group: null, filter: {}, language: 'en' });
    expect(total.series.reduce((n, p) => n + p.events, 0)).toBe(stats.events);
    return total.answeredBy;
  }

  it('agrees after the first imports', async () => {
    const acled = Array.from({ length: 300 }, (_, i) => w.event('acled', `A${i}`, 1_600_000_000));
    const ucdp = Array.from({ length: 80 }, (_, i) => w.event('ucdp', `U${i}`, 1_600_000_000));
    expect(await run('acled', acled)).toMatchObject({ inserted: 300, stored: true });
    expect(await run('ucdp', ucdp)).toMatchObject({ inserted: 80, stored: true });
    expect(await expectSameAnswers()).toBe('rollup');
  });

  it('agrees after a re-import that moves events to other months, types and precisions', async () => {
    // All into August, so the months they leave are refreshed only because they left them.
    const changed = Array.from({ length: 60 }, (_, i) => w.event('acled', `A${i * 5}`, 1_700_000_000, true));
    const added = Array.from({ length: 20 }, (_, i) => w.event('acled', `A${300 + i}`, 1_700_000_000, true));
    expect(await run('acled', [...changed, ...added])).toMatchObject({ updated: 60, inserted: 20 });
    expect(await expectSameAnswers()).toBe('rollup');
  });

  it('agrees after deletions', async () => {
    await storage.eventImport.inTransaction(
      {
        kind: 'deletions',
        source: 'acled',
        file_name: 'd.json',
        file_sha256: null,
        layout: null,
        started_at: deps.now(),
        status: 'running',
      },
      async (session) => {
        const ids = Array.from({ length: 30 }, (_, i) => `A${i * 7 + 1}`);
        expect(await session.deleteEvents('acled', ids, deps.now(), 'withdrawn by ACLED')).toHaveLength(30);
        return {
          status: 'committed',
          finished_at: deps.now(),
          file_sha256: null,
          layout: null,
          rows_read: 30,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejected: 0,
          deleted: 30,
          issues_json: '[]',
        };
      },
    );
    expect(await expectSameAnswers()).toBe('rollup');
  });

  it('reads events while a boundary change is pending, and the rollup again once refreshed', async () => {
    const reference = referenceStore(storage.db);
    const located = await reference.locations(0, 1000);
    await reference.updatePlacements(
      located
        .filter((_, i) => i % 3 === 0)
        .map((e, i) => ({
          id: e.id,
          admin1: i % 2 === 0 ? 'ML-GO' : 'ML-MO',
          admin1Pcode: i % 2 === 0 ? 'ML07' : 'ML05',
          admin2Pcode: i % 2 === 0 ? 'ML0701' : 'ML0504',
          admin3Pcode: null,
        })),
    );
    expect(await expectSameAnswers()).toBe('events');
    await reference.refreshRollups();
    expect(await expectSameAnswers()).toBe('rollup');
  });

  it('changes nothing when an import is rejected', async () => {
    const before = await vigies.auto!.aggregates({ by: 'month', group: 'type', filter: {}, language: 'en' });
    const report = await run('acled', [
      w.event('acled', 'A2', 1_800_000_000),
      [issue(3, 'event_date', 'DATE_INVALID', { value: 'x' })],
    ]);
    expect(report.stored).toBe(false);
    expect(await vigies.auto!.aggregates({ by: 'month', group: 'type', filter: {}, language: 'en' })).toEqual(
      before,
    );
    expect(await expectSameAnswers()).toBe('rollup');
  });
});
