/**
 * The training design of one horizon's model: features of month t (features.ts) against the count of month t + h,
 * for every unit and every t with t + h ≤ origin — nothing after the origin — optionally only the last
 * `trainingMonths` values of t. Features but the intercept are standardised (mean 0, sd 1 over the training
 * rows) so that one ridge penalty means the same for each and BFGS sees a well-scaled problem.
 */
import type { Neighbours } from '../../../core/neighbours.ts';
import { countAt, type CountHistory } from '../series.ts';
import { featureCount, writeFeatures } from './features.ts';

export interface Design {
  x: Float64Array;
  y: Float64Array;
  rows: number;
  p: number;
}

export function design(
  history: CountHistory,
  nb: Neighbours,
  cov: readonly CountHistory[],
  origin: number,
  h: number,
  trainingMonths = Infinity,
): Design {
  const p = featureCount(cov);
  const last = origin - h;
  const first = Math.max(0, last - trainingMonths + 1);
  const rows = last < first ? 0 : history.units * (last - first + 1);
  const x = new Float64Array(rows * p);
  const y = new Float64Array(rows);
  let r = 0;
  for (let u = 0; u < history.units; u++) {
    for (let t = first; t <= last; t++, r++) {
      writeFeatures(history, nb, cov, u, t, x, r * p);
      y[r] = countAt(history, u, t + h);
    }
  }
  return { x, y, rows, p };
}

export function standardise(d: Design): { center: Float64Array; scale: Float64Array } {
  const center = new Float64Array(d.p);
  const scale = new Float64Array(d.p).fill(1);
  for (let j = 1; j < d.p; j++) {
    let s = 0;
    for (let r = 0; r < d.rows; r++) s += d.x[r * d.p + j] ?? 0;
    const m = d.rows > 0 ? s / d.rows : 0;
    let v = 0;
    for (let r = 0; r < d.rows; r++) v += ((d.x[r * d.p + j] ?? 0) - m) ** 2;
    const sd = d.rows > 1 ? Math.sqrt(v / (d.rows - 1)) : 0;
    center[j] = m;
    scale[j] = sd > 1e-12 ? sd : 1;
  }
  for (let r = 0; r < d.rows; r++) {
    for (let j = 1; j < d.p; j++)
      d.x[r * d.p + j] = ((d.x[r * d.p + j] ?? 0) - (center[j] ?? 0)) / (scale[j] ?? 1);
  }
  return { center, scale };
}

export function dot(x: Float64Array, offset: number, b: ArrayLike<number>, p: number): number {
  let s = 0;
  for (let j = 0; j < p; j++) s += (x[offset + j] ?? 0) * (b[j] ?? 0);
  return s;
}
