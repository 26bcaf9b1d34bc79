import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { negBinomialPmf, poissonPmf } from '../math.ts';
import {
  crpsCount,
  crpsNegBinomial,
  crpsPoint,
  crpsPoisson,
  crpsSample,
  crpsSampleFair,
  crpsSampleSorted,
} from './crps.ts';

/** The O(M²) definition, E|X − y| − (1/(2·d)) ΣΣ|xᵢ − xⱼ|, with d = M² (standard) or M(M − 1) (fair). */
function crpsNaive(xs: number[], y: number, fair: boolean): number {
  const m = xs.length;
  let abs = 0;
  let pairs = 0;
  for (const a of xs) {
    abs += Math.abs(a - y);
    for (const b of xs) pairs += Math.abs(a - b);
  }
  const d = fair ? m * (m - 1) : m * m;
  return abs / m - (m === 1 ? 0 : pairs / (2 * d));
}

describe('crpsSample (standard, = properscoring crps_ensemble)', () => {
  it('matches a hand computation on two samples', () => {
    // x = {1, 3}, y = 2: E|X − y| = (1 + 1)/2 = 1; ΣΣ|xᵢ − xⱼ| = 2 + 2 = 4; 4/(2·2²) = 0.5; CRPS = 1 − 0.5 = 0.5.
    // As the integral: F̂ = ½ on [1, 3); (½ − 0)² on [1, 2) + (½ − 1)² on [2, 3) = 0.25 + 0.25 = 0.5.
    expect(crpsSample([1, 3], 2)).toBeCloseTo(0.5, 12);
    expect(crpsSample([3, 1], 2)).toBeCloseTo(0.5, 12);
  });

  it('matches a hand computation with a heavy sample', () => {
    // x = {0, 0, 0, 10}, y = 0: E|X − y| = 10/4 = 2.5; ΣΣ = 3 pairs · 10 · 2 orders = 60; 60/(2·16) = 1.875;
    // CRPS = 0.625 = ∫₀¹⁰ (0.75 − 1)² dz.
    expect(crpsSample([0, 0, 0, 10], 0)).toBeCloseTo(0.625, 12);
  });

  it('is the absolute error for one sample and for identical samples', () => {
    expect(crpsSample([4], 1)).toBe(3);
    expect(crpsSample([2, 2, 2], 2)).toBe(0);
    expect(crpsSample([0, 0, 0, 0], 0)).toBe(0);
    expect(crpsSample([0, 0, 0, 0], 3)).toBe(3);
    expect(crpsPoint(7, 2)).toBe(5);
  });

  it('is NaN without samples', () => {
    expect(crpsSample([], 1)).toBeNaN();
    expect(crpsSampleFair([], 1)).toBeNaN();
  });

  it('equals the O(M²) definition (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 2000 }),
        (xs, y) => {
          expect(crpsSample(xs, y)).toBeCloseTo(crpsNaive(xs, y, false), 8);
          expect(crpsSampleSorted(Float64Array.from(xs).sort(), y)).toBeCloseTo(crpsNaive(xs, y, false), 8);
          expect(crpsSampleFair(xs, y)).toBeCloseTo(crpsNaive(xs, y, true), 8);
        },
      ),
    );
  });

  it('equals the O(M²) definition on real-valued samples (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        (xs, y) => {
          expect(Math.abs(crpsSample(xs, y) - crpsNaive(xs, y, false))).toBeLessThan(1e-7);
        },
      ),
    );
  });
});

describe('crpsSampleFair', () => {
  it('matches hand computations', () => {
    // x = {1, 3}, y = 2: 1 − 4/(2·2·1) = 0.
    expect(crpsSampleFair([1, 3], 2)).toBeCloseTo(0, 12);
    // x = {0, 0, 0, 10}, y = 0: 2.5 − 60/(2·4·3) = 0.
    expect(crpsSampleFair([0, 0, 0, 10], 0)).toBeCloseTo(0, 12);
    // One sample: no spread term, the absolute error.
    expect(crpsSampleFair([4], 1)).toBe(3);
  });
});

/** Modified Bessel function of the first kind by its series Σ (x/2)^(2k+ν) / (k!(k+ν)!), for the check below. */
function besselI(nu: number, x: number): number {
  let s = 0;
  let term = Math.pow(x / 2, nu);
  for (let f = 1; f <= nu; f++) term /= f;
  for (let k = 0; k < 60; k++) {
    s += term;
    term *= (x / 2) ** 2 / ((k + 1) * (k + 1 + nu));
  }
  return s;
}

describe('crpsCount (exact CRPS of a count distribution)', () => {
  it('is the absolute error for a point mass, including a non-integer observation', () => {
    const at3 = (k: number) => (k === 3 ? 1 : 0);
    expect(crpsCount(at3, 5)).toBeCloseTo(2, 12);
    expect(crpsCount(at3, 0)).toBeCloseTo(3, 12);
    expect(crpsCount(at3, 2.5)).toBeCloseTo(0.5, 12);
    expect(crpsCount(at3, 3)).toBe(0);
  });

  it('matches the Poisson closed form through Bessel functions', () => {
    // CRPS(Pois(λ), 0) = E|X| − ½E|X − X′| = λ − λe^(−2λ)(I₀(2λ) + I₁(2λ)) (E|X − X′| for the Poisson: Wei & Held,
    // TEST 23, 2014). For λ = 1: I₀(2) ≈ 2.2795853, I₁(2) ≈ 1.5906369, so 1 − 0.1353353·3.8702222 = 1 − 0.5237776 ≈ 0.4762224.
    const closed = 1 - Math.exp(-2) * (besselI(0, 2) + besselI(1, 2));
    expect(closed).toBeCloseTo(0.4762224, 6);
    expect(crpsCount(poissonPmf(1), 0)).toBeCloseTo(closed, 10);
    const lambda = 7.5;
    const e = Math.exp(-2 * lambda) * lambda * (besselI(0, 2 * lambda) + besselI(1, 2 * lambda));
    expect(crpsCount(poissonPmf(lambda), 0)).toBeCloseTo(lambda - e, 9);
  });

  it('equals E|X − y| − ½E|X − X′| summed over the negative-binomial pmf', () => {
    const pmf = negBinomialPmf(3, 2);
    const p = Array.from({ length: 400 }, (_, k) => pmf(k));
    for (const y of [0, 1, 4, 20]) {
      let abs = 0;
      let pairs = 0;
      p.forEach((pi, i) => {
        abs += pi * Math.abs(i - y);
        p.forEach((pj, j) => (pairs += pi * pj * Math.abs(i - j)));
      });
      expect(crpsCount(pmf, y)).toBeCloseTo(abs - pairs / 2, 9);
    }
  });

  it('has Poisson and NB shorthands; NB with a huge size is the Poisson; λ = 0 is the point 0', () => {
    expect(crpsPoisson(1, 0)).toBeCloseTo(crpsCount(poissonPmf(1), 0), 14);
    expect(crpsNegBinomial(4, 1e7, 6)).toBeCloseTo(crpsPoisson(4, 6), 5);
    expect(crpsPoisson(0, 3)).toBeCloseTo(3, 12);
    expect(crpsNegBinomial(0, 2, 0)).toBe(0);
  });

  it('handles a large Poisson mean without underflow', () => {
    // Pois(1000) at its mean: CRPS ≈ σ/√π·(…) ~ √(1000)·0.2337 ≈ 7.4 for a normal; any finite value near it will do.
    const v = crpsCount(poissonPmf(1000), 1000);
    expect(v).toBeGreaterThan(6);
    expect(v).toBeLessThan(9);
  });
});
