/**
 * Predictors of a unit's count h months after month t, all read from months ≤ t (no look-ahead), on the log1p
 * scale because monthly fatalities are heavy-tailed. They follow what conflict forecasting has found to carry the
 * signal (Hegre et al., "ViEWS: a political violence early-warning system", JPR 56, 2019; the VIEWS "decay"
 * features: a quantity halving every α months since the last event):
 *
 *  0  intercept
 *  1  log1p(y_t)                         — the last month
 *  2  log1p(mean y over t−2 … t)          — the last quarter
 *  3  log1p(mean y over t−11 … t)         — the last year
 *  4  log1p(exponentially weighted mean over t−35 … t, half-life 12 months) — the decayed history
 *  5  log1p(mean over neighbours of their last-quarter mean) — the spatial lag (0 without neighbours)
 *  6  2^(−m/6), m = months since the last month with y > 0 (0 when none is seen) — time since the last event
 *  7… log1p(last-quarter mean) of each covariate series (e.g. other violence types, events rather than deaths)
 */
import type { Neighbours } from '../../../core/neighbours.ts';
import { countAt, type CountHistory } from '../series.ts';

export const BASE_FEATURES = 7;

export function featureCount(covariates: readonly CountHistory[]): number {
  return BASE_FEATURES + covariates.length;
}

function windowMean(h: CountHistory, u: number, t: number, length: number): number {
  const from = Math.max(0, t - length + 1);
  let s = 0;
  for (let k = from; k <= t; k++) s += countAt(h, u, k);
  return s / (t - from + 1);
}

const DECAY = Math.pow(0.5, 1 / 12);

/** Writes the features of unit u at month t into out[offset …]. */
export function writeFeatures(
  history: CountHistory,
  neighbours: Neighbours,
  covariates: readonly CountHistory[],
  u: number,
  t: number,
  out: Float64Array,
  offset: number,
): void {
  out[offset] = 1;
  out[offset + 1] = Math.log1p(countAt(history, u, t));
  out[offset + 2] = Math.log1p(windowMean(history, u, t, 3));
  out[offset + 3] = Math.log1p(windowMean(history, u, t, 12));
  let wsum = 0;
  let ysum = 0;
  let w = 1;
  for (let k = t; k >= Math.max(0, t - 35); k--) {
    ysum += w * countAt(history, u, k);
    wsum += w;
    w *= DECAY;
  }
  out[offset + 4] = Math.log1p(ysum / wsum);
  const from = neighbours.offsets[u] ?? 0;
  const to = neighbours.offsets[u + 1] ?? from;
  let lag = 0;
  for (let k = from; k < to; k++) lag += windowMean(history, neighbours.indices[k] ?? 0, t, 3);
  out[offset + 5] = to > from ? Math.log1p(lag / (to - from)) : 0;
  let since = -1;
  for (let k = t; k >= 0; k--) {
    if (countAt(history, u, k) > 0) {
      since = t - k;
      break;
    }
  }
  out[offset + 6] = since < 0 ? 0 : Math.pow(2, -since / 6);
  covariates.forEach((c, j) => {
    out[offset + BASE_FEATURES + j] = Math.log1p(windowMean(c, u, t, 3));
  });
}
