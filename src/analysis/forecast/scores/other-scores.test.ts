import { describe, expect, it } from 'vitest';
import { averagePrecision, brierScore, exceedanceProbability } from './binary.ts';
import { ignoranceBin, ignoranceScore, VIEWS_IGNORANCE_EDGES } from './ignorance.ts';
import { centralInterval, covers, intervalScore, quantileSorted } from './interval.ts';
import { pointLog1p, squaredLogError, tadda } from './point.ts';

describe('ignorance score with the VIEWS 2023/24 bins', () => {
  it('puts counts in the challenge classes 0 | 1–2 | 3–5 | 6–10 | 11–25 | 26–50 | … | 1001+', () => {
    const cases: [number, number][] = [
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
      [5, 2],
      [6, 3],
      [10, 3],
      [11, 4],
      [25, 4],
      [26, 5],
      [50, 5],
      [51, 6],
      [100, 6],
      [101, 7],
      [250, 7],
      [251, 8],
      [500, 8],
      [501, 9],
      [1000, 9],
      [1001, 10],
      [1e6, 10],
    ];
    for (const [x, bin] of cases) expect(ignoranceBin(x), `count ${x}`).toBe(bin);
    expect(VIEWS_IGNORANCE_EDGES).toHaveLength(11);
    expect(ignoranceBin(-1)).toBe(-1);
  });

  it('adds one pseudo-sample per class, as the challenge does', () => {
    // M = 5 samples {0, 0, 1, 2, 3}; 11 classes → denominator 16.
    // y = 0: class 0 holds 2 samples → −log₂(3/16) = log₂(16/3) ≈ 2.4150375.
    expect(ignoranceScore([0, 0, 1, 2, 3], 0)).toBeCloseTo(Math.log2(16 / 3), 12);
    // y = 2: class 1–2 holds 2 samples → same.
    expect(ignoranceScore([0, 0, 1, 2, 3], 2)).toBeCloseTo(Math.log2(16 / 3), 12);
    // y = 2000: class 1001+ is empty → −log₂(1/16) = 4 bits.
    expect(ignoranceScore([0, 0, 1, 2, 3], 2000)).toBeCloseTo(4, 12);
  });

  it('handles all-zero samples, one sample and no sample', () => {
    // 1000 zeros, y = 0: −log₂(1001/1011).
    expect(ignoranceScore(new Float64Array(1000), 0)).toBeCloseTo(-Math.log2(1001 / 1011), 12);
    // …and y = 7: −log₂(1/1011).
    expect(ignoranceScore(new Float64Array(1000), 7)).toBeCloseTo(Math.log2(1011), 12);
    expect(ignoranceScore([4], 4)).toBeCloseTo(-Math.log2(2 / 12), 12);
    expect(ignoranceScore([], 4)).toBeCloseTo(Math.log2(11), 12);
  });

  it('rejects negative values', () => {
    expect(() => ignoranceScore([1], -1)).toThrow(RangeError);
    expect(() => ignoranceScore([-1], 1)).toThrow(RangeError);
  });
});

describe('interval score (α = 0.1) and coverage', () => {
  const zeroToTen = Array.from({ length: 11 }, (_, i) => 10 - i); // unsorted on purpose

  it('reads type-7 quantiles like numpy', () => {
    // n = 11: h = 10·0.05 = 0.5 → 0.5; h = 10·0.95 = 9.5 → 9.5.
    expect(centralInterval(zeroToTen, 0.1)).toEqual({ lower: 0.5, upper: 9.5 });
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([7], 0.95)).toBe(7);
  });

  it('matches hand computations', () => {
    const i = centralInterval(zeroToTen, 0.1);
    expect(intervalScore(i, 5)).toBeCloseTo(9, 12); // inside: the width 9
    expect(intervalScore(i, 12)).toBeCloseTo(9 + 20 * 2.5, 12); // above by 2.5: 9 + (2/0.1)·2.5 = 59
    expect(intervalScore(i, 0)).toBeCloseTo(9 + 20 * 0.5, 12); // below by 0.5: 19
    expect(covers(i, 5)).toBe(true);
    expect(covers(i, 0)).toBe(false);
    expect(covers(i, 9.5)).toBe(true);
  });

  it('gives a zero-width interval for all-zero samples', () => {
    const i = centralInterval(new Float64Array(100), 0.1);
    expect(intervalScore(i, 0)).toBe(0);
    expect(intervalScore(i, 3)).toBe(60); // 0 + 20·3
  });
});

