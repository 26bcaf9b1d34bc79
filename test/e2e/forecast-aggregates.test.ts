import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openVigie } from '../../src/main.ts';
import type { BacktestResponse } from '../../src/services/forecast-backtest.ts';
import type { ForecastSet } from '../../src/services/forecast-run.ts';
import type { AlertEvaluationResponse, AlertScanResponse } from '../../src/services/alert-rules.ts';
import { cli } from '../support/cli.ts';
import { signedInApp } from '../support/http.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const MONTHLY =
  'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv';

/**
 * Forecasts from ACLED's monthly admin-2 aggregates (HDX, to 2026-04) instead of stored events: the months after
 * the event files, where the model is scored on data nobody tuned it to, and where current forecasts come from.
 * No event file is loaded, so every number here comes from the aggregates.
 */
describe.skipIf(!hasSharedData)('forecasts and alert rules from the monthly aggregates', () => {
  let dir: string;
  const db = () => ['--db', join(dir, 'vigie.db')];
  const run = (...args: string[]) => cli([...args, ...db()]);
  /** The flags that read the monthly aggregates instead of stored events. */
  const fromAggregates = (outcome: 'fatalities' | 'events') => [
    '--source',
    'aggregates',
    '--outcome',
    outcome,
  ];
  const short = ['--origins', '2025-01:2025-04', '--horizons', '1-2', '--samples', '200'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-forecast-aggregates-'));
    const adm2 = sharedData('mali-boundaries-ocha/mali_adm2.geojson')!;
    for (const args of [
      ['boundaries', adm2, '--level', '2', '--set', 'cod-ab-2017'],
      ['acled-monthly', sharedData(MONTHLY)!],
    ]) {
      const r = await run('import', ...args, '--json');
      expect(r.code, r.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backtests fatalities by Natural Earth region (no admin-1 set loaded) on months after the event files', async () => {
    const res = await run('forecast', 'backtest', ...fromAggregates('fatalities'), ...short, '--json');
    expect(res.code, res.stderr).toBe(0);
    const r = JSON.parse(res.stdout) as BacktestResponse;
    expect(r).toMatchObject({
      unit: 'admin1',
      outcome: 'fatalities',
      source: 'aggregates',
      origins: '2025-01:2025-04',
      units: 9,
      history: { from: '1997-01', to: '2026-04' },
    });
    expect(r.detail[r.candidate]!.all.n).toBe(4 * 2 * 9);
    const table = await run(
      'forecast',
      'backtest',
      ...fromAggregates('fatalities'),
      ...short,
      '--lang',
      'en',
    );
    expect(table.stdout).toContain(
      'Data: ACLED monthly political-violence aggregates per admin-2 unit, 1997-01 … 2026-04',
    );
  }, 180_000);

  it('forecasts the six months after the latest aggregate month for every cercle', async () => {
    const res = await run(
      'forecast',
      'run',
      ...fromAggregates('events'),
      '--unit',
      'admin2',
      '--samples',
      '200',
      '--json',
    );
    expect(res.code, res.stderr).toBe(0);
    const set = JSON.parse(res.stdout) as ForecastSet;
    expect(set.run).toMatchObject({
      origin: '2026-04',
      unit: 'admin2',
      outcome: 'events',
      source: 'aggregates',
    });
    const months = [...new Set(set.values.map((v) => v.targetMonth))].sort();
    expect(months).toEqual(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    // 50 cercles in 2017 terms (Ménaka's four 2021 cercles are ML0704), each with an interval around its median.
    expect(new Set(set.values.map((v) => v.unitCode)).size).toBe(50);
    expect(set.values.some((v) => v.unitCode === 'ML0704')).toBe(true);
    for (const v of set.values) {
      expect(v.lower90).toBeLessThanOrEqual(v.median);
      expect(v.upper90).toBeGreaterThanOrEqual(v.median);
    }
  }, 180_000);

  it('shows a cercle’s history and stored forecast from the aggregates on its area page (CLI and HTTP)', async () => {
    const res = await run('areas', 'show', 'admin2', 'ML0704', '--outcome', 'events', '--lang', 'en');
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('All political-violence fatalities and events by month, 2023-05 … 2026-04');
    expect(res.stdout).toContain('Source: ACLED monthly political-violence aggregates per admin-2 unit.');
    expect(res.stdout).toContain('2026-05');
    const vigie = await openVigie({ sqlitePath: db()[1]! });
    try {
      const app = await signedInApp(vigie);
      const page = await app.inject({ method: 'GET', url: '/api/v1/areas/admin2/ML0704?outcome=events' });
      expect(page.statusCode, page.body).toBe(200);
      const area = page.json<{
        family: string;
        source: string;
        history: { month: string; fatalities: number; events: number }[];
        forecast: ForecastSet;
      }>();
      expect(area).toMatchObject({ family: 'political-violence', source: 'aggregates' });
      expect(area.history).toHaveLength(36);
      expect(area.history.at(-1)!.month).toBe('2026-04');
      expect(area.forecast.values.map((v) => v.targetMonth)).toEqual([
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
      ]);
      // No stored event and no run for admin-1 fatalities: the history still comes from the aggregates.
      const region = await app.inject({
        method: 'GET',
        url: '/api/v1/areas/admin1/ML-GO?outcome=fatalities',
      });
      expect(region.statusCode, region.body).toBe(200);
      expect(region.json<{ source: string; forecast: unknown }>()).toMatchObject({
        source: 'aggregates',
        forecast: null,
      });
      await app.close();
    } finally {
      await vigie.close();
    }
  }, 180_000);

  it('runs the alert rules on the aggregates: a scan of the latest month and an out-of-sample evaluation', async () => {
    const scan = await run('alert-rules', 'scan', ...fromAggregates('fatalities'), '--json');
    expect(scan.code, scan.stderr).toBe(0);
    const s = JSON.parse(scan.stdout) as AlertScanResponse;
    expect(s).toMatchObject({
      month: '2026-04',
      source: 'aggregates',
      outcome: 'fatalities',
      unit: 'admin1',
    });
    expect(s.rules.length).toBeGreaterThan(0);
    const evaluation = await run(
      'alert-rules',
      'evaluate',
      ...fromAggregates('fatalities'),
      '--from',
      '2018-01',
      '--tune-to',
      '2021-12',
      '--rates',
      '1',
      '--json',
    );
    expect(evaluation.code, evaluation.stderr).toBe(0);
    const e = JSON.parse(evaluation.stdout) as AlertEvaluationResponse;
    expect(e).toMatchObject({
      source: 'aggregates',
      window: { from: '2022-01', to: '2026-04' },
      tuning: { mode: 'out-of-sample', from: '2018-01', to: '2021-12' },
    });
    expect(e.episodes.length).toBeGreaterThan(0);
  }, 180_000);

  it('refuses outcomes and units the aggregates do not carry, with exit code 2 and HTTP 400', async () => {
    const civilian = await run('forecast', 'backtest', '--source', 'aggregates', ...short);
    expect(civilian.code).toBe(2);
    expect(civilian.stderr).toContain('political-violence fatalities or events');
    const grid = await run(
      'forecast',
      'backtest',
      ...fromAggregates('events'),
      '--unit',
      'priogrid',
      ...short,
    );
    expect(grid.code).toBe(2);
    const vigie = await openVigie({ sqlitePath: db()[1]! });
    try {
      const app = await signedInApp(vigie);
      const query = 'source=aggregates&outcome=events&origins=2025-03:2025-04&horizons=1&samples=200';
      const ok = await app.inject({ method: 'GET', url: `/api/v1/forecast/backtest?${query}` });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json<BacktestResponse>()).toMatchObject({
        source: 'aggregates',
        outcome: 'events',
        units: 9,
      });
      const bad = await app.inject({ method: 'GET', url: '/api/v1/forecast/backtest?source=aggregates' });
      expect(bad.statusCode).toBe(400);
      await app.close();
    } finally {
      await vigie.close();
    }
  }, 180_000);
});
