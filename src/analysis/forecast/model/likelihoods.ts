/**
 * The two likelihoods of the hurdle model (hurdle.ts), as penalised negative log-likelihoods with analytic
 * gradients for BFGS (optimize.ts); the gradients are checked against finite differences in model.test.ts.
 *
 * - Logistic: Σ log(1 + e^η) − 1{y > 0}·η, η = xᵀα.
 * - Zero-truncated NB2 on the positive rows: −Σ [log NB(y; μ, r) − log(1 − P0)], μ = exp(xᵀβ), P0 = (r/(r + μ))^r,
 *   in (β, log r) (Cameron & Trivedi 2013 §4.5 give the truncated likelihood; the derivatives below are the NB2
 *   score plus the truncation term P0/(1 − P0)·∂log P0).
 * Penalties: λ/2 Σ_{j ≥ 1} coefficient² (not the intercept) and λ_r/2 (log r)².
 */
import { digamma, lgamma } from '../math.ts';
import { minimize, type Objective } from '../optimize.ts';
import { dot, type Design } from './design.ts';

/** Penalised negative log-likelihood of the logistic part and its gradient (exported for a gradient check). */
export function logisticObjective(d: Design, ridge: number): Objective {
  const { x, y, rows, p } = d;
  return (a, g) => {
    g.fill(0);
    let nll = 0;
    for (let r = 0; r < rows; r++) {
      const eta = dot(x, r * p, a, p);
      const yi = (y[r] ?? 0) > 0 ? 1 : 0;
      nll += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - yi * eta;
      const resid = 1 / (1 + Math.exp(-eta)) - yi;
      for (let j = 0; j < p; j++) g[j] = (g[j] ?? 0) + resid * (x[r * p + j] ?? 0);
    }
    for (let j = 1; j < p; j++) {
      nll += 0.5 * ridge * (a[j] ?? 0) ** 2;
      g[j] = (g[j] ?? 0) + ridge * (a[j] ?? 0);
    }
    return nll;
  };
}

export function fitLogistic(d: Design, ridge: number): Float64Array {
  // Tolerance on the gradient relative to the number of rows: the NLL is a sum, its gradient grows with n.
  return minimize(logisticObjective(d, ridge), new Float64Array(d.p), 300, 1e-6 * Math.max(1, d.rows)).x;
}

/** Penalised negative log-likelihood of the zero-truncated NB2 in (β, log r), with its gradient. */
export function truncatedNegBinomialObjective(d: Design, ridge: number, dispersionRidge: number): Objective {
  const { x, y, rows, p } = d;
  const positive: number[] = [];
  for (let r = 0; r < rows; r++) if ((y[r] ?? 0) > 0) positive.push(r);
  return (theta, g) => {
    g.fill(0);
    const logR = theta[p] ?? 0;
    const size = Math.exp(logR);
    let nll = 0;
    for (const r of positive) {
      const yi = y[r] ?? 0;
      const eta = dot(x, r * p, theta, p);
      const mu = Math.exp(eta);
      const logP0 = -size * Math.log1p(mu / size);
      const p0 = Math.exp(logP0);
      const notZero = -Math.expm1(logP0);
      const odds = p0 / notZero;
      // log NB(y; μ, r) without its constant −log y!, which does not move the optimum:
      // lgamma(y + r) − lgamma(r) + r·log(r/(r + μ)) + y·log(μ/(r + μ)).
      nll -= lgamma(yi + size) - lgamma(size) + logP0 + yi * (eta - Math.log(size + mu)) - Math.log(notZero);
      // ∂ℓ/∂η = r(y − μ)/(r + μ) − odds · rμ/(r + μ), odds = P0/(1 − P0) (the second term from −log(1 − P0))
      const dEta = (size * (yi - mu)) / (size + mu) - (odds * size * mu) / (size + mu);
      // ∂ℓ/∂r = ψ(y + r) − ψ(r) + log(r/(r + μ)) + 1 − (r + y)/(r + μ) + odds·(log(r/(r + μ)) + μ/(r + μ))
      const logRatio = -Math.log1p(mu / size);
      const dR =
        digamma(yi + size) -
        digamma(size) +
        logRatio +
        1 -
        (size + yi) / (size + mu) +
        odds * (logRatio + mu / (size + mu));
      for (let j = 0; j < p; j++) g[j] = (g[j] ?? 0) - dEta * (x[r * p + j] ?? 0);
      g[p] = (g[p] ?? 0) - dR * size;
    }
    for (let j = 1; j < p; j++) {
      nll += 0.5 * ridge * (theta[j] ?? 0) ** 2;
      g[j] = (g[j] ?? 0) + ridge * (theta[j] ?? 0);
    }
    nll += 0.5 * dispersionRidge * logR * logR;
    g[p] = (g[p] ?? 0) + dispersionRidge * logR;
    return nll;
  };
}

export function fitTruncatedNegBinomial(
  d: Design,
  ridge: number,
  dispersionRidge: number,
): { beta: Float64Array; size: number } {
  const start = new Float64Array(d.p + 1);
  let n = 0;
  let sum = 0;
  for (let r = 0; r < d.rows; r++) {
    if ((d.y[r] ?? 0) > 0) {
      n++;
      sum += d.y[r] ?? 0;
    }
  }
  start[0] = Math.log(sum / n); // intercept at the mean of the positives; r = 1
  const result = minimize(
    truncatedNegBinomialObjective(d, ridge, dispersionRidge),
    start,
    300,
    1e-6 * Math.max(1, n),
  );
  return { beta: result.x.slice(0, d.p), size: Math.exp(result.x[d.p] ?? 0) };
}
