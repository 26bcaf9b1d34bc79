/**
 * Interval score and coverage of a central (1 − α) prediction interval read from samples.
 *
 * IS_α(l, u; y) = (u − l) + (2/α)(l − y)·1{y < l} + (2/α)(y − u)·1{y > u}
 * (Gneiting & Raftery, JASA 102, 2007, eq. 43); its mean over observations is the MIS. With α = 0.1 this is the
 * challenge's "mis" at prediction_interval_level 0.9. The bounds are the α/2 and 1 − α/2 sample quantiles
 * interpolated linearly as NumPy's default `np.quantile` does (Hyndman & Fan type 7), which is how the VIEWS
 * challenge reads them (IntervalScore.py in https://github.com/prio-data/prediction_competition_2023).
 */

/** Type-7 quantile of an ascending array: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? NaN;
  const b = sorted[Math.min(lo + 1, n - 1)] ?? NaN;
  return a + (h - lo) * (b - a);
}

export interface PredictionInterval {
  lower: number;
  upper: number;
}

export function centralInterval(samples: ArrayLike<number>, alpha = 0.1): PredictionInterval {
  return centralIntervalSorted(Float64Array.from(samples).sort(), alpha);
}

export function centralIntervalSorted(sorted: ArrayLike<number>, alpha = 0.1): PredictionInterval {
  return { lower: quantileSorted(sorted, alpha / 2), upper: quantileSorted(sorted, 1 - alpha / 2) };
}

export function intervalScore({ lower, upper }: PredictionInterval, y: number, alpha = 0.1): number {
  let s = upper - lower;
  if (y < lower) s += (2 / alpha) * (lower - y);
  if (y > upper) s += (2 / alpha) * (y - upper);
  return s;
}

/** Whether the closed interval [l, u] holds y (the coverage indicator; its mean is the empirical coverage). */
export function covers({ lower, upper }: PredictionInterval, y: number): boolean {
  return y >= lower && y <= upper;
}
