import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../../../core/neighbours.ts';
import { digamma, mean } from '../math.ts';
import { xoshiro128ss } from '../rng.ts';
import { countHistory, type CountHistory } from '../series.ts';
import { writeFeatures } from './features.ts';
import { sampleNegBinomial, sampleTruncatedNegBinomial } from '../sample.ts';
import { design, type Design } from './design.ts';
import { fitHurdle, hurdleParameters, hurdleSamples } from './hurdle.ts';
import { logisticObjective, truncatedNegBinomialObjective } from './likelihoods.ts';
import type { Objective } from '../optimize.ts';
import { minimize } from '../optimize.ts';

describe('digamma and BFGS', () => {
  it('digamma matches ψ(1) = −γ and ψ(½) = −γ − 2 ln 2', () => {
    const gamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-gamma, 11);
    expect(digamma(0.5)).toBeCloseTo(-gamma - 2 * Math.LN2, 11);
    expect(digamma(10.5) - digamma(9.5)).toBeCloseTo(1 / 9.5, 12);
  });

  it('BFGS finds the Rosenbrock minimum', () => {
    const r = minimize(
      (x, g) => {
        const a = x[0] ?? 0;
        const b = x[1] ?? 0;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      [-1.2, 1],
      2000,
    );
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(1, 5);
  });
});

/** Central finite differences against the analytic gradient. */
function checkGradient(f: Objective, at: number[]): void {
  const x = Float64Array.from(at);
  const g = new Float64Array(at.length);
  f(x, g);
  const scratch = new Float64Array(at.length);
  for (let j = 0; j < at.length; j++) {
    const e = 1e-6;
    const up = Float64Array.from(x);
    const down = Float64Array.from(x);
    up[j] = (up[j] ?? 0) + e;
    down[j] = (down[j] ?? 0) - e;
    const numeric = (f(up, scratch) - f(down, scratch)) / (2 * e);
    expect(Math.abs((g[j] ?? 0) - numeric), `coordinate ${j}`).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
  }
}

describe('likelihood gradients', () => {
  // Six rows, two features (intercept + one), counts with zeros and a large value.
  const d: Design = {
    x: Float64Array.from([1, -1, 1, -0.5, 1, 0, 1, 0.4, 1, 1.2, 1, 2]),
    y: Float64Array.from([0, 1, 0, 3, 7, 40]),
    rows: 6,
    p: 2,
  };

  it('logistic part', () => checkGradient(logisticObjective(d, 1), [0.2, -0.7]));

  it('zero-truncated NB part, including small means where truncation matters', () => {
    const f = truncatedNegBinomialObjective(d, 1, 0.01);
    checkGradient(f, [1.1, 0.8, Math.log(2)]);
    checkGradient(f, [-2, 0.3, Math.log(0.3)]);
    checkGradient(f, [0.5, 1.5, Math.log(50)]);
  });
});

describe('features', () => {
  it('match a hand computation', () => {
    // Unit 0: 0 0 4 0 2 (months 0 … 4); unit 1 (its only neighbour): 3 3 3 3 3. At t = 4:
    const h = countHistory([
      [0, 0, 4, 0, 2],
      [3, 3, 3, 3, 3],
    ]);
    const nb = neighboursFromLists([[1], [0]]);
    const x = new Float64Array(7);
    writeFeatures(h, nb, [], 0, 4, x, 0);
    expect(x[0]).toBe(1);
    expect(x[1]).toBeCloseTo(Math.log1p(2), 12); // last month
    expect(x[2]).toBeCloseTo(Math.log1p(2), 12); // (4 + 0 + 2)/3 = 2
    expect(x[3]).toBeCloseTo(Math.log1p(6 / 5), 12); // five months available: 6/5
    // Decayed mean, weights d^k for k = 0 … 4 back from t = 4, d = 2^(−1/12): (2 + 4d²)/(1 + d + d² + d³ + d⁴).
    const d = Math.pow(0.5, 1 / 12);
    expect(x[4]).toBeCloseTo(Math.log1p((2 + 4 * d * d) / (1 + d + d * d + d ** 3 + d ** 4)), 12);
    expect(x[5]).toBeCloseTo(Math.log1p(3), 12); // neighbour's last quarter
    expect(x[6]).toBe(1); // an event this month: 2^0
    writeFeatures(h, nb, [], 0, 3, x, 0);
    expect(x[6]).toBeCloseTo(Math.pow(2, -1 / 6), 12); // last event one month before t = 3
    writeFeatures(h, nb, [], 0, 1, x, 0);
    expect(x[6]).toBe(0); // none seen yet
  });
});

