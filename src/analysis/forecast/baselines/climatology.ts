/**
 * Negative-binomial and zero-inflated negative-binomial climatologies over the unit's last 36 months: a
 * distribution fitted to the recent past rather than the past itself, so it can put mass on counts never seen.
 *
 * Fitting (documented choices):
 * - NB by the method of moments: μ = x̄, size r = x̄² / (s² − x̄) with s² the n − 1 sample variance
 *   (Cameron & Trivedi 2013, §3.3, NB2 mean–variance Var = μ + μ²/r). Closed form and stable on 36 values.
 * - ZINB by maximum likelihood (Lambert, "Zero-inflated Poisson regression", Technometrics 34, 1992, with the NB
 *   in place of the Poisson): P(0) = π + (1 − π)·NB(0; μ, r), P(k > 0) = (1 − π)·NB(k; μ, r), maximised over
 *   (logit π, log μ, log r) by BFGS with the analytic gradient, on the distinct values of the window with their
 *   multiplicities (36 months hold few distinct counts). At the optimum the score equations in π and μ give
 *   (1 − π)μ = x̄, the moment any fit should keep (tested). Start: π = half the share of zeros, μ and r from the
 *   moments. r is kept in [1e-3, 1e4] (beyond, the NB is a Poisson for 36 values).
 * - Both fall back to the Poisson(x̄) when s² ≤ x̄ (no over-dispersion to model, and r would be negative or
 *   infinite), and to all zeros when the window is all zeros; the ZINB is the NB when the window has no zero.
 */
import { digamma, mean, negBinomialLogPmf, variance } from '../math.ts';
import { minimize } from '../optimize.ts';
import type { Rng } from '../rng.ts';
import { sampleNegBinomial } from '../sample.ts';
import {
  checkRequest,
  emptySamples,
  pastWindow,
  type CountHistory,
  type ForecastRequest,
  type SampleMatrix,
} from '../series.ts';

/** A (zero-inflated) NB: P(0) gets an extra π; size = Infinity is the Poisson. */
export interface CountFit {
  zeroInflation: number;
  mean: number;
  size: number;
}

export function fitNegBinomialMoments(xs: ArrayLike<number>): CountFit {
  const m = mean(xs);
  const v = variance(xs);
  if (!(m > 0)) return { zeroInflation: 0, mean: 0, size: Infinity };
  if (!(v > m)) return { zeroInflation: 0, mean: m, size: Infinity };
  return { zeroInflation: 0, mean: m, size: (m * m) / (v - m) };
}

/** Distinct values and how often each occurs. */
function tally(xs: ArrayLike<number>): { values: number[]; counts: number[] } {
  const map = new Map<number, number>();
  for (let i = 0; i < xs.length; i++) map.set(xs[i] ?? 0, (map.get(xs[i] ?? 0) ?? 0) + 1);
  return { values: [...map.keys()], counts: [...map.values()] };
}

export function fitZeroInflatedNegBinomial(xs: ArrayLike<number>): CountFit {
  const start = fitNegBinomialMoments(xs);
  if (!Number.isFinite(start.size) || start.mean === 0) return start;
  const { values, counts } = tally(xs);
  if (!values.includes(0)) return start; // no zero to inflate: π's ML estimate is 0
  const zeroShare = (counts[values.indexOf(0)] ?? 0) / xs.length;
  const pi0 = 0.5 * zeroShare;
  const theta0 = [Math.log(pi0 / (1 - pi0)), Math.log(start.mean / (1 - pi0)), Math.log(start.size)];
  const result = minimize(
    (t, g) => {
      const pi = 1 / (1 + Math.exp(-(t[0] ?? 0)));
      const mu = Math.exp(t[1] ?? 0);
      const r = Math.exp(t[2] ?? 0);
      const logRatio = -Math.log1p(mu / r); // log(r/(r + μ))
      const p0 = Math.exp(r * logRatio);
      let nll = 0;
      let dPi = 0;
      let dLogMu = 0;
      let dLogR = 0;
      values.forEach((y, k) => {
        const c = counts[k] ?? 0;
        if (y === 0) {
          const like = pi + (1 - pi) * p0;
          nll -= c * Math.log(like);
          const q = ((1 - pi) * p0) / like; // ∂ log L0 / ∂ log P0
          dPi += (c * (1 - p0)) / like;
          dLogMu += c * q * ((-r * mu) / (r + mu));
          dLogR += c * q * r * (logRatio + mu / (r + mu));
        } else {
          nll -= c * (Math.log1p(-pi) + negBinomialLogPmf(y, mu, r));
          dPi -= c / (1 - pi);
          dLogMu += (c * r * (y - mu)) / (r + mu);
          dLogR += c * r * (digamma(y + r) - digamma(r) + logRatio + 1 - (r + y) / (r + mu));
        }
      });
      g[0] = -dPi * pi * (1 - pi);
      g[1] = -dLogMu;
      g[2] = -dLogR;
      return nll;
    },
    theta0,
    200,
    1e-9,
  );
  const pi = 1 / (1 + Math.exp(-(result.x[0] ?? 0)));
  const size = Math.min(Math.max(Math.exp(result.x[2] ?? 0), 1e-3), 1e4);
  return { zeroInflation: pi, mean: Math.exp(result.x[1] ?? 0), size };
}

export function sampleCountFit(rng: Rng, fit: CountFit): number {
  if (fit.zeroInflation > 0 && rng.next() < fit.zeroInflation) return 0;
  return sampleNegBinomial(rng, fit.mean, fit.size);
}

function fromFits(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  fitOf: (xs: Float64Array) => CountFit,
  months: number,
): SampleMatrix {
  checkRequest(history, request);
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) {
    const fit = fitOf(pastWindow(history, u, request.origin, months));
    for (let s = 0; s < out.samples; s++) out.values[u * out.samples + s] = sampleCountFit(rng, fit);
  }
  return out;
}

export function negBinomialClimatology(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  months = 36,
): SampleMatrix {
  return fromFits(history, request, rng, fitNegBinomialMoments, months);
}

export function zeroInflatedNegBinomialClimatology(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  months = 36,
): SampleMatrix {
  return fromFits(history, request, rng, (xs) => fitZeroInflatedNegBinomial(xs), months);
}
