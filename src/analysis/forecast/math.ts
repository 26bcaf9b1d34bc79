/**
 * Special functions and count distributions the scores, baselines and model share.
 *
 * lgamma is the Lanczos approximation with g = 7, n = 9 (coefficients of Godfrey, as in Numerical Recipes 3rd ed.
 * §6.1 and Boost), relative error ~1e-15 for x > 0 — enough for log-likelihoods and probabilities of counts.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] ?? 1;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log P(X = k) for X ~ Poisson(λ); λ = 0 puts all mass on 0. */
export function poissonLogPmf(k: number, lambda: number): number {
  if (lambda <= 0) return k === 0 ? 0 : -Infinity;
  return k * Math.log(lambda) - lambda - lgamma(k + 1);
}

/**
 * log P(X = k) for the negative binomial with mean μ and size (dispersion) r: Var = μ + μ²/r, the NB2
 * parameterisation of Cameron & Trivedi (Regression Analysis of Count Data, 2nd ed., §3.3) and of R's
 * dnbinom(size = r, mu = μ). r → ∞ is the Poisson.
 */
export function negBinomialLogPmf(k: number, mean: number, size: number): number {
  if (mean <= 0) return k === 0 ? 0 : -Infinity;
  if (!Number.isFinite(size)) return poissonLogPmf(k, mean);
  return (
    logRising(size, k) - lgamma(k + 1) - size * Math.log1p(mean / size) + k * Math.log(mean / (size + mean))
  );
}

/**
 * log Γ(r + k) − log Γ(r). For a large r the difference of two huge lgammas loses digits (at r = 1e9 both are
 * ~2e10, so the error is ~1e-6), so there small integer k sums log(r + j) directly; below, the lgammas are exact
 * enough (~1e-14 · log Γ) and cheaper.
 */
function logRising(r: number, k: number): number {
  if (r > 1e5 && Number.isInteger(k) && k < 64) {
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.log(r + j);
    return s;
  }
  return lgamma(r + k) - lgamma(r);
}

/** A probability mass function over the non-negative integers. */
export type CountPmf = (k: number) => number;

export const poissonPmf =
  (lambda: number): CountPmf =>
  (k) =>
    Math.exp(poissonLogPmf(k, lambda));

export const negBinomialPmf =
  (mean: number, size: number): CountPmf =>
  (k) =>
    Math.exp(negBinomialLogPmf(k, mean, size));

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] ?? 0;
  return xs.length === 0 ? NaN : s / xs.length;
}

/** Sample variance with the n − 1 denominator (NaN below two values). */
export function variance(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n < 2) return NaN;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < n; i++) s += ((xs[i] ?? 0) - m) ** 2;
  return s / (n - 1);
}

/**
 * Digamma ψ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10, then the asymptotic series
 * ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (Abramowitz & Stegun 6.3.18), accurate to ~1e-12 there.
 */
export function digamma(x: number): number {
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  const f = 1 / (x * x);
  return r + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}