/** units × months of i.i.d. hurdle counts: P(y > 0) = p, y | y > 0 ~ ZTNB(μ, r). */
function iidHurdle(
  units: number,
  months: number,
  p: number,
  mu: number,
  r: number,
  seed: number,
): CountHistory {
  const rng = xoshiro128ss(seed);
  const rows = Array.from({ length: units }, () =>
    Array.from({ length: months }, () => (rng.next() < p ? sampleTruncatedNegBinomial(rng, mu, r) : 0)),
  );
  return countHistory(rows);
}

describe('hurdle model', () => {
  it('the truncated sampler has the truncated mean μ/(1 − P0) on both branches', () => {
    const rng = xoshiro128ss(3);
    for (const [mu, r] of [
      [5, 2],
      [0.05, 1],
    ] as const) {
      const p0 = Math.pow(r / (r + mu), r);
      const xs = Array.from({ length: 40_000 }, () => sampleTruncatedNegBinomial(rng, mu, r));
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(1);
      expect(Math.abs(mean(xs) / (mu / (1 - p0)) - 1)).toBeLessThan(0.03);
    }
  });

  it('recovers the parameters of an i.i.d. hurdle process', () => {
    const h = iidHurdle(20, 120, 0.4, 5, 2, 1);
    const nb = neighboursFromLists(Array.from({ length: 20 }, (_, u) => [(u + 1) % 20]));
    const fit = fitHurdle(h, nb, 119, 1);
    const { pPositive, mean: mu } = hurdleParameters(fit, h, nb, [], 0, 119);
    expect(Math.abs(pPositive - 0.4)).toBeLessThan(0.06);
    expect(Math.abs(mu / 5 - 1)).toBeLessThan(0.2);
    expect(fit.size).toBeGreaterThan(1.2);
    expect(fit.size).toBeLessThan(3.2);
  });

  it('learns persistence: a violent unit is forecast above a quiet one', () => {
    const rng = xoshiro128ss(9);
    // Unit u has its own rate; counts are NB around it, so the past predicts the future.
    const rows = Array.from({ length: 12 }, (_, u) =>
      Array.from({ length: 96 }, () => (u < 4 ? 0 : sampleNegBinomial(rng, u * 3, 3))),
    );
    const h = countHistory(rows);
    const nb = neighboursFromLists(Array.from({ length: 12 }, () => []));
    const s = hurdleSamples(h, nb, { origin: 95, horizon: 3, samples: 4000 }, xoshiro128ss(2));
    const unitMean = (u: number) => mean(s.values.subarray(u * 4000, (u + 1) * 4000));
    expect(unitMean(0)).toBeLessThan(0.5);
    expect(Math.abs(unitMean(11) / 33 - 1)).toBeLessThan(0.25);
    expect(unitMean(11)).toBeGreaterThan(unitMean(6));
  });

  it('never reads past the origin and is reproducible', () => {
    const h = iidHurdle(5, 40, 0.5, 4, 1.5, 4);
    const future = { ...h, counts: h.counts.map((x, i) => (i % 40 > 30 ? 9999 : x)) };
    const nb = neighboursFromLists([[1], [0, 2], [1, 3], [2, 4], [3]]);
    const req = { origin: 30, horizon: 2, samples: 200 };
    const a = hurdleSamples(h, nb, req, xoshiro128ss(5));
    expect(Array.from(hurdleSamples(future, nb, req, xoshiro128ss(5)).values)).toEqual(Array.from(a.values));
  });

  it('trains on t + h ≤ origin only, or on the last trainingMonths of those', () => {
    const h = iidHurdle(3, 20, 0.5, 4, 1.5, 6);
    const nb = neighboursFromLists([[1], [0, 2], [1]]);
    // origin 10, horizon 2: t = 0 … 8 → 9 months × 3 units; with trainingMonths 4: t = 5 … 8.
    expect(design(h, nb, [], 10, 2).rows).toBe(27);
    const last4 = design(h, nb, [], 10, 2, 4);
    expect(last4.rows).toBe(12);
    // The first row is unit 0, t = 5: its target is month 7.
    expect(last4.y[0]).toBe(h.counts[7]);
  });

  it('forecasts zeros when no training month was positive', () => {
    const h = countHistory([Array(24).fill(0), Array(24).fill(0)]);
    const nb = neighboursFromLists([[1], [0]]);
    const s = hurdleSamples(h, nb, { origin: 23, horizon: 1, samples: 10 }, xoshiro128ss(1));
    expect(Array.from(s.values)).toEqual(Array(20).fill(0));
  });
});
