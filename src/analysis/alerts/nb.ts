/**
 * The in-control count distribution the NB rules (CUSUM, surprise) share: a negative binomial fitted by moments
 * on the unit's own previous months, and its upper tail.
 *
 * - Mean m and variance v (n − 1 denominator) of the window; size r = m² / (v − m) when v > m (overdispersed),
 *   else r = ∞ (the Poisson). NB2 parameterisation as in forecast/math.ts: Var = μ + μ²/r.
 * - The mean is floored at `meanFloor` (default 0.5 a month): a unit with no events in its window is not certain
 *   to stay at zero, and without a floor the first event after a quiet spell would have probability 0 and every
 *   log-likelihood ratio would be infinite. 0.5 is "about one event in two months", the smallest rate a 24-month
 *   window can tell apart from a handful of isolated events.
 */
import { negBinomialLogPmf } from '../forecast/math.ts';

export interface NegBinomialFit {
  mean: number;
  /** Dispersion (size) r; Infinity is the Poisson. */
  size: number;
}

export const DEFAULT_MEAN_FLOOR = 0.5;

/** Moment fit of values[from … to − 1]; null when the window is empty. */
export function fitNegBinomial(
  values: ArrayLike<number>,
  from: number,
  to: number,
  meanFloor = DEFAULT_MEAN_FLOOR,
): NegBinomialFit | null {
  const n = to - from;
  if (n <= 0) return null;
  let s = 0;
  for (let i = from; i < to; i++) s += values[i] ?? 0;
  const m = s / n;
  let ss = 0;
  for (let i = from; i < to; i++) ss += ((values[i] ?? 0) - m) ** 2;
  const v = n > 1 ? ss / (n - 1) : 0;
  const mean = Math.max(m, meanFloor);
  const size = v > m && m > 0 ? (m * m) / (v - m) : Infinity;
  return { mean, size };
}

/**
 * P(Y ≥ y) for Y ~ NB(mean, size). Summed from below while the tail is large; when 1 − P(Y < y) would cancel to
 * noise (below 1e-6), summed from y upwards instead until the terms stop mattering.
 */
export function negBinomialUpperTail(y: number, fit: NegBinomialFit): number {
  if (y <= 0) return 1;
  const k0 = Math.ceil(y);
  let lower = 0;
  for (let k = 0; k < k0; k++) lower += Math.exp(negBinomialLogPmf(k, fit.mean, fit.size));
  const tail = 1 - lower;
  if (tail > 1e-6) return Math.min(1, tail);
  let upper = 0;
  for (let k = k0; k < k0 + 100_000; k++) {
    const term = Math.exp(negBinomialLogPmf(k, fit.mean, fit.size));
    upper += term;
    if (k > fit.mean && term <= upper * 1e-16) break;
  }
  return Math.max(0, Math.min(1, upper));
}

/**
 * log f(y; μ₁, r) − log f(y; μ₀, r) for the NB2 with a common size r (Höhle & Paul 2008, eq. for the NB CUSUM):
 *   y · log(μ₁/μ₀) + (y + r) · log((r + μ₀)/(r + μ₁)),   and y · log(μ₁/μ₀) − (μ₁ − μ₀) for the Poisson (r = ∞).
 */
export function negBinomialLogLikelihoodRatio(y: number, mean0: number, mean1: number, size: number): number {
  if (!Number.isFinite(size)) return y * Math.log(mean1 / mean0) - (mean1 - mean0);
  return y * Math.log(mean1 / mean0) + (y + size) * Math.log((size + mean0) / (size + mean1));
}
