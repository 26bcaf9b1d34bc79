/**
 * Means of a score table over a subset of cells: all units, active units (an event in the 12 months up to the
 * origin) or quiet units (none: where onsets happen), for one horizon or pooled over all.
 * Brier and average precision are computed over the subset's cells together (AP is a ranking score: it has no
 * per-cell value), for the events y ≥ 1 and y ≥ 25.
 */
import { averagePrecision, brierScore } from '../scores/binary.ts';
import { cellIndex, type ScoreTable } from './score-table.ts';

export type UnitSubset = 'all' | 'active' | 'quiet';

export interface ScoreSummary {
  n: number;
  crps: number;
  ign: number;
  mis90: number;
  coverage90: number;
  brier1: number;
  brier25: number;
  ap1: number;
  ap25: number;
  logmse: number;
  tadda: number;
}

function inSubset(active: number, subset: UnitSubset): boolean {
  switch (subset) {
    case 'all':
      return true;
    case 'active':
      return active === 1;
    case 'quiet':
      return active === 0;
  }
}

/** The cells of a subset, for one horizon index or (undefined) every horizon. */
export function subsetCells(table: ScoreTable, subset: UnitSubset, horizonIndex?: number): number[] {
  const out: number[] = [];
  const { y, active } = table.columns;
  for (let o = 0; o < table.origins.length; o++) {
    for (let h = 0; h < table.horizons.length; h++) {
      if (horizonIndex !== undefined && h !== horizonIndex) continue;
      for (let u = 0; u < table.units; u++) {
        const i = cellIndex(table, o, h, u);
        if (!Number.isNaN(y[i] ?? NaN) && inSubset(active[i] ?? 0, subset)) out.push(i);
      }
    }
  }
  return out;
}

export function summarise(
  table: ScoreTable,
  subset: UnitSubset = 'all',
  horizonIndex?: number,
): ScoreSummary {
  const cells = subsetCells(table, subset, horizonIndex);
  const c = table.columns;
  const avg = (col: Float64Array) =>
    cells.length === 0 ? NaN : cells.reduce((s, i) => s + (col[i] ?? 0), 0) / cells.length;
  const brier = (p: Float64Array, threshold: number) =>
    cells.length === 0
      ? NaN
      : cells.reduce((s, i) => s + brierScore(p[i] ?? 0, (c.y[i] ?? 0) >= threshold), 0) / cells.length;
  const ap = (p: Float64Array, threshold: number) =>
    averagePrecision(
      cells.map((i) => p[i] ?? 0),
      cells.map((i) => (c.y[i] ?? 0) >= threshold),
    );
  return {
    n: cells.length,
    crps: avg(c.crps),
    ign: avg(c.ign),
    mis90: avg(c.mis90),
    coverage90: avg(c.covered90),
    brier1: brier(c.p1, 1),
    brier25: brier(c.p25, 25),
    ap1: ap(c.p1, 1),
    ap25: ap(c.p25, 25),
    logmse: avg(c.logmse),
    tadda: avg(c.tadda),
  };
}

/** Sum and count of one column per origin (over units and the chosen horizons), for the bootstrap over origins. */
export function perOrigin(
  table: ScoreTable,
  column: 'crps' | 'ign',
  subset: UnitSubset = 'all',
): { sum: Float64Array; count: Float64Array } {
  const sum = new Float64Array(table.origins.length);
  const count = new Float64Array(table.origins.length);
  const per = table.horizons.length * table.units;
  for (const i of subsetCells(table, subset)) {
    const o = Math.floor(i / per);
    sum[o] = (sum[o] ?? 0) + (table.columns[column][i] ?? 0);
    count[o] = (count[o] ?? 0) + 1;
  }
  return { sum, count };
}