describe('Brier score and average precision', () => {
  it('reads event probabilities from samples', () => {
    expect(exceedanceProbability([0, 1, 30, 25], 25)).toBe(0.5);
    expect(exceedanceProbability([0, 0, 0], 1)).toBe(0);
  });

  it('Brier matches hand values', () => {
    expect(brierScore(0.7, true)).toBeCloseTo(0.09, 12);
    expect(brierScore(0.7, false)).toBeCloseTo(0.49, 12);
  });

  it('matches the scikit-learn documentation example', () => {
    // y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8]; thresholds 0.8 (P 1, R ½), 0.4 (P ½, R ½), 0.35 (P ⅔, R 1),
    // 0.1 (P ½, R 1): AP = ½·1 + 0 + ½·⅔ + 0 = 0.8333…
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBeCloseTo(5 / 6, 12);
  });

  it('treats tied scores as one threshold', () => {
    // All tied: one threshold with R = 1, P = 2/4 → AP = ½ whatever the order.
    expect(averagePrecision([0.5, 0.5, 0.5, 0.5], [true, false, false, true])).toBeCloseTo(0.5, 12);
    // s = [0.9, 0.5, 0.5, 0.1], y = [0, 1, 0, 1]: 0.9 → R 0; 0.5 → tp 1 of 3 seen, R ½ → ½·⅓; 0.1 → R 1, P ½ → ½·½.
    // AP = 1/6 + 1/4 = 5/12, the same if the tied pair is swapped.
    expect(averagePrecision([0.9, 0.5, 0.5, 0.1], [false, true, false, true])).toBeCloseTo(5 / 12, 12);
    expect(averagePrecision([0.9, 0.5, 0.5, 0.1], [false, false, true, true])).toBeCloseTo(5 / 12, 12);
  });

  it('is NaN without positives and 1 for a perfect ranking', () => {
    expect(averagePrecision([0.1, 0.2], [false, false])).toBeNaN();
    expect(averagePrecision([0.9, 0.8, 0.1], [true, true, false])).toBe(1);
  });
});

describe('log-scale point scores', () => {
  it('MSE on log1p from the mean of log1p samples', () => {
    // Samples {0, e − 1}: log1p gives {0, 1}, point ½; y = 0 → (½ − 0)² = ¼.
    const p = pointLog1p([0, Math.E - 1]);
    expect(p).toBeCloseTo(0.5, 12);
    expect(squaredLogError(p, 0)).toBeCloseTo(0.25, 12);
    expect(squaredLogError(Math.log1p(9), 9)).toBe(0);
  });

  it('TADDA matches hand values (the VIEWS evaluation library tadda_score)', () => {
    // f = 0.5, c = −0.2: |c − f| = 0.7 > ε, directions differ → 0.7 + |f| = 1.2.
    expect(tadda(0.5, -0.2)).toBeCloseTo(1.2, 12);
    // f = −0.4, c = 0.3 → 0.7 + 0.4 = 1.1.
    expect(tadda(-0.4, 0.3)).toBeCloseTo(1.1, 12);
    // Within ε no penalty: f = 0.03, c = −0.01 → 0.04.
    expect(tadda(0.03, -0.01)).toBeCloseTo(0.04, 12);
    // Same direction: f = 1, c = 3 → 2.
    expect(tadda(1, 3)).toBe(2);
    // An observed change of exactly 0 counts as both directions: f = 0.7, c = 0 → 0.7, no penalty.
    expect(tadda(0.7, 0)).toBeCloseTo(0.7, 12);
    // A no-change forecast never pays a penalty: f = 0 against a rise of 1 → 1; against a fall of 1 → 1.
    expect(tadda(0, 1)).toBe(1);
    expect(tadda(0, -1)).toBe(1);
  });
});
