import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/http.ts';
import { openVigie } from '../../src/main.ts';
import type { DrawdownResult } from '../../src/services/drawdown.ts';
import { cli } from '../support/cli.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const MONTHLY =
  'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv';

/**
 * The drawdown protection gap on real data: OCHA cercles (2017), the 2023 MINUSMA closures and ACLED's monthly
 * admin-2 political violence from HDX (2021 codes, Ménaka's cercles folded into ML0704). No event file is loaded:
 * every window must be answered from the monthly aggregates.
 */
describe.skipIf(!hasSharedData)('vigie drawdown on the 2023 MINUSMA closures', () => {
  let dir: string;
  const run = (...args: string[]) => cli([...args, '--db', join(dir, 'vigie.db')]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-drawdown-'));
    for (const args of [
      [
        'boundaries',
        sharedData('mali-boundaries-ocha/mali_adm2.geojson')!,
        '--level',
        '2',
        '--set',
        'cod-ab-2017',
      ],
      ['bases', sharedData('minusma-bases/minusma_bases_2023.csv')!],
      ['acled-monthly', sharedData(MONTHLY)!],
    ]) {
      const r = await run('import', ...args, '--json');
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says why when no admin-2 set is loaded', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'vigie-drawdown-empty-'));
    try {
      const r = await cli(['drawdown', '--json', '--db', join(empty, 'vigie.db')]);
      expect(r.code).not.toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({
        error: { code: 'NOT_FOUND', details: { reason: expect.stringContaining('admin-2') } },
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('estimates a difference-in-differences for each of the 11 bases closed in 2023', async () => {
    const r = await run('drawdown', '--json', '--months', '6');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as DrawdownResult[];
    expect(rows.map((b) => b.base)).toHaveLength(11);
    expect(new Set(rows.map((b) => b.base)).size).toBe(11);
    for (const b of rows) {
      expect(b.closedOn.startsWith('2023-'), b.base).toBe(true);
      expect(b.source, b.base).toBe('acled-monthly-admin2');
      const numbers = [
        b.treated.before,
        b.treated.after,
        b.comparison.before,
        b.comparison.after,
        b.did,
        ...b.ci95,
      ];
      expect(numbers.every(Number.isFinite), b.base).toBe(true);
      expect(b.ci95[0], b.base).toBeLessThanOrEqual(b.did);
      expect(b.did, b.base).toBeLessThanOrEqual(b.ci95[1]);
      expect(b.comparison.units, b.base).toBeGreaterThan(30);
    }
    expect(rows.find((b) => b.base === 'Menaka')?.admin2).toBe('ML0704');
    const f = (v: number) => v.toFixed(2);
    console.log(
      [
        'base | closedOn | admin2 | treated before→after | comparison before→after (units) | DiD | 95 % CI',
        ...rows.map(
          (b) =>
            `${b.base} | ${b.closedOn} | ${b.admin2} ${b.admin2Name} | ${f(b.treated.before)}→${f(b.treated.after)} | ` +
            `${f(b.comparison.before)}→${f(b.comparison.after)} (${b.comparison.units}) | ${f(b.did)} | ` +
            `[${f(b.ci95[0])}, ${f(b.ci95[1])}]`,
        ),
      ].join('\n'),
    );
    // Deterministic for a seed: the same run gives the same intervals.
    const again = JSON.parse((await run('drawdown', '--json', '--months', '6')).stdout) as DrawdownResult[];
    expect(again).toEqual(rows);
  });

  it('answers the same through GET /api/v1/drawdown', async () => {
    const vigie = await openVigie({ sqlitePath: join(dir, 'vigie.db') });
    const app = await signedInApp(vigie);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/drawdown?months=6&seed=1' });
      expect(res.statusCode, res.body).toBe(200);
      const cliRows = JSON.parse((await run('drawdown', '--json')).stdout) as DrawdownResult[];
      expect(res.json<{ bases: DrawdownResult[] }>().bases).toEqual(cliRows);
      const bad = await app.inject({ method: 'GET', url: '/api/v1/drawdown?measure=deaths' });
      expect(bad.statusCode).toBe(400);
    } finally {
      await app.close();
      await vigie.close();
    }
  });
});
