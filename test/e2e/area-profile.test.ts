import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { AreaProfile } from '../../src/services/area-profile.ts';
import type { ForecastSet } from '../../src/services/forecast-run.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { cli, importMaliAcled } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { hasSharedData } from '../support/shared-data.ts';

/**
 * The area profile (issue 6 point 5) on the real Mali file: Mopti's history is the rollup's, the forecast is the
 * newest stored run's values for Mopti, and open alerts placed in Mopti are listed for roles that read alerts.
 */
describe.skipIf(!hasSharedData)('area profile on the real Mali file', () => {
  let database: TestDatabase;
  let vigie: Vigie;
  let app: FastifyInstance;
  const as = async (role: 'admin' | 'viewer') => ({
    authorization: `Bearer ${(await userWithToken(vigie, role)).token}`,
  });
  let admin: Record<string, string>;

  beforeAll(async () => {
    database = sqliteDatabase();
    await importMaliAcled(database.cliArgs);
    vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    app = await buildHttpApp(vigie);
    admin = await as('admin');
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await vigie?.close();
    await database.drop();
  });
  const get = (url: string, headers = admin) => app.inject({ method: 'GET', url, headers });

  it('answers the history before any run, with no forecast and no alert', async () => {
    const res = await get('/api/v1/areas/admin1/ML-MO');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<AreaProfile>();
    expect(body).toMatchObject({ unit: 'admin1', code: 'ML-MO', name: 'Mopti', country: 'MLI' });
    expect(body.forecast).toBeNull();
    expect(body.alerts).toEqual([]);
    expect(body.history).toHaveLength(36);
    expect(body.history.at(-1)!.month).toBe('2019-06');
    expect(body.history[0]!.month).toBe('2016-07');
    // The same counts as the aggregates of Mopti over the same months.
    const series = await get('/api/v1/aggregates?by=month&admin1=ML-MO&from=2016-07&to=2019-06&country=MLI');
    expect(series.statusCode, series.body).toBe(200);
    const byMonth = new Map(
      series
        .json<{ series: { period: string; civilianFatalities: number; civilianEvents: number }[] }>()
        .series.map((p) => [p.period, p]),
    );
    for (const h of body.history) {
      expect(h.fatalities, h.month).toBe(byMonth.get(h.month)?.civilianFatalities ?? 0);
      expect(h.events, h.month).toBe(byMonth.get(h.month)?.civilianEvents ?? 0);
    }
    expect(body.history.find((h) => h.month === '2019-03')!.fatalities).toBeGreaterThan(150);
    expect((await get('/api/v1/areas/admin1/ML-XX')).statusCode).toBe(404);
    expect((await get('/api/v1/areas/priogrid/1')).statusCode).toBe(400);
    expect((await get('/api/v1/areas/admin1/ML-MO?months=3')).statusCode).toBe(400);
  });

  it('shows the stored forecast for the area and its open alerts, alerts left out for viewers', async () => {
    const run = await cli([
      'forecast',
      'run',
      '--origin',
      '2018-12',
      '--horizons',
      '1-6',
      '--samples',
      '200',
      ...database.cliArgs,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      headers: admin,
      payload: {
        area: { pcode: 'ML0501', name: 'Bandiagara' },
        severity: 'high',
        requiredResponse: 'Appeler',
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    const set = (await get('/api/v1/forecasts?unit=admin1')).json<ForecastSet>();
    const body = (await get('/api/v1/areas/admin1/ML-MO')).json<AreaProfile>();
    expect(body.forecast!.run).toEqual(set.run);
    expect(body.forecast!.values).toEqual(set.values.filter((v) => v.unitCode === 'ML-MO'));
    expect(body.forecast!.values.map((v) => v.horizon)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(body.alerts!.map((a) => a.placeName)).toEqual(['Bandiagara']);
    expect(Object.keys(body.alerts![0]!).sort()).toEqual(
      ['createdAt', 'deadline', 'harm', 'id', 'placeName', 'reference', 'severity', 'state'].sort(),
    );
    const gao = (await get('/api/v1/areas/admin1/ML-GO')).json<AreaProfile>();
    expect(gao.alerts).toEqual([]);
    const viewer = (await get('/api/v1/areas/admin1/ML-MO', await as('viewer'))).json<AreaProfile>();
    expect(viewer.alerts).toBeNull();
    expect(viewer.forecast!.values).toEqual(body.forecast!.values);
    expect((await app.inject({ method: 'GET', url: '/api/v1/areas/admin1/ML-MO' })).statusCode).toBe(401);

    const shown = await cli(['areas', 'show', 'admin1', 'ML-MO', '--json', ...database.cliArgs]);
    expect(shown.code, shown.stderr).toBe(0);
    const fromCli = JSON.parse(shown.stdout) as AreaProfile;
    expect(fromCli.history).toEqual(body.history);
    expect(fromCli.forecast!.values).toEqual(body.forecast!.values);
    expect(fromCli.alerts).toBeNull();
    const text = await cli(['areas', 'show', 'admin1', 'ML-MO', '--lang', 'en', ...database.cliArgs]);
    expect(text.stdout).toContain('Mopti (ML-MO, admin1, MLI)');
    expect(text.stdout).toContain('Forecast of civilian-fatalities from origin 2018-12');
    const none = await cli([
      'areas',
      'show',
      'admin1',
      'ML-MO',
      '--outcome',
      'civilian-events',
      ...database.cliArgs,
    ]);
    expect(none.stdout).toContain('vigie forecast run --unit admin1 --outcome civilian-events');
    expect((await cli(['areas', 'show', 'priogrid', '12', ...database.cliArgs])).code).toBe(2);
  }, 240_000);
});
