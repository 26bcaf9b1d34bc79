/**
 * Ignorance (logarithmic) score of binned predictive samples, as the VIEWS 2023/24 prediction challenge scores it
 * (evaluation/IgnoranceScore.py `ensemble_ignorance_score` and the defaults of evaluation/evaluate_submissions.py in
 * https://github.com/prio-data/prediction_competition_2023):
 *
 * - bin edges [0, 0.5, 2.5, 5.5, 10.5, 25.5, 50.5, 100.5, 250.5, 500.5, 1000.5], applied with NumPy's
 *   `digitize(x, edges) − 1`, i.e. left-closed bins; on counts these are the 11 classes
 *   0 | 1–2 | 3–5 | 6–10 | 11–25 | 26–50 | 51–100 | 101–250 | 251–500 | 501–1000 | 1001+;
 * - empty bins: the challenge appends one pseudo-sample to every class before counting ("Append one observation in
 *   each bin-category to the forecasts to prevent 0 probability occuring"), so with M samples and c of them in the
 *   observation's class, IGN = −log₂((c + 1) / (M + 11)). The score therefore depends on M: compare models at
 *   equal sample counts (the challenge fixed M = 1000).
 */

export const VIEWS_IGNORANCE_EDGES: readonly number[] = [
  0, 0.5, 2.5, 5.5, 10.5, 25.5, 50.5, 100.5, 250.5, 500.5, 1000.5,
];

/** Class of a value: the number of edges ≤ x, minus one (NumPy digitize, right = false); −1 below the first edge. */
export function ignoranceBin(x: number, edges: readonly number[] = VIEWS_IGNORANCE_EDGES): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((edges[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** IGN in bits for one observation; throws on negative values, which no count can take. */
export function ignoranceScore(
  samples: ArrayLike<number>,
  y: number,
  edges: readonly number[] = VIEWS_IGNORANCE_EDGES,
): number {
  const target = ignoranceBin(y, edges);
  if (target < 0) throw new RangeError(`observation ${y} is below the first bin edge`);
  let inBin = 0;
  for (let i = 0; i < samples.length; i++) {
    const b = ignoranceBin(samples[i] ?? 0, edges);
    if (b < 0) throw new RangeError(`sample ${samples[i]} is below the first bin edge`);
    if (b === target) inBin++;
  }
  const classes = edges.length; // digitize − 1 yields 0 … edges.length − 1
  return -Math.log2((inBin + 1) / (samples.length + classes));
}
