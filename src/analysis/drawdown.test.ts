import { describe, expect, it } from 'vitest';
import { beforeAfter, drawdownEstimate, percentile, shiftMonth, windowMonths } from './drawdown.ts';

describe('beforeAfter', () => {
  it('averages the m months either side and leaves the closure month out', () => {
    // m = 2: before = (2+4)/2 = 3, after = (10+6)/2 = 8; the 1000 in the closure month counts nowhere.
    expect(beforeAfter([2, 4, 1000, 10, 6], 2)).toEqual({ before: 3, after: 8, change: 5 });
  });

  it('refuses a series of the wrong length', () => {
    expect(() => beforeAfter([1, 2, 3], 2)).toThrow(RangeError);
  });
});

describe('drawdownEstimate', () => {
  it('matches hand-computed before, after, change and difference-in-differences', () => {
    const r = drawdownEstimate(
      {
        months: 1,
        treated: [1, 50, 7], // change 6
        comparison: [
          [2, 0, 3], // change 1
          [4, 0, 7], // change 3
        ],
      },
      { seed: 1 },
    );
    expect(r.treated).toEqual({ before: 1, after: 7, change: 6 });
    expect(r.comparison).toEqual({ units: 2, before: 3, after: 5, change: 2 });
    expect(r.did).toBe(4);
    // Resampled comparison means lie in {1, 2, 3}: the interval is within [6−3, 6−1].
    expect(r.ci95[0]).toBeGreaterThanOrEqual(3);
    expect(r.ci95[1]).toBeLessThanOrEqual(5);
  });

  it('recovers a known effect, with an interval that holds it and excludes zero', () => {
    const months = 6;
    const effect = 10;
    // 30 comparison units: level u, common trend +0.5/month, unit-specific noise that is deterministic.
    const comparison = Array.from({ length: 30 }, (_, u) =>
      Array.from({ length: 2 * months + 1 }, (_, i) => u + 0.5 * i + (((u * 7 + i * 3) % 5) - 2) * 0.2),
    );
    const treated = Array.from(
      { length: 2 * months + 1 },
      (_, i) => 20 + 0.5 * i + (i > months ? effect : 0),
    );
    const r = drawdownEstimate({ months, treated, comparison }, { seed: 42 });
    expect(r.did).toBeCloseTo(effect, 0);
    expect(r.ci95[0]).toBeLessThanOrEqual(r.did);
    expect(r.ci95[1]).toBeGreaterThanOrEqual(r.did);
    expect(r.ci95[0]).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const input = {
      months: 1,
      treated: [0, 0, 1],
      comparison: [
        [0, 0, 0],
        [0, 0, 5],
        [1, 0, 2],
        [3, 0, 0],
      ],
    };
    const a = drawdownEstimate(input, { seed: 7 });
    expect(drawdownEstimate(input, { seed: 7 })).toEqual(a);
  });

  it('refuses an empty comparison', () => {
    expect(() => drawdownEstimate({ months: 1, treated: [0, 0, 0], comparison: [] }, { seed: 1 })).toThrow();
  });
});

describe('helpers', () => {
  it('interpolates percentiles between order statistics', () => {
    expect(percentile([0, 10, 20, 30, 40], 0.5)).toBe(20);
    expect(percentile([0, 10], 0.25)).toBe(2.5);
  });

  it('shifts months across years', () => {
    expect(shiftMonth('2023-08', -9)).toBe('2022-11');
    expect(shiftMonth('2023-12', 6)).toBe('2024-06');
    expect(windowMonths('2023-01', 1)).toEqual(['2022-12', '2023-01', '2023-02']);
  });
});
