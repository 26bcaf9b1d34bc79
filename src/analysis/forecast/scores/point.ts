/**
 * Point-forecast scores on the log scale, where a miss of 10 against 1,000 weighs less than 10 against 0.
 *
 * - MSE on log1p: (ŷ − log(1 + y))², with the point ŷ = mean of log(1 + xᵢ) over the samples — the point that
 *   minimises the expected squared error on that scale (the predictive mean of log1p), as the VIEWS escalation
 *   competition asked for log-scale point predictions.
 * - TADDA, "targeted absolute deviation with direction augmentation" (Vesco et al., "United they stand: findings
 *   from an escalation prediction competition", International Interactions 48(4), 2022). It scores the predicted
 *   *change* in log fatalities f = ŷ − log(1 + y_origin) against the observed change c = log(1 + y) − log(1 + y_origin):
 *     TADDA(f, c) = |c − f| + |f|·1{c ≠ 0 and (c > 0) ≠ (f > 0)}·1{|c − f| > ε},   ε = 0.048 (≈ a 5 % change).
 *   Checked against the `tadda_score` of the VIEWS evaluation library (default ε = 0.048, no smoothing), which
 *   scored the competition: an observed change of exactly 0 counts as both directions (no penalty), and a forecast
 *   of 0 sits with the falls, where its penalty |f| is 0 anyway — so a no-change forecast never pays a penalty.
 */

export function pointLog1p(samples: ArrayLike<number>): number {
  if (samples.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < samples.length; i++) s += Math.log1p(samples[i] ?? 0);
  return s / samples.length;
}

export function squaredLogError(predictedLog1p: number, y: number): number {
  return (predictedLog1p - Math.log1p(y)) ** 2;
}

export const TADDA_EPSILON = 0.048;

export function tadda(predictedChange: number, observedChange: number, epsilon = TADDA_EPSILON): number {
  const miss = Math.abs(observedChange - predictedChange);
  const wrongDirection = observedChange !== 0 && observedChange > 0 !== predictedChange > 0 && miss > epsilon;
  return wrongDirection ? miss + Math.abs(predictedChange) : miss;
}
