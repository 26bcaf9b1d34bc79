/**
 * Scores of the binary events "y ≥ threshold" (vigie uses 1: any civilian killed; 25: a mass-casualty month).
 *
 * - The event's forecast probability from samples is the share of samples at or above the threshold.
 * - Brier score: (p − o)² (Brier, Monthly Weather Review 78, 1950, in its two-category half form).
 * - Average precision as scikit-learn's `average_precision_score`: AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct score
 *   thresholds taken in decreasing order, with no interpolation; tied scores enter at one threshold together
 *   (sklearn's `_binary_clf_curve` keeps the last index of each run of equal scores), so the order of ties never
 *   matters. https://scikit-learn.org/stable/modules/generated/sklearn.metrics.average_precision_score.html
 *   One difference, on purpose: with no positive case sklearn warns and returns 0; vigie returns NaN (undefined),
 *   so that pooled tables cannot average a meaningless zero.
 */

export function exceedanceProbability(samples: ArrayLike<number>, threshold: number): number {
  if (samples.length === 0) return NaN;
  let k = 0;
  for (let i = 0; i < samples.length; i++) if ((samples[i] ?? 0) >= threshold) k++;
  return k / samples.length;
}

export function brierScore(probability: number, occurred: boolean): number {
  return (probability - (occurred ? 1 : 0)) ** 2;
}

export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError('scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
  let positives = 0;
  for (let i = 0; i < n; i++) if (labels[i]) positives++;
  if (positives === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r] ?? 0;
    seen++;
    if (labels[i]) tp++;
    const next = order[r + 1];
    // A threshold closes at the end of a run of equal scores.
    if (next !== undefined && scores[next] === scores[i]) continue;
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / seen);
    previousRecall = recall;
  }
  return ap;
}
