/**
 * A direct multi-horizon hurdle model of monthly counts (issue 6, point 3). For each horizon h a separate model
 * maps the features of month t (model/features.ts) to the count of month t + h — "direct" forecasting, so no
 * simulated path feeds errors forward (Ben Taieb & Hyndman's direct strategy; the VIEWS models are direct too).
 *
 *   P(y > 0)         = logistic(xᵀα)                                   — will there be any harm?
 *   y | y > 0        ~ zero-truncated NB2(μ = exp(xᵀβ), size r)         — if so, how much?
 *
 * (Mullahy, "Specification and testing of some modified count data models", J. Econometrics 33, 1986; the
 * zero-truncated NB as in Cameron & Trivedi 2013 §4.5.) The two parts are fitted separately by maximum
 * likelihood with BFGS, on standardised features, with a ridge penalty λ/2‖·‖² on the non-intercept coefficients
 * (λ = 1 by default: a weak prior that keeps a fit finite under separation, e.g. a unit-horizon where every
 * training month was violent) and λ_r/2 (log r)² on the dispersion, which keeps r finite when the data are
 * Poisson-like. Training rows are every (unit, t) with t + h ≤ origin (or the last `trainingMonths` of them):
 * nothing after the origin is read.
 */
import type { Neighbours } from '../../../core/neighbours.ts';
import type { Rng } from '../rng.ts';
import { sampleTruncatedNegBinomial } from '../sample.ts';
import {
  checkRequest,
  emptySamples,
  type CountHistory,
  type ForecastRequest,
  type SampleMatrix,
} from '../series.ts';
import { design, dot, standardise } from './design.ts';
import { writeFeatures } from './features.ts';
import { fitLogistic, fitTruncatedNegBinomial } from './likelihoods.ts';

export interface HurdleOptions {
  /** Extra count series per unit × month on the same months (other violence types, event counts). */
  covariates?: readonly CountHistory[];
  ridge?: number;
  dispersionRidge?: number;
  /** Only the last n feature months before origin − h train the model (default: all): adapts to a new regime. */
  trainingMonths?: number;
  /**
   * Clamp each standardised feature at prediction time to the range it had in the training rows, and the mean of
   * the positive part to twice the largest training count: a regression fitted on calm months must not
   * extrapolate a first large month into an explosive forecast (default false).
   */
  clip?: boolean;
}

export interface HurdleFit {
  features: number;
  center: Float64Array;
  scale: Float64Array;
  /** Logistic coefficients (on standardised features). */
  alpha: Float64Array;
  /** Log-mean coefficients of the zero-truncated NB; empty when no training month was positive. */
  beta: Float64Array;
  size: number;
  /** Per feature, the standardised training range (for clip), and the largest training count. */
  lo: Float64Array;
  hi: Float64Array;
  maxY: number;
  clip: boolean;
}

export function fitHurdle(
  history: CountHistory,
  neighbours: Neighbours,
  origin: number,
  horizon: number,
  options: HurdleOptions = {},
): HurdleFit {
  const cov = options.covariates ?? [];
  const d = design(history, neighbours, cov, origin, horizon, options.trainingMonths);
  const { center, scale } = standardise(d);
  const ridge = options.ridge ?? 1;
  const alpha = fitLogistic(d, ridge);
  const lo = new Float64Array(d.p).fill(Infinity);
  const hi = new Float64Array(d.p).fill(-Infinity);
  let maxY = 0;
  for (let r = 0; r < d.rows; r++) {
    maxY = Math.max(maxY, d.y[r] ?? 0);
    for (let j = 0; j < d.p; j++) {
      const v = d.x[r * d.p + j] ?? 0;
      if (v < (lo[j] ?? 0)) lo[j] = v;
      if (v > (hi[j] ?? 0)) hi[j] = v;
    }
  }
  const range = { lo, hi, maxY, clip: options.clip ?? false };
  let positives = 0;
  for (let r = 0; r < d.rows; r++) if ((d.y[r] ?? 0) > 0) positives++;
  if (positives === 0)
    return { features: d.p, center, scale, alpha, beta: new Float64Array(0), size: Infinity, ...range };
  const { beta, size } = fitTruncatedNegBinomial(d, ridge, options.dispersionRidge ?? 0.01);
  return { features: d.p, center, scale, alpha, beta, size, ...range };
}

/** P(y > 0) and the NB mean of the positive part for one unit at the origin. */
export function hurdleParameters(
  fit: HurdleFit,
  history: CountHistory,
  neighbours: Neighbours,
  covariates: readonly CountHistory[],
  u: number,
  origin: number,
): { pPositive: number; mean: number } {
  const x = new Float64Array(fit.features);
  writeFeatures(history, neighbours, covariates, u, origin, x, 0);
  for (let j = 1; j < fit.features; j++) {
    const v = ((x[j] ?? 0) - (fit.center[j] ?? 0)) / (fit.scale[j] ?? 1);
    x[j] = fit.clip ? Math.min(Math.max(v, fit.lo[j] ?? v), fit.hi[j] ?? v) : v;
  }
  const pPositive = 1 / (1 + Math.exp(-dot(x, 0, fit.alpha, fit.features)));
  if (fit.beta.length === 0) return { pPositive: 0, mean: 0 };
  const mean = Math.exp(Math.min(dot(x, 0, fit.beta, fit.features), 20));
  return { pPositive, mean: fit.clip ? Math.min(mean, 2 * Math.max(1, fit.maxY)) : mean };
}

export function hurdleSamples(
  history: CountHistory,
  neighbours: Neighbours,
  request: ForecastRequest,
  rng: Rng,
  options: HurdleOptions = {},
): SampleMatrix {
  checkRequest(history, request);
  const cov = options.covariates ?? [];
  const fit = fitHurdle(history, neighbours, request.origin, request.horizon, options);
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) {
    const { pPositive, mean } = hurdleParameters(fit, history, neighbours, cov, u, request.origin);
    for (let s = 0; s < out.samples; s++) {
      out.values[u * out.samples + s] =
        mean > 0 && rng.next() < pPositive ? sampleTruncatedNegBinomial(rng, mean, fit.size) : 0;
    }
  }
  return out;
}
