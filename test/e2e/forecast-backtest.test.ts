import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVigie } from '../../src/main.ts';
import type { BacktestResponse } from '../../src/services/forecast-backtest.ts';
import { cli, importMaliAcled } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { signedInApp } from '../support/http.ts';
import { hasSharedData } from '../support/shared-data.ts';

const BASELINES = [
  'zero',
  'last-point',
  'last-poisson',
  'mean3-poisson',
  'mean12-poisson',
  'conflictology',
  'conflictology-neighbours',
  'bootstrap12',
  'bootstrap240',
  'nb36',
  'zinb36',
];

/**
 * `vigie forecast backtest` and GET /api/v1/forecast/backtest on the real Mali ACLED export (to 2019-06). A short
 * protocol (12 origins, 200 samples) keeps the test quick; the full one is the benchmark (bench/forecast).
 */
describe.skipIf(!hasSharedData)('forecast backtest on the real Mali file', () => {
  let database: TestDatabase;
  const run = (...args: string[]) => cli([...args, ...database.cliArgs]);
  const short = ['--origins', '2018-01:2018-12', '--horizons', '1-3', '--samples', '200'];

  beforeAll(async () => {
    database = sqliteDatabase();
    await importMaliAcled(database.cliArgs);
  }, 120_000);
  afterAll(() => database.drop());

  it('prints the issue’s JSON shape, every baseline beside the model, reproducibly', async () => {
    const res = await run('forecast', 'backtest', ...short, '--json');
    expect(res.code, res.stderr).toBe(0);
    const r = JSON.parse(res.stdout) as BacktestResponse;
    expect(r).toMatchObject({
      unit: 'admin1',
      outcome: 'civilian-fatalities',
      origins: '2018-01:2018-12',
      horizons: [1, 2, 3],
      units: 9,
      history: { from: '1997-01', to: '2019-06' },
    });
    expect(Object.keys(r.models).sort()).toEqual([...BASELINES, r.candidate].sort());
    expect(BASELINES).toContain(r.bestBaseline);
    for (const [name, m] of Object.entries(r.models)) {
      expect(Object.keys(m).sort(), name).toEqual(
        ['ap1', 'coverage90', 'crps', 'ign', 'logmse', 'mis90', 'tadda'].sort(),
      );
      expect(m.crps, name).toBeGreaterThan(0);
      expect(m.coverage90, name).toBeGreaterThanOrEqual(0);
      expect(m.coverage90, name).toBeLessThanOrEqual(1);
    }
    // 12 origins × 3 horizons × 9 regions, split into active and onset units.
    const d = r.detail[r.candidate]!;
    expect(d.all.n).toBe(12 * 3 * 9);
    expect(d.active.n + d.onset.n).toBe(d.all.n);
    expect(d.byHorizon).toHaveLength(3);
    // The best baseline has the lowest pooled CRPS of the baselines.
    const best = r.models[r.bestBaseline]!.crps!;
    for (const b of BASELINES) expect(r.models[b]!.crps!).toBeGreaterThanOrEqual(best);
    expect(r.skill!.ci95[0]!).toBeLessThanOrEqual(r.skill!.crpsVsBest!);
    expect(r.skill!.ci95[1]!).toBeGreaterThanOrEqual(r.skill!.crpsVsBest!);
    const again = JSON.parse(
      (await run('forecast', 'backtest', ...short, '--json')).stdout,
    ) as BacktestResponse;
    expect(again.models).toEqual(r.models);
  }, 120_000);

  it('prints a readable table, and refuses bad parameters with exit code 2', async () => {
    const res = await run('forecast', 'backtest', ...short, '--lang', 'en');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(
      'Backtest of civilian-fatalities forecasts by admin1 (MLI), origins 2018-01:2018-12',
    );
    expect(res.stdout).toContain('CRPS by horizon');
    expect(res.stdout).toMatch(/vs \S+: CRPS -?\d/);
    expect((await run('forecast', 'backtest', '--origins', '2018-13:2019-01')).code).toBe(2);
    expect((await run('forecast', 'backtest', '--unit', 'h3:5')).code).toBe(2);
    expect((await run('forecast', 'backtest', '--horizons', '6-1')).code).toBe(2);
    expect((await run('forecast', 'backtest', '--origins', '1990-01:1990-12')).code).toBe(2);
  }, 120_000);

  it('answers the same report over HTTP, for signed-in users only', async () => {
    const vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    try {
      const app = await signedInApp(vigie);
      const query = 'origins=2018-07:2018-12&horizons=1-2&samples=200&outcome=civilian-events';
      const res = await app.inject({ method: 'GET', url: `/api/v1/forecast/backtest?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<BacktestResponse>();
      expect(body).toMatchObject({
        outcome: 'civilian-events',
        origins: '2018-07:2018-12',
        horizons: [1, 2],
      });
      const cliRun = await run(
        'forecast',
        'backtest',
        '--origins',
        '2018-07:2018-12',
        '--horizons',
        '1-2',
        '--samples',
        '200',
        '--outcome',
        'civilian-events',
        '--json',
      );
      expect((JSON.parse(cliRun.stdout) as BacktestResponse).models).toEqual(body.models);
      const bad = await app.inject({ method: 'GET', url: '/api/v1/forecast/backtest?unit=h3:5' });
      expect(bad.statusCode).toBe(400);
      const anonymous = await app.inject({
        method: 'GET',
        url: `/api/v1/forecast/backtest?${query}`,
        headers: { authorization: '' },
      });
      expect(anonymous.statusCode).toBe(401);
      await app.close();
    } finally {
      await vigie.close();
    }
  }, 120_000);
});
