/**
 * Point-forecast scores on the log scale, where a miss of 10 against 1,000 weighs less than 10 against 0.
 *
 * - MSE on log1p: (ŷ − log(1 + y))², with the point ŷ = mean of log(1 + xᵢ) over the samples — the point that
 *   minimises the expected squared error on that scale (the predictive mean of log1p), as the VIEWS escalation
 *   competition asked for log-scale point predictions.
 * - TADDA, "targeted absolute deviation with direction augmentation" (Vesco et al., "United they stand: findings
 *   from an escalation prediction competition", International Interactions 48(4), 2022; analysed by Bracher et al.,
 *   "Direction augmentation in the evaluation of armed conflict predictions", Int. Interactions 49, 2023,
 *   doi:10.1080/03050629.2023.2255923, arXiv 2304.12108). It scores the predicted *change* in log fatalities
 *   f = ŷ − log(1 + y_origin) against the observed change c = log(1 + y) − log(1 + y_origin):
 *     TADDA₁(f, c) = |c − f| + |f|·1{sign f ≠ sign c}·1{|c − f| > ε}     (variant 1, the competition's main score)
 *     TADDA₂(f, c) = |c − f| + |c − f|·1{sign f ≠ sign c}·1{|c − f| > ε} (variant 2)
 *   with sign(0) = 0 and ε = 0.048 (≈ a 5 % change). The exact penalty terms were taken from the papers as recalled,
 *   not re-read through this session's search tool; the abstract of Bracher et al. confirms the target (signed
 *   log-changes of monthly fatalities) and that a no-change forecast f = 0 is hard to beat, which variant 1 makes
 *   plain: f = 0 never pays a penalty.
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

export function tadda(
  predictedChange: number,
  observedChange: number,
  epsilon = TADDA_EPSILON,
  variant: 1 | 2 = 1,
): number {
  const miss = Math.abs(observedChange - predictedChange);
  const wrongDirection = Math.sign(predictedChange) !== Math.sign(observedChange) && miss > epsilon;
  if (!wrongDirection) return miss;
  return miss + (variant === 1 ? Math.abs(predictedChange) : miss);
}
