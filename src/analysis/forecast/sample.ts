/**
 * Draws from the count distributions the baselines and the model forecast with, from a seeded Rng.
 *
 * - Poisson: inversion by sequential search below λ = 10 (Devroye, Non-Uniform Random Variate Generation, 1986,
 *   §X.3); above, Hörmann's PTRS transformed rejection ("The transformed rejection method for generating Poisson
 *   random variables", Insurance: Mathematics and Economics 12, 1993), the algorithm NumPy uses — O(1) per draw,
 *   because admin-1 months of Mali reach hundreds of fatalities.
 * - Gamma: Marsaglia & Tsang ("A simple method for generating gamma variables", ACM TOMS 26, 2000), with the
 *   U^(1/a) boost for shape < 1.
 * - Negative binomial (mean μ, size r): the gamma–Poisson mixture, λ ~ Gamma(r, μ/r), X ~ Poisson(λ).
 * - Zero-truncated NB: see sampleTruncatedNegBinomial.
 */
import { lgamma, negBinomialLogPmf } from './math.ts';
import type { Rng } from './rng.ts';

export function samplePoisson(rng: Rng, lambda: number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) {
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng.next();
    while (u > cdf) {
      k++;
      p *= lambda / k;
      cdf += p;
      if (p === 0 && k > lambda) break; // floating-point tail: u beyond the representable cdf
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <=
      -lambda + k * loglam - lgamma(k + 1)
    ) {
      return k;
    }
  }
}

/** Standard normal by Box–Muller (one of the pair is discarded: simplicity over speed here). */
export function sampleNormal(rng: Rng): number {
  let u = rng.next();
  while (u === 0) u = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** Gamma(shape, scale), mean shape·scale. */
export function sampleGamma(rng: Rng, shape: number, scale: number): number {
  if (!(shape > 0) || !(scale > 0)) return 0;
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return sampleGamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Negative binomial with mean μ and size r (Var = μ + μ²/r); an infinite size is the Poisson. */
export function sampleNegBinomial(rng: Rng, mean: number, size: number): number {
  if (!(mean > 0)) return 0;
  if (!Number.isFinite(size)) return samplePoisson(rng, mean);
  return samplePoisson(rng, sampleGamma(rng, size, mean / size));
}

/**
 * A draw from the zero-truncated NB: rejection from the NB when P(y > 0) is not small, otherwise inversion of the
 * truncated CDF from 1 upward (few steps, since a small P(y > 0) means a small mean).
 */
export function sampleTruncatedNegBinomial(rng: Rng, mean: number, size: number): number {
  const logP0 = Number.isFinite(size) ? -size * Math.log1p(mean / size) : -mean;
  const notZero = -Math.expm1(logP0);
  if (notZero > 0.3) {
    for (;;) {
      const k = sampleNegBinomial(rng, mean, size);
      if (k > 0) return k;
    }
  }
  const target = rng.next() * notZero;
  let cdf = 0;
  for (let k = 1; k < 100_000; k++) {
    cdf += Math.exp(negBinomialLogPmf(k, mean, size));
    if (cdf >= target) return k;
  }
  return 1;
}
