import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../../../core/neighbours.ts';
import { mean, negBinomialLogPmf } from '../math.ts';
import { xoshiro128ss } from '../rng.ts';
import { countHistory, unitSamples, type CountHistory, type ForecastRequest } from '../series.ts';
import {
  fitNegBinomialMoments,
  fitZeroInflatedNegBinomial,
  negBinomialClimatology,
  zeroInflatedNegBinomialClimatology,
} from './climatology.ts';
import { BASELINES } from './registry.ts';
import { conflictology, conflictologyWithNeighbours, globalBootstrap } from './resample.ts';
import { lastObservedPoint, lastObservedPoisson, recentMeanPoisson, zeroBaseline } from './simple.ts';

// Three units × 15 months: a quiet unit, a rising one (1 … 15), and a bursty one.
const rows = [
  Array.from({ length: 15 }, () => 0),
  Array.from({ length: 15 }, (_, t) => t + 1),
  [0, 0, 7, 0, 0, 0, 30, 0, 0, 2, 0, 0, 0, 0, 0],
];
const history = countHistory(rows);
const line = neighboursFromLists([[1], [0, 2], [1]]);
const at = (origin: number, samples = 2000): ForecastRequest => ({ origin, horizon: 1, samples });
const set = (xs: Float64Array) => new Set(Array.from(xs));

describe('point and Poisson baselines', () => {
  it('zero is all zeros in the units × samples shape', () => {
    const z = zeroBaseline(history, at(11, 5));
    expect(z.units).toBe(3);
    expect(z.samples).toBe(5);
    expect(Array.from(z.values)).toEqual(Array(15).fill(0));
  });

  it('last observed point repeats the count at the origin', () => {
    const p = lastObservedPoint(history, at(11, 4));
    expect(Array.from(unitSamples(p, 1))).toEqual([12, 12, 12, 12]);
    expect(Array.from(unitSamples(p, 2))).toEqual([0, 0, 0, 0]);
  });

  it('Poisson baselines centre on the last count and on the recent means', () => {
    const last = lastObservedPoisson(history, at(11, 20_000), xoshiro128ss(1));
    expect(mean(unitSamples(last, 1))).toBeCloseTo(12, 0);
    expect(set(unitSamples(last, 0))).toEqual(new Set([0])); // Poisson(0) is 0
    // Mean of the last 3 months at origin 11 for unit 1: (10 + 11 + 12)/3 = 11.
    const m3 = recentMeanPoisson(history, at(11, 20_000), xoshiro128ss(2), 3);
    expect(mean(unitSamples(m3, 1))).toBeCloseTo(11, 0);
    // Last 12 months at origin 11 for unit 2: (7 + 30 + 2)/12 = 3.25.
    const m12 = recentMeanPoisson(history, at(11, 20_000), xoshiro128ss(3), 12);
    expect(Math.abs(mean(unitSamples(m12, 2)) - 3.25)).toBeLessThan(0.1);
    // Near the start the window is shorter, not padded: origin 1, unit 1 → mean of {1, 2} = 1.5.
    const early = recentMeanPoisson(history, at(1, 20_000), xoshiro128ss(4), 12);
    expect(Math.abs(mean(unitSamples(early, 1)) - 1.5)).toBeLessThan(0.05);
  });
});

describe('resampling baselines', () => {
  it('conflictology draws only from the unit’s last 12 months', () => {
    const c = conflictology(history, at(11), xoshiro128ss(5));
    expect(set(unitSamples(c, 1))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    expect(set(unitSamples(c, 0))).toEqual(new Set([0]));
    // At origin 14 the window is months 3 … 14 of unit 2: values {0, 30, 2} (the 7 of month 2 is out).
    expect(set(unitSamples(conflictology(history, at(14), xoshiro128ss(5)), 2))).toEqual(new Set([0, 30, 2]));
  });

  it('conflictology with neighbours pools the unit and its neighbours', () => {
    const c = conflictologyWithNeighbours(history, line, at(11), xoshiro128ss(6));
    // Unit 0's pool: its zeros and unit 1's 1 … 12.
    expect(set(unitSamples(c, 0))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]));
    // Unit 2's pool: {0, 7, 30, 2} and 1 … 12.
    expect(set(unitSamples(c, 2))).toEqual(new Set([0, 7, 30, 2, 1, 3, 4, 5, 6, 8, 9, 10, 11, 12]));
    expect(() =>
      conflictologyWithNeighbours(history, neighboursFromLists([[]]), at(11), xoshiro128ss(1)),
    ).toThrow(RangeError);
  });

  it('the global bootstrap draws from every unit, the same pool for all', () => {
    const g = globalBootstrap(history, at(11, 4000), xoshiro128ss(7), 12);
    const pool = new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 30]);
    for (let u = 0; u < 3; u++) for (const x of unitSamples(g, u)) expect(pool.has(x)).toBe(true);
    // 36 pool values (3 units × months 0 … 11); zeros: unit 0 twelve, unit 1 none, unit 2 nine → 21/36.
    const zeros = unitSamples(g, 0).filter((x) => x === 0).length / 4000;
    expect(Math.abs(zeros - 21 / 36)).toBeLessThan(0.03);
    // 240 months on a 15-month history: everything up to the origin.
    const long = globalBootstrap(history, at(3, 4000), xoshiro128ss(8), 240);
    expect(set(long.values)).toEqual(new Set([0, 1, 2, 3, 4, 7]));
  });
});

