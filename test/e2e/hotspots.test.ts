import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/http.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { cli, importMaliAcled } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

interface Cell {
  code: string;
  name: string;
  value: number;
  z: number;
  p: number;
  pFdr: number;
  class: string;
}

/** `vigie hotspots` and GET /api/v1/hotspots on the real Mali ACLED export, before and after COD-AB admin-2. */
describe.skipIf(!hasSharedData)('hotspots from the CLI and the API', () => {
  let database: TestDatabase;
  const run = (...args: string[]) => cli([...args, ...database.cliArgs]);

  beforeAll(async () => {
    database = sqliteDatabase();
    await importMaliAcled(database.cliArgs);
  }, 120_000);
  afterAll(() => database.drop());

  it('prints every unit with z, p, pFdr and class as JSON, reproducibly for a seed', async () => {
    const args = [
      'hotspots',
      '--unit',
      'priogrid',
      '--measure',
      'events',
      '--from',
      '2018-01',
      '--to',
      '2018-12',
    ];
    const res = await run(...args, '--permutations', '999', '--seed', '7', '--json');
    expect(res.code, res.stderr).toBe(0);
    const body = JSON.parse(res.stdout) as {
      unit: string;
      measure: string;
      from: string;
      to: string;
      cells: Cell[];
    };
    expect(body).toMatchObject({ unit: 'priogrid', measure: 'events', from: '2018-01', to: '2018-12' });
    expect(Object.keys(body.cells[0]!)).toEqual(['code', 'name', 'value', 'z', 'p', 'pFdr', 'class']);
    // Cells without events are part of the study area, and the highest z comes first.
    expect(body.cells.filter((c) => c.value === 0).length).toBeGreaterThan(300);
    expect(body.cells[0]!.z).toBeGreaterThanOrEqual(body.cells[1]!.z);
    expect(body.cells[0]!.class).toMatch(/^hot-/);
    for (const c of body.cells) expect(c.p).toBeGreaterThanOrEqual(1 / 1000);
    const again = await run(...args, '--permutations', '999', '--seed', '7', '--json');
    expect(again.stdout).toBe(res.stdout);
  });

  it('prints a table in English, and refuses a bad month or unit', async () => {
    const res = await run(
      'hotspots',
      '--unit',
      'admin1',
      '--from',
      '2018-01',
      '--to',
      '2018-12',
      '--lang',
      'en',
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('Gi* hotspots of events by admin1, 2018-01 → 2018-12');
    const fr = await run('hotspots', '--from', '2018-01', '--to', '2018-12', '--lang', 'fr');
    expect(fr.stdout).toContain('Points chauds Gi*');
    expect((await run('hotspots', '--from', '2018-13', '--to', '2018-12')).code).toBe(2);
    expect((await run('hotspots', '--unit', 'h3:9', '--from', '2018-01', '--to', '2018-12')).code).toBe(2);
    expect((await run('hotspots', '--from', '2019-01', '--to', '2018-12')).code).toBe(2);
  });

  describe('over HTTP', () => {
    let vigie: Vigie;
    let app: FastifyInstance;
    beforeAll(async () => {
      vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
      app = await signedInApp(vigie);
    });
    afterAll(async () => {
      await app.close();
      await vigie.close();
    });
    const get = (query: string) => app.inject({ method: 'GET', url: `/api/v1/hotspots?${query}` });

    it('answers what the CLI prints, and needs admin-2 boundaries for admin2', async () => {
      const query = 'unit=h3:5&measure=civilian-events&from=2017-01&to=2018-12&permutations=199&seed=3';
      const res = await get(query);
      expect(res.statusCode, res.body).toBe(200);
      const args = ['hotspots', '--unit', 'h3:5', '--measure', 'civilian-events', '--from', '2017-01'];
      const printed = await run(...args, '--to', '2018-12', '--permutations', '199', '--seed', '3', '--json');
      expect(res.json()).toEqual(JSON.parse(printed.stdout));
      expect((await get('unit=admin2&from=2018-01&to=2018-12')).statusCode).toBe(404);
      expect((await get('unit=admin3&from=2018-01&to=2018-12')).statusCode).toBe(400);
      expect((await get('from=2018-01')).statusCode).toBe(400);
      expect((await get('from=2018-01&to=2018-02&permutations=10')).statusCode).toBe(400);
    });

    it('lists every cercle once COD-AB admin-2 is loaded', async () => {
      const imported = await run(
        'import',
        'boundaries',
        sharedData('mali-boundaries-ocha/mali_adm2.geojson')!,
        '--level',
        '2',
        '--set',
        'cod-ab-2017',
      );
      expect(imported.code, imported.stderr).toBe(0);
      const res = await get('unit=admin2&measure=civilian-fatalities&from=2018-01&to=2018-12&lang=fr');
      expect(res.statusCode, res.body).toBe(200);
      const cells = res.json<{ cells: Cell[] }>().cells;
      expect(cells).toHaveLength(50);
      expect(cells.map((c) => c.name)).toContain('Bankass');
      expect(new Set(cells.map((c) => c.code)).size).toBe(50);
    });
  });
});

/** `vigie hotspots --emerging` and GET /api/v1/hotspots/emerging on the real Mali export, by quarter 2016–2019. */
describe.skipIf(!hasSharedData)('emerging hotspots from the CLI and the API', () => {
  let database: TestDatabase;
  const run = (...args: string[]) => cli([...args, ...database.cliArgs]);

  beforeAll(async () => {
    database = sqliteDatabase();
    await importMaliAcled(database.cliArgs);
  }, 120_000);
  afterAll(() => database.drop());

  it('classes every admin-1 region by quarter, the same on the CLI and over HTTP', async () => {
    const args = ['hotspots', '--emerging', '--unit', 'admin1', '--measure', 'events', '--from', '2016-01'];
    const res = await run(...args, '--to', '2019-12', '--step', 'quarter', '--lang', 'en', '--json');
    expect(res.code, res.stderr).toBe(0);
    const body = JSON.parse(res.stdout) as {
      steps: string[];
      cells: { class: string; hotSteps: string[]; coldSteps: string[] }[];
    };
    expect(body).toMatchObject({
      unit: 'admin1',
      measure: 'events',
      from: '2016-01',
      to: '2019-12',
      step: 'quarter',
    });
    expect(Object.keys(body)).toEqual(['unit', 'measure', 'from', 'to', 'step', 'steps', 'cells']);
    expect(body.steps).toHaveLength(16);
    expect(body.steps[0]).toBe('2016-Q1');
    expect(body.cells.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(body.cells[0]!)).toEqual([
      'code',
      'name',
      'class',
      'trendZ',
      'trendP',
      'hotSteps',
      'coldSteps',
    ]);
    for (const c of body.cells) {
      expect(c.class).toMatch(
        /^(no-pattern|(new|consecutive|intensifying|persistent|diminishing|sporadic|oscillating|historical)-(hot|cold))$/,
      );
      for (const s of [...c.hotSteps, ...c.coldSteps]) expect(body.steps).toContain(s);
    }
    expect(body.cells.some((c) => c.class !== 'no-pattern')).toBe(true);

    const vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    const app = await signedInApp(vigie);
    try {
      const url =
        '/api/v1/hotspots/emerging?unit=admin1&measure=events&from=2016-01&to=2019-12&step=quarter&lang=en';
      const http = await app.inject({ method: 'GET', url });
      expect(http.statusCode, http.body).toBe(200);
      expect(http.json()).toEqual(body);
      const partial = await app.inject({ method: 'GET', url: url.replace('2016-01', '2016-02') });
      expect(partial.statusCode).toBe(400);
      const bad = await app.inject({ method: 'GET', url: `${url}&step=week` });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
      await vigie.close();
    }
  });
});
