import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/http.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

type Totals = { events: number; fatalities: number; civilianEvents: number; civilianFatalities: number };
const MEASURES = ['events', 'fatalities', 'civilianEvents', 'civilianFatalities'] as const;

function sum(rows: Totals[]): Totals {
  const t = { events: 0, fatalities: 0, civilianEvents: 0, civilianFatalities: 0 };
  for (const r of rows) for (const m of MEASURES) t[m] += r[m];
  return t;
}

/** The analysts' endpoints on the real Mali ACLED export (2,916 events, 1997-01 → 2019-06), then OCHA boundaries. */
describe.skipIf(!hasSharedData)('analysis API on real Mali data', () => {
  let database: TestDatabase;
  let vigie: Vigie;
  let app: FastifyInstance;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json();
  };
  const upload = async (query: string, path: string) => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/imports?${query}`,
      payload: readFileSync(sharedData(path)!),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json();
  };
  const stats = (query = ''): Promise<Totals & Record<string, unknown>> => get(`/api/v1/stats?${query}`);

  beforeAll(async () => {
    database = sqliteDatabase();
    vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    app = await signedInApp(vigie);
    const report = await upload(
      'kind=acled&fileName=smose94.csv',
      'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv',
    );
    expect(report).toMatchObject({ inserted: 2916, stored: true });
  });
  afterAll(async () => {
    await app.close();
    await vigie.close();
    await database.drop();
  });

  it('splits the /stats totals by year and perpetrator, from the rollup', async () => {
    const body = await get('/api/v1/aggregates?by=year&group=perpetrator');
    expect(body.answeredBy).toBe('rollup');
    const totals = await stats();
    expect(sum(body.series)).toEqual({
      events: totals.events,
      fatalities: totals.fatalities,
      civilianEvents: totals.civilianEvents,
      civilianFatalities: totals.civilianFatalities,
    });
    expect(body.periods[0]).toBe('1997');
    expect(body.periods.at(-1)).toBe('2019');
    expect(body.periods).toHaveLength(23);
    expect(body.keys.map((k: { key: string }) => k.key)).toContain('jihadist_group');
    expect(body.keys[0].events).toBeGreaterThanOrEqual(body.keys[1].events);
  });

  it('names regions and agrees with /stats for civilian harm by month', async () => {
    const body = await get('/api/v1/aggregates?by=month&group=region&civilianOnly=true&lang=fr');
    const totals = await stats('civilianOnly=true');
    expect(sum(body.series).events).toBe(totals.events);
    expect(sum(body.series).civilianFatalities).toBe(totals.civilianFatalities);
    expect(body.keys).toContainEqual(expect.objectContaining({ key: 'ML-MO', label: 'Mopti' }));
    expect(body.keys).toContainEqual(expect.objectContaining({ key: 'ML-TT', label: 'Tombouctou' }));
    // Months without events are listed too, so a chart draws them as 0 rather than skipping them.
    const [first, last] = [body.periods[0], body.periods.at(-1)];
    const months =
      (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
      Number(last.slice(5)) -
      Number(first.slice(5)) +
      1;
    expect(body.periods).toHaveLength(months);
  });

  it('cuts day-level periods between rollup and events, and reads region names from events', async () => {
    const mixed = await get('/api/v1/aggregates?by=month&group=type&from=2018-03-15&to=2019-02-10');
    expect(mixed.answeredBy).toBe('rollup+events');
    expect(sum(mixed.series).events).toBe((await stats('from=2018-03-15&to=2019-02-10')).events);
    expect(mixed.periods[0]).toBe('2018-03');
    const named = await get('/api/v1/aggregates?by=year&admin1=Mopti');
    expect(named.answeredBy).toBe('events');
    expect(sum(named.series).events).toBe((await stats('admin1=Mopti')).events);
  });

  it('maps admin-1 units with the codes of /boundaries, and grids without coarse locations', async () => {
    const totals = await stats();
    const regions = await get('/api/v1/map?unit=admin1&measure=civilianFatalities');
    expect(regions).toMatchObject({ boundarySet: 'ne-admin1', excludedCoarse: 0, answeredBy: 'rollup' });
    expect(sum(regions.cells).events + regions.unassigned).toBe(totals.events);
    const codes = new Set(
      (await get('/api/v1/boundaries?level=1')).features.map(
        (f: { properties: { code: string } }) => f.properties.code,
      ),
    );
    for (const c of regions.cells) expect(codes.has(c.code)).toBe(true);
    expect(regions.cells[0].civilianFatalities).toBeGreaterThanOrEqual(regions.cells[1].civilianFatalities);
    const coarse = (totals['unassigned'] as { coarseLocation: number }).coarseLocation;
    expect(coarse).toBeGreaterThan(0);
    for (const unit of ['h3:5', 'h3:7', 'priogrid']) {
      const grid = await get(`/api/v1/map?unit=${unit}`);
      expect(grid.excludedCoarse, unit).toBe(coarse);
      expect(sum(grid.cells).events + grid.excludedCoarse, unit).toBe(totals.events);
      expect(grid.cells[0].geometry.type).toBe('Polygon');
    }
  });

  it('lists precise points, newest first, and says what it left out', async () => {
    const totals = await stats();
    const coarse = (totals['unassigned'] as { coarseLocation: number }).coarseLocation;
    const all = await get('/api/v1/events/points?limit=20000');
    expect(all.features).toHaveLength(totals.events - coarse);
    expect(all).toMatchObject({ excludedCoarse: coarse, truncated: false });
    const few = await get('/api/v1/events/points?limit=50&civilianOnly=true');
    expect(few.features).toHaveLength(50);
    expect(few.truncated).toBe(true);
    const dates = few.features.map((f: { properties: { date: string } }) => f.properties.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(few.features[0].geometry.type).toBe('Point');
  });

  it('shows one event in full', async () => {
    const [listed] = (await get('/api/v1/events?limit=1')).events;
    const { event, revisions } = await get(`/api/v1/events/${listed.id}`);
    expect(event).toMatchObject({ id: listed.id, sourceId: listed.sourceId, notes: listed.notes });
    for (const field of [
      'sourceAdmin3',
      'sourceScale',
      'interaction',
      'fatalitiesLow',
      'civilianDeaths',
      'tags',
      'disorderType',
    ])
      expect(event, field).toHaveProperty(field);
    expect(revisions).toEqual([]);
  });

  it('says which dates each source covers, as /stats does', async () => {
    const body = await get('/api/v1/coverage');
    const acled = ((await stats())['bySource'] as Record<string, { firstDate: string; lastDate: string }>)[
      'acled'
    ]!;
    expect(body.sources).toEqual([
      { source: 'acled', firstDate: acled.firstDate, lastDate: acled.lastDate, events: 2916 },
    ]);
    expect(acled.lastDate).toBe('2019-06-30');
  });

  it('keeps the rollup right when OCHA boundaries re-assign every event', async () => {
    const before = await get('/api/v1/aggregates?by=year&group=region');
    const etag = (await app.inject({ method: 'GET', url: '/api/v1/boundaries?level=2' })).headers['etag'];
    await upload('kind=boundaries&level=2&set=cod-ab-2017', 'mali-boundaries-ocha/mali_adm2.geojson');
    const cercles = await app.inject({ method: 'GET', url: '/api/v1/boundaries?level=2' });
    expect(cercles.headers['etag']).not.toBe(etag);
    expect(cercles.json().features).toHaveLength(50);
    const admin2 = await get('/api/v1/map?unit=admin2');
    expect(admin2).toMatchObject({ boundarySet: 'cod-ab-2017', answeredBy: 'rollup', unassigned: 0 });
    expect(sum(admin2.cells).events).toBe(2916);
    expect(admin2.cells[0].name).not.toBe(admin2.cells[0].code);
    expect(await get('/api/v1/aggregates?by=year&group=region')).toEqual(before);
    const byCercle = await get('/api/v1/aggregates?by=year&admin2=ML0504');
    expect(byCercle.answeredBy).toBe('rollup');
    expect(sum(byCercle.series).events).toBe((await stats('admin2=ML0504')).events);

    await upload(
      'kind=boundaries&level=1&set=cod-ab-2017-adm1',
      'mali-boundaries-ocha/mali_adm1_derived.geojson',
    );
    const regions = await get('/api/v1/map?unit=admin1');
    expect(regions.boundarySet).toBe('cod-ab-2017-adm1');
    expect(regions.cells.map((c: { code: string }) => c.code)).toContain('ML05');
    expect(sum(regions.cells).events + regions.unassigned).toBe(2916);
    const level1 = await get('/api/v1/boundaries?level=1');
    expect(level1.features).toHaveLength(9);
    expect(level1.features[0].properties.set).toBe('cod-ab-2017-adm1');
  });

  it('lists imported bases and the monthly aggregates’ coverage once loaded', async () => {
    await upload('kind=bases&fileName=minusma.csv', 'minusma-bases/minusma_bases_2023.csv');
    const { bases } = await get('/api/v1/bases');
    expect(bases).toHaveLength(16);
    expect(bases[0].origin).toBe('import');
    await upload(
      'kind=acled-monthly&fileName=mali_political_violence_events_and_fatalities_by_month-year_admin2.csv',
      'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv',
    );
    const { aggregates } = await get('/api/v1/coverage');
    expect(aggregates).toEqual([
      expect.objectContaining({
        source: 'acled-hdx-monthly',
        firstMonth: '1997-01',
        lastMonth: '2026-04',
        rows: 18656,
      }),
    ]);
  });
});
