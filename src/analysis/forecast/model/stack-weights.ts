/**
 * Weights of a linear pool of predictive distributions chosen by CRPS on past forecasts (stacking; Yao, Vehtari,
 * Simpson & Gelman, "Using stacking to average Bayesian predictive distributions", Bayesian Analysis 13, 2018, with
 * the CRPS in place of the log score as in Gneiting & Ranjan, EJS 7, 2013).
 *
 * For a mixture Σ w_k F_k the CRPS is quadratic in the weights (Gneiting & Raftery 2007, eq. 21):
 *
 *   CRPS(Σ w_k F_k, y) = Σ_k w_k E|X_k − y| − ½ Σ_k Σ_l w_k w_l E|X_k − X_l|
 *
 * so a training set of past forecasts reduces to K means A_k and a K × K matrix D_kl, accumulated per cell from
 * sorted samples in O(M) each (prefix sums, two pointers), and any weight vector is scored without resampling.
 * The weights minimise the mean over a grid of the simplex (step 1/20): K is small (2–4 parts) and a grid cannot
 * fail to converge.
 */

/** Mean |x − y| over sorted samples. */
export function meanAbsDiff(sorted: Float64Array, y: number): number {
  let s = 0;
  for (let i = 0; i < sorted.length; i++) s += Math.abs((sorted[i] ?? 0) - y);
  return sorted.length === 0 ? 0 : s / sorted.length;
}

/** Mean |a_i − b_j| over all pairs of two sorted sample sets, in O(|a| + |b|). */
export function meanPairDiff(a: Float64Array, b: Float64Array): number {
  const n = b.length;
  if (a.length === 0 || n === 0) return 0;
  const prefix = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) prefix[j + 1] = (prefix[j] ?? 0) + (b[j] ?? 0);
  const total = prefix[n] ?? 0;
  let s = 0;
  let c = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    while (c < n && (b[c] ?? 0) <= x) c++;
    const below = prefix[c] ?? 0;
    s += x * c - below + (total - below) - x * (n - c);
  }
  return s / (a.length * n);
}

/** Running sums of A_k and D_kl over training cells. */
export interface StackStats {
  parts: number;
  cells: number;
  a: Float64Array;
  d: Float64Array;
}

export function emptyStackStats(parts: number): StackStats {
  return { parts, cells: 0, a: new Float64Array(parts), d: new Float64Array(parts * parts) };
}

/** Adds one cell: the sorted samples of each part and the observed count. */
export function addCell(stats: StackStats, sorted: readonly Float64Array[], y: number): void {
  const k = stats.parts;
  for (let i = 0; i < k; i++) {
    const si = sorted[i];
    if (!si) continue;
    stats.a[i] = (stats.a[i] ?? 0) + meanAbsDiff(si, y);
    for (let j = i; j < k; j++) {
      const sj = sorted[j];
      if (!sj) continue;
      const v = meanPairDiff(si, sj);
      stats.d[i * k + j] = (stats.d[i * k + j] ?? 0) + v;
      if (j !== i) stats.d[j * k + i] = (stats.d[j * k + i] ?? 0) + v;
    }
  }
  stats.cells++;
}

/** Mean CRPS of the mixture with weights w over the training cells. */
export function mixtureCrps(stats: StackStats, w: ArrayLike<number>): number {
  const k = stats.parts;
  let s = 0;
  for (let i = 0; i < k; i++) {
    s += (w[i] ?? 0) * (stats.a[i] ?? 0);
    for (let j = 0; j < k; j++) s -= 0.5 * (w[i] ?? 0) * (w[j] ?? 0) * (stats.d[i * k + j] ?? 0);
  }
  return s / Math.max(1, stats.cells);
}

/** Every composition of `total` into `parts` non-negative integers (the simplex grid, in steps). */
function* compositions(parts: number, total: number): Generator<number[]> {
  if (parts === 1) {
    yield [total];
    return;
  }
  for (let i = 0; i <= total; i++) for (const rest of compositions(parts - 1, total - i)) yield [i, ...rest];
}

/**
 * The CRPS-minimising weights on the grid; equal weights when there is no training cell. Ties keep the first
 * (the grid starts at the last part alone), which is deterministic.
 */
export function stackWeights(stats: StackStats, steps = 20): Float64Array {
  const k = stats.parts;
  if (stats.cells === 0) return new Float64Array(k).fill(1 / k);
  let best = Infinity;
  let bestW: number[] = [];
  for (const c of compositions(k, steps)) {
    const w = c.map((x) => x / steps);
    const v = mixtureCrps(stats, w);
    if (v < best - 1e-12) {
      best = v;
      bestW = w;
    }
  }
  return Float64Array.from(bestW);
}
