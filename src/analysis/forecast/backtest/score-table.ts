/**
 * Scores of one model's forecasts for every (origin, horizon, unit), as columns of typed arrays indexed
 * ((origin · H) + horizon) · U + unit, so a Mali admin-1 protocol (60 origins × 6 horizons × 9 units) and a
 * PRIO-GRID one (× 435 units) fit the same structure. A cell whose target month lies past the history is NaN
 * in `y` and skipped by every summary.
 *
 * Per cell: CRPS (standard sample form, scores/crps.ts), ignorance (VIEWS bins), the 90 % interval score and
 * coverage, the probabilities of y ≥ 1 and y ≥ 25 (for Brier and average precision), the squared error on log1p
 * and TADDA (the change in log1p from the origin month, ε = 0.048), and whether the unit was active (any y > 0 in
 * the 12 months up to the origin — the rest is the onset population).
 */
import { crpsSampleSorted } from '../scores/crps.ts';
import { ignoranceScore } from '../scores/ignorance.ts';
import { centralIntervalSorted, covers, intervalScore } from '../scores/interval.ts';
import { exceedanceProbability } from '../scores/binary.ts';
import { pointLog1p, squaredLogError, tadda } from '../scores/point.ts';
import { countAt, pastWindow, unitSamples, type CountHistory, type SampleMatrix } from '../series.ts';

export const SCORE_COLUMNS = [
  'y',
  'crps',
  'ign',
  'mis90',
  'covered90',
  'p1',
  'p25',
  'logmse',
  'tadda',
  'active',
] as const;
export type ScoreColumn = (typeof SCORE_COLUMNS)[number];

export interface ScoreTable {
  origins: readonly number[];
  horizons: readonly number[];
  units: number;
  columns: Record<ScoreColumn, Float64Array>;
}

export function emptyScoreTable(
  origins: readonly number[],
  horizons: readonly number[],
  units: number,
): ScoreTable {
  const n = origins.length * horizons.length * units;
  const columns = {} as Record<ScoreColumn, Float64Array>;
  for (const c of SCORE_COLUMNS) columns[c] = new Float64Array(n).fill(NaN);
  return { origins, horizons, units, columns };
}

export function cellIndex(
  table: ScoreTable,
  originIndex: number,
  horizonIndex: number,
  unit: number,
): number {
  return (originIndex * table.horizons.length + horizonIndex) * table.units + unit;
}

/** Scores the forecast made at origins[oi] for horizons[hi] into the table. */
export function scoreInto(
  table: ScoreTable,
  history: CountHistory,
  forecast: SampleMatrix,
  originIndex: number,
  horizonIndex: number,
): void {
  const origin = table.origins[originIndex] ?? 0;
  const target = origin + (table.horizons[horizonIndex] ?? 1);
  if (target >= history.months) return;
  const c = table.columns;
  for (let u = 0; u < table.units; u++) {
    const i = cellIndex(table, originIndex, horizonIndex, u);
    const samples = Float64Array.from(unitSamples(forecast, u)).sort(); // sorted once for CRPS and the interval
    const y = countAt(history, u, target);
    const base = Math.log1p(countAt(history, u, origin));
    const interval = centralIntervalSorted(samples, 0.1);
    const point = pointLog1p(samples);
    c.y[i] = y;
    c.crps[i] = crpsSampleSorted(samples, y);
    c.ign[i] = ignoranceScore(samples, y);
    c.mis90[i] = intervalScore(interval, y, 0.1);
    c.covered90[i] = covers(interval, y) ? 1 : 0;
    c.p1[i] = exceedanceProbability(samples, 1);
    c.p25[i] = exceedanceProbability(samples, 25);
    c.logmse[i] = squaredLogError(point, y);
    c.tadda[i] = tadda(point - base, Math.log1p(y) - base);
    c.active[i] = pastWindow(history, u, origin, 12).some((x) => x > 0) ? 1 : 0;
  }
}
