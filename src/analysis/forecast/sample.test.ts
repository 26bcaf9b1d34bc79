import { describe, expect, it } from 'vitest';
import { lgamma, mean, negBinomialLogPmf, poissonLogPmf, variance } from './math.ts';
import { deriveSeed, randomIndex, xoshiro128ss } from './rng.ts';
import { sampleGamma, sampleNegBinomial, samplePoisson } from './sample.ts';

describe('xoshiro128**', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    const a = xoshiro128ss(42);
    const b = xoshiro128ss(42);
    const c = xoshiro128ss(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
  });

  it('derives stable, distinct seeds per stream', () => {
    expect(deriveSeed(1, 2, 3)).toBe(deriveSeed(1, 2, 3));
    const seeds = new Set<number>();
    for (let m = 0; m < 5; m++) for (let o = 0; o < 20; o++) seeds.add(deriveSeed(1, m, o, 1));
    expect(seeds.size).toBe(100);
    expect(deriveSeed(1, 2, 3)).not.toBe(deriveSeed(1, 3, 2));
  });

  it('gives uniforms in [0, 1) and indices in range', () => {
    const r = xoshiro128ss(1);
    const xs = Array.from({ length: 20_000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(mean(xs)).toBeCloseTo(0.5, 1);
    for (let i = 0; i < 1000; i++) expect(randomIndex(r, 7)).toBeLessThan(7);
  });
});

describe('math', () => {
  it('lgamma matches known values', () => {
    expect(lgamma(1)).toBeCloseTo(0, 12);
    expect(lgamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lgamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lgamma(101)).toBeCloseTo(363.73937555556347, 9); // ln(100!)
  });

  it('pmfs sum to one and NB tends to Poisson', () => {
    let sp = 0;
    let snb = 0;
    for (let k = 0; k < 200; k++) {
      sp += Math.exp(poissonLogPmf(k, 4));
      snb += Math.exp(negBinomialLogPmf(k, 4, 0.7));
    }
    expect(sp).toBeCloseTo(1, 10);
    expect(snb).toBeCloseTo(1, 6);
    expect(negBinomialLogPmf(3, 4, 1e9)).toBeCloseTo(poissonLogPmf(3, 4), 6);
    // Hand: NB(μ = 1, r = 1) is geometric with p = ½: P(0) = ½, P(2) = ⅛.
    expect(Math.exp(negBinomialLogPmf(0, 1, 1))).toBeCloseTo(0.5, 12);
    expect(Math.exp(negBinomialLogPmf(2, 1, 1))).toBeCloseTo(0.125, 12);
  });

  it('variance uses n − 1', () => {
    expect(variance([0, 0, 0, 4, 6])).toBe(8); // deviations from 2: 4+4+4+4+16 = 32, /4
    expect(variance([3])).toBeNaN();
  });
});

describe('samplers', () => {
  const n = 40_000;
  const draw = (f: () => number) => Array.from({ length: n }, f);

  it('Poisson has mean and variance λ on both sides of the PTRS switch', () => {
    const r = xoshiro128ss(7);
    for (const lambda of [0.3, 3, 50, 800]) {
      const xs = draw(() => samplePoisson(r, lambda));
      expect(Math.abs(mean(xs) - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(variance(xs) / lambda).toBeGreaterThan(0.95);
      expect(variance(xs) / lambda).toBeLessThan(1.05);
      expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    }
    expect(samplePoisson(r, 0)).toBe(0);
  });

  it('Gamma and NB have their means and variances', () => {
    const r = xoshiro128ss(8);
    const g = draw(() => sampleGamma(r, 0.5, 4)); // mean 2, variance 8
    expect(mean(g)).toBeCloseTo(2, 1);
    expect(variance(g) / 8).toBeGreaterThan(0.9);
    const nb = draw(() => sampleNegBinomial(r, 5, 2)); // mean 5, variance 5 + 25/2 = 17.5
    expect(mean(nb)).toBeCloseTo(5, 1);
    expect(variance(nb) / 17.5).toBeGreaterThan(0.93);
    expect(variance(nb) / 17.5).toBeLessThan(1.07);
  });
});
