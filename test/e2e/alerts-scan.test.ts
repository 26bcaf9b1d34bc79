import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { cli, importMaliAcled } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { hasSharedData } from '../support/shared-data.ts';

/** `vigie alerts scan` and POST /api/v1/alerts/scan: the alert rules of a month become alerts, once. */
describe.skipIf(!hasSharedData)('alerts from a scan of the rules on real Mali data', () => {
  let database: TestDatabase;
  let vigie: Vigie;
  let app: FastifyInstance;
  let monitor: { email: string; password: string; token: string };
  let analyst: { token: string };

  beforeAll(async () => {
    database = sqliteDatabase();
    await importMaliAcled(database.cliArgs);
    vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    app = await buildHttpApp(vigie);
    monitor = await userWithToken(vigie, 'monitor');
    analyst = await userWithToken(vigie, 'analyst');
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await vigie.close();
    await database.drop();
  });

  it('opens one alert per region that fires in March 2019, Mopti critical, and never twice', async () => {
    const scan = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/alerts/scan?month=2019-03',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await scan(analyst.token)).statusCode).toBe(403);
    const first = await scan(monitor.token);
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.month).toBe('2019-03');
    expect(body.created.length).toBeGreaterThan(0);
    const mopti = body.created.find(
      (a: { area: { admin1Pcode: string | null } }) => a.area.admin1Pcode === 'ML05',
    );
    expect(mopti).toMatchObject({ severity: 'critical', state: 'open' });
    const again = (await scan(monitor.token)).json();
    expect(again.created).toEqual([]);
    expect(again.existing.length).toBe(body.created.length);
    const viaCli = await cli([
      'alerts',
      'scan',
      '--month',
      '2019-03',
      '--user',
      monitor.email,
      '--password',
      monitor.password,
      '--json',
      ...database.cliArgs,
    ]);
    expect(viaCli.code, viaCli.stderr).toBe(0);
    expect(JSON.parse(viaCli.stdout).created).toEqual([]);
  });
});
