import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/http.ts';
import { openVigie } from '../../src/main.ts';
import type { RankingResult } from '../../src/services/presence-ranking.ts';
import { cli } from '../support/cli.ts';
import { HYPOTHETICAL_PRESENCES_CSV } from '../support/fixtures/presences.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const MONTHLY =
  'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv';

/**
 * The open-presence ranking on real data: OCHA cercles (2017), the MINUSMA bases (all closed in 2023, or closed on
 * dates nobody established), ACLED's monthly admin-2 political violence to 2026-04, and a hand-made file of
 * hypothetical open presences — the only open ones today. With --to 2023-06 the 11 dated MINUSMA bases were still
 * open and are ranked beside them.
 */
describe.skipIf(!hasSharedData)('vigie drawdown --ranking on real data', () => {
  let dir: string;
  const run = (...args: string[]) => cli([...args, '--db', join(dir, 'vigie.db')]);
  const ranking = async (...args: string[]) => {
    const r = await run('drawdown', '--ranking', '--json', ...args);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as RankingResult;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-ranking-'));
    const presences = join(dir, 'presences.csv');
    writeFileSync(presences, HYPOTHETICAL_PRESENCES_CSV);
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
      ['bases', presences],
      ['acled-monthly', sharedData(MONTHLY)!],
    ]) {
      const r = await run('import', ...args, '--json');
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expectFormulaHolds = (r: RankingResult) => {
    const w = r.formula.weights;
    expect(w.forecast).toBe(0);
    for (const p of r.presences) {
      const score = w.trend * p.trend.score + w.level * p.level.score + w.hotspot * p.hotspot.score;
      expect(p.score, p.name).toBeCloseTo(score, 12);
      expect(p.trend.previous + p.trend.recent, p.name).toBeGreaterThanOrEqual(0);
    }
    const scores = r.presences.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  };

  it('ranks the presences open today on the latest monthly data, and says why the others are left out', async () => {
    const r = await ranking();
    expect(r).toMatchObject({ source: 'acled-monthly-admin2', measure: 'political-violence-events' });
    expect([r.from, r.to]).toEqual(['2025-05', '2026-04']);
    expect(r.presences.map((p) => p.name).sort()).toEqual(
      [
        'Hypothetical Bamako',
        'Hypothetical Bandiagara',
        'Hypothetical Gao',
        'Hypothetical Kidal',
        'Hypothetical Menaka',
        'Hypothetical Mopti-Sevare',
        'Hypothetical Segou',
        'Hypothetical Timbuktu',
      ].sort(),
    );
    const reasons = (reason: string) => r.excluded.filter((e) => e.reason === reason).map((e) => e.name);
    expect(reasons('closed')).toHaveLength(11);
    expect(reasons('closure-undated').sort()).toEqual(['Bamako', 'Dyabali', 'Gao', 'Gossi', 'Leré']);
    expect(reasons('outside-boundaries')).toEqual(['Hypothetical Niamey (outside Mali)']);
    expect(reasons('not-yet-open')).toEqual(['Hypothetical Hombori (opens 2030)']);
    expect(r.presences.find((p) => p.name === 'Hypothetical Menaka')?.admin2).toBe('ML0704');
    expectFormulaHolds(r);
    console.log(table(r));
  });

  it('ranks the MINUSMA bases still open in June 2023 beside the hypothetical ones', async () => {
    const r = await ranking('--to', '2023-06');
    expect([r.from, r.to]).toEqual(['2022-07', '2023-06']);
    const minusma = r.presences.filter((p) => !p.name.startsWith('Hypothetical'));
    expect(minusma).toHaveLength(11);
    expectFormulaHolds(r);
    console.log(table(r));
    // Deterministic for a seed.
    expect(await ranking('--to', '2023-06')).toEqual(r);
  });

  it('answers the same through GET /api/v1/drawdown/ranking, and refuses what it cannot compute', async () => {
    const vigie = await openVigie({ sqlitePath: join(dir, 'vigie.db') });
    const app = await signedInApp(vigie);
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/drawdown/ranking?to=2023-06' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual(await ranking('--to', '2023-06'));
      const bad = await app.inject({ method: 'GET', url: '/api/v1/drawdown/ranking?months=1' });
      expect(bad.statusCode).toBe(400);
      const noEvents = await app.inject({ method: 'GET', url: '/api/v1/drawdown/ranking?source=events' });
      expect(noEvents.statusCode).toBe(404);
    } finally {
      await app.close();
      await vigie.close();
    }
    const misuse = await run('drawdown', '--to', '2023-06', '--json');
    expect(misuse.code).toBe(2);
  });
});

function table(r: RankingResult): string {
  const f = (v: number) => v.toFixed(2);
  return [
    `ranking ${r.from}…${r.to} (${r.measure}); ${r.formula.expression}`,
    'rank | presence | admin2 | score | previous→recent (trend) | level | Gi* class',
    ...r.presences.map(
      (p) =>
        `${p.rank} | ${p.name} | ${p.admin2} ${p.admin2Name} | ${f(p.score)} | ${p.trend.previous}→${p.trend.recent} ` +
        `(${f(p.trend.score)}) | ${f(p.level.score)} | ${p.hotspot.class ?? '—'}`,
    ),
  ].join('\n');
}
