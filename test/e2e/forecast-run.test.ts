import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVigie } from '../../src/main.ts';
import type { ForecastSet } from '../../src/services/forecast-run.ts';
import { cli, importMaliAcled } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { signedInApp } from '../support/http.ts';
import { hasSharedData } from '../support/shared-data.ts';

/** `vigie forecast run` stores forecasts with intervals; GET /api/v1/forecasts returns the newest run. */
describe.skipIf(!hasSharedData)('forecast run on the real Mali file', () => {
  let database: TestDatabase;
  const run = (...args: string[]) => cli([...args, ...database.cliArgs]);

  beforeAll(async () => {
    database = sqliteDatabase();
    await importMaliAcled(database.cliArgs);
  }, 120_000);
  afterAll(() => database.drop());

  it('stores one summary per region and month, and serves the newest run', async () => {
    const vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    try {
      const app = await signedInApp(vigie);
      const none = await app.inject({ method: 'GET', url: '/api/v1/forecasts' });
      expect(none.statusCode).toBe(404);

      const res = await run(
        'forecast',
        'run',
        '--origin',
        '2018-12',
        '--horizons',
        '1-2',
        '--samples',
        '200',
        '--json',
      );
      expect(res.code, res.stderr).toBe(0);
      const set = JSON.parse(res.stdout) as ForecastSet;
      expect(set.run).toMatchObject({
        origin: '2018-12',
        unit: 'admin1',
        outcome: 'civilian-fatalities',
        country: 'MLI',
      });
      expect(set.values).toHaveLength(9 * 2);
      expect(new Set(set.values.map((v) => v.targetMonth))).toEqual(new Set(['2019-01', '2019-02']));
      for (const v of set.values) {
        // The 50 % interval sits inside the 90 % one, around the median.
        expect(v.lower90).toBeLessThanOrEqual(v.lower50!);
        expect(v.lower50!).toBeLessThanOrEqual(v.median);
        expect(v.median).toBeLessThanOrEqual(v.upper50!);
        expect(v.upper50!).toBeLessThanOrEqual(v.upper90);
        expect(v.pAny).toBeGreaterThanOrEqual(v.pMass);
      }
      // Mopti, where most civilians were killed in 2018, has the highest expected toll.
      const jan = set.values.filter((v) => v.targetMonth === '2019-01').sort((a, b) => b.mean - a.mean);
      expect(jan[0]!.unitName).toBe('Mopti');

      const served = await app.inject({ method: 'GET', url: '/api/v1/forecasts?unit=admin1' });
      expect(served.statusCode, served.body).toBe(200);
      const body = served.json<ForecastSet>();
      expect(body.run.id).toBe(set.run.id);
      expect(body.values).toHaveLength(18);
      const bad = await app.inject({ method: 'GET', url: '/api/v1/forecasts?outcome=deaths' });
      expect(bad.statusCode).toBe(400);
      expect((await run('forecast', 'run', '--origin', '2019-13')).code).toBe(2);
      await app.close();
    } finally {
      await vigie.close();
    }
  }, 180_000);
});
