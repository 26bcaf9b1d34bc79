import { describe, expect, it } from 'vitest';
import { VigieError } from '../core/errors.ts';
import { loadAggregateForecastData, type AggregateForecastDeps } from './forecast-data-aggregates.ts';
import type { Geography } from './geography.ts';

type Row = Awaited<ReturnType<AggregateForecastDeps['monthly']>>[number];

/** A unit square at column x: squares side by side touch, so they are queen neighbours. */
const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});

/** Gao (ML07) holds cercles ML0701 and the 2017 Ménaka cercle ML0704; Kidal (ML08) holds ML0801. */
const ADMIN2 = [
  { code: 'ML0701', name: 'Gao', geometry: square(0) },
  { code: 'ML0704', name: 'Ménaka', geometry: square(1) },
  { code: 'ML0801', name: 'Kidal', geometry: square(2) },
];
const ADMIN1 = [
  { code: 'ML07', name: 'Gao', geometry: square(0) },
  { code: 'ML08', name: 'Kidal', geometry: square(1) },
];

function deps(rows: Row[]): AggregateForecastDeps {
  const geography = {
    unitShapes: (level: 1 | 2) => Promise.resolve({ set: 'cod-ab', units: level === 1 ? ADMIN1 : ADMIN2 }),
  } as unknown as Geography;
  return { geography, monthly: () => Promise.resolve(rows) };
}

const row = (admin2Pcode: string, month: string, events: number, fatalities: number): Row => ({
  country: 'MLI',
  admin2Pcode,
  month,
  events,
  fatalities,
});

/** Two months of every unit; Ménaka reported in its four 2021 cercles (ML1001…ML1004), as the 2021+ files do. */
const ROWS: Row[] = ['2025-01', '2025-02']
  .flatMap((m, t) => [
    row('ML0701', m, 1 + t, 10 * (1 + t)),
    row('ML1001', m, 2, 5),
    row('ML1002', m, 1, 0),
    row('ML1003', m, 0, 0),
    row('ML1004', m, t, 3 * t),
    row('ML0801', m, 4, 7),
    row('BFA0101', m, 99, 99), // another country's row: not read
  ])
  .map((r) => (r.admin2Pcode === 'BFA0101' ? { ...r, country: 'BFA' } : r));

const request = { country: 'MLI', language: 'en' as const };

describe('forecast history from the monthly aggregates', () => {
  it('reads admin-2 fatalities, merging the 2021 Ménaka cercles into ML0704, with events as the covariate', async () => {
    const d = await loadAggregateForecastData(deps(ROWS), {
      ...request,
      unit: 'admin2',
      outcome: 'fatalities',
    });
    expect(d.months).toEqual(['2025-01', '2025-02']);
    expect(d.codes).toEqual(['ML0701', 'ML0704', 'ML0801']);
    // unit-major: unit u, month t at u × months + t.
    expect([...d.history.counts]).toEqual([10, 20, 5, 8, 7, 7]);
    expect(d.covariates).toHaveLength(1);
    expect([...d.covariates[0]!.counts]).toEqual([1, 2, 3, 4, 4, 4]);
    expect(d.neighbours.offsets.length).toBe(4);
  });

  it('sums cercles into their region for admin-1, events as the outcome and fatalities as the covariate', async () => {
    const d = await loadAggregateForecastData(deps(ROWS), { ...request, unit: 'admin1', outcome: 'events' });
    expect(d.codes).toEqual(['ML07', 'ML08']);
    expect([...d.history.counts]).toEqual([4, 6, 4, 4]);
    expect([...d.covariates[0]!.counts]).toEqual([15, 28, 7, 7]);
  });

  it('refuses a unit-month the file lacks instead of reading it as zero', async () => {
    const rows = ROWS.filter((r) => !(r.admin2Pcode === 'ML0801' && r.month === '2025-02'));
    await expect(
      loadAggregateForecastData(deps(rows), { ...request, unit: 'admin2', outcome: 'fatalities' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', details: { what: 'aggregate rows for ML0801 in 2025-02' } });
  });

  it('refuses counts for P-codes the loaded boundaries do not hold', async () => {
    const rows = [...ROWS, row('ML0902', '2025-01', 3, 1)];
    const error = await loadAggregateForecastData(deps(rows), {
      ...request,
      unit: 'admin2',
      outcome: 'fatalities',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).code).toBe('NOT_FOUND');
    expect(JSON.stringify((error as VigieError).details)).toContain('ML0902');
  });

  it('says how to import the aggregates when none are stored for the country', async () => {
    await expect(
      loadAggregateForecastData(deps([]), { ...request, unit: 'admin1', outcome: 'fatalities' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