describe('NB and ZINB climatologies', () => {
  it('fits the NB by moments, by hand', () => {
    // {0, 0, 0, 4, 6}: mean 2, variance 32/4 = 8 → r = 2²/(8 − 2) = 2/3.
    const f = fitNegBinomialMoments([0, 0, 0, 4, 6]);
    expect(f.mean).toBe(2);
    expect(f.size).toBeCloseTo(2 / 3, 12);
    expect(f.zeroInflation).toBe(0);
  });

  it('falls back to the Poisson without over-dispersion and to zero on zeros', () => {
    expect(fitNegBinomialMoments([2, 2, 2])).toEqual({ zeroInflation: 0, mean: 2, size: Infinity });
    expect(fitZeroInflatedNegBinomial([1, 2, 3])).toEqual({ zeroInflation: 0, mean: 2, size: Infinity });
    expect(fitZeroInflatedNegBinomial([0, 0, 0]).mean).toBe(0);
    const z = negBinomialClimatology(history, at(11, 50), xoshiro128ss(1));
    expect(set(unitSamples(z, 0))).toEqual(new Set([0]));
  });

  it('fits the ZINB by EM: keeps the mean and beats the NB likelihood', () => {
    const xs = [...Array(20).fill(0), 5, 8, 3, 10, 6, 7, 4, 9, 5, 6, 12, 2, 7, 5, 3, 8];
    const f = fitZeroInflatedNegBinomial(xs);
    expect(f.zeroInflation).toBeGreaterThan(0.4);
    expect((1 - f.zeroInflation) * f.mean).toBeCloseTo(mean(xs), 6);
    const ll = (pi: number, mu: number, r: number) =>
      xs.reduce(
        (s, y) => s + Math.log((y === 0 ? pi : 0) + (1 - pi) * Math.exp(negBinomialLogPmf(y, mu, r))),
        0,
      );
    const nb = fitNegBinomialMoments(xs);
    expect(ll(f.zeroInflation, f.mean, f.size)).toBeGreaterThan(ll(0, nb.mean, nb.size));
    // Samples from the climatology keep the window mean.
    const h = countHistory([xs]);
    const s = zeroInflatedNegBinomialClimatology(
      h,
      { origin: 35, horizon: 1, samples: 40_000 },
      xoshiro128ss(2),
    );
    expect(Math.abs(mean(s.values) - mean(xs)) / mean(xs)).toBeLessThan(0.03);
  });
});

describe('every baseline', () => {
  const context = (h: CountHistory, seed: number) => ({
    history: h,
    neighbours: line,
    request: at(9, 300),
    rng: xoshiro128ss(seed),
  });

  it('is reproducible with the same seed', () => {
    for (const [name, f] of Object.entries(BASELINES)) {
      expect(Array.from(f(context(history, 11)).values), name).toEqual(
        Array.from(f(context(history, 11)).values),
      );
    }
  });

  it('never reads past the origin', () => {
    // Overwrite months 10 … 14 with absurd values: the forecasts from origin 9 must not change.
    const future = countHistory(rows.map((r) => r.map((x, t) => (t > 9 ? 1e6 : x))));
    for (const [name, f] of Object.entries(BASELINES)) {
      expect(Array.from(f(context(future, 12)).values), name).toEqual(
        Array.from(f(context(history, 12)).values),
      );
    }
  });

  it('rejects requests outside the history', () => {
    expect(() => zeroBaseline(history, at(15))).toThrow(RangeError);
    expect(() => zeroBaseline(history, { origin: 3, horizon: 0, samples: 1 })).toThrow(RangeError);
    expect(() => lastObservedPoint(history, { origin: 3, horizon: 1, samples: 0 })).toThrow(RangeError);
  });
});
