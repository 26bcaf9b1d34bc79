import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../../../core/neighbours.ts';
import { BASELINES, type Forecaster } from '../baselines/registry.ts';
import { xoshiro128ss } from '../rng.ts';
import { crpsSample } from '../scores/crps.ts';
import { countHistory, emptySamples, unitSamples } from '../series.ts';
import { fitHurdle, hurdleParameters } from './hurdle.ts';
import { addCell, emptyStackStats, meanPairDiff, mixtureCrps, stackWeights } from './stack-weights.ts';
import { stackedForecaster } from './stacking.ts';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('stack weights', () => {
  it('mean pairwise difference matches brute force', () => {
    const a = sorted([0, 3, 3, 7, 12]);
    const b = sorted([1, 2, 9]);
    let s = 0;
    for (const x of a) for (const y of b) s += Math.abs(x - y);
    expect(meanPairDiff(a, b)).toBeCloseTo(s / 15, 12);
    expect(meanPairDiff(a, a)).toBeCloseTo(
      [...a].reduce((t, x) => t + [...a].reduce((u, y) => u + Math.abs(x - y), 0), 0) / 25,
      12,
    );
  });

  it('a pool with all weight on one part scores that part’s sample CRPS', () => {
    const parts = [sorted([0, 0, 1, 4, 9]), sorted([2, 2, 3])];
    const stats = emptyStackStats(2);
    addCell(stats, parts, 3);
    expect(mixtureCrps(stats, [1, 0])).toBeCloseTo(crpsSample(parts[0]!, 3), 12);
    expect(mixtureCrps(stats, [0, 1])).toBeCloseTo(crpsSample(parts[1]!, 3), 12);
  });

  it('two point masses either side of the outcome are best pooled half and half', () => {
    // CRPS(w) = 5w + 5(1 − w) − ½·2w(1 − w)·10 = 5 − 10w(1 − w): least at w = ½ (2.5).
    const stats = emptyStackStats(2);
    addCell(stats, [sorted([0]), sorted([10])], 5);
    expect(mixtureCrps(stats, [0.5, 0.5])).toBeCloseTo(2.5, 12);
    expect(Array.from(stackWeights(stats))).toEqual([0.5, 0.5]);
  });

  it('puts the weight on the part that was right, and is equal without training cells', () => {
    const stats = emptyStackStats(3);
    for (let k = 0; k < 10; k++) addCell(stats, [sorted([7, 7]), sorted([0, 1]), sorted([20, 30])], 7);
    expect(Array.from(stackWeights(stats))).toEqual([1, 0, 0]);
    expect(Array.from(stackWeights(emptyStackStats(4)))).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('stackedForecaster', () => {
  const history = countHistory([
    Array.from({ length: 60 }, () => 5),
    Array.from({ length: 60 }, (_, t) => (t % 2 === 0 ? 0 : 8)),
  ]);
  const neighbours = neighboursFromLists([[1], [0]]);

  it('learns from past forecasts only: every part sees a history ending at its own origin', () => {
    const seen: [number, number][] = [];
    const spy: Forecaster = (c) => {
      seen.push([c.request.origin, c.history.months]);
      return BASELINES['last-point'](c);
    };
    const stack = stackedForecaster([spy, BASELINES.zero], { window: 6, minOrigin: 30 });
    const origin = 40;
    const past = { units: 2, months: origin + 1, counts: new Float64Array(2 * (origin + 1)) };
    for (let u = 0; u < 2; u++)
      past.counts.set(history.counts.subarray(u * 60, u * 60 + origin + 1), u * past.months);
    stack({ history: past, neighbours, request: { origin, horizon: 2, samples: 50 }, rng: xoshiro128ss(1) });
    expect(seen.length).toBe(7);
    for (const [o, months] of seen) expect(months).toBe(o + 1);
    expect(Math.max(...seen.slice(0, -1).map(([o]) => o))).toBe(origin - 2);
  });

  it('weights the part that forecast well, and returns the requested number of samples', () => {
    let weights: number[] = [];
    const stack = stackedForecaster([BASELINES.zero, BASELINES.conflictology], {
      window: 12,
      minOrigin: 12,
      onWeights: (_o, _h, w) => (weights = Array.from(w)),
    });
    const out = stack({
      history,
      neighbours,
      request: { origin: 59, horizon: 1, samples: 100 },
      rng: xoshiro128ss(3),
    });
    expect(weights[1]).toBeGreaterThan(0.8);
    expect(out.samples).toBe(100);
    expect(unitSamples(out, 0).filter((x) => x === 5).length).toBeGreaterThan(80);
  });

  it('rejects an empty stack', () => {
    expect(() => stackedForecaster([])).toThrow(RangeError);
    expect(emptySamples(1, 1).values).toHaveLength(1);
  });
});

describe('hurdle clip', () => {
  it('keeps the size mean within twice the largest training count after an unseen spike', () => {
    // Quiet years, then a first massacre at the origin: unclipped, the lag features lie far outside training.
    const row: number[] = Array.from({ length: 48 }, (_, t) => (t % 5 === 0 ? 2 : 0));
    row[47] = 400;
    const h = countHistory([row, row.map((x) => (x > 100 ? 0 : x))]);
    const nb = neighboursFromLists([[1], [0]]);
    const clipped = fitHurdle(h, nb, 47, 1, { trainingMonths: 24, clip: true });
    const { mean } = hurdleParameters(clipped, h, nb, [], 0, 47);
    expect(mean).toBeLessThanOrEqual(2 * clipped.maxY + 1e-9);
  });
});
