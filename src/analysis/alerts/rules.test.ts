import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHistory } from '../forecast/series.ts';
import { ears } from './ears.ts';
import { fitNegBinomial, negBinomialLogLikelihoodRatio, negBinomialUpperTail } from './nb.ts';
import { nbCusum, nbSurprise, nbSurpriseP } from './nb-rules.ts';
import { ALERT_RULES } from './registry.ts';
import { surge, threshold } from './simple-rules.ts';

const one = (row: number[]) => countHistory([row]);

describe('negative binomial pieces (hand-computed)', () => {
  it('fits by moments, Poisson when not overdispersed, mean floored', () => {
    expect(fitNegBinomial([0, 2, 4], 0, 3)).toEqual({ mean: 2, size: 2 }); // var 4, r = 2²/(4 − 2)
    expect(fitNegBinomial([2, 2, 2], 0, 3)).toEqual({ mean: 2, size: Infinity });
    expect(fitNegBinomial([0, 0, 0], 0, 3)).toEqual({ mean: 0.5, size: Infinity });
    expect(fitNegBinomial([1], 0, 0)).toBeNull();
  });

  it('upper tails: Poisson(2) and NB(μ = 2, r = 2)', () => {
    const pois = { mean: 2, size: Infinity };
    expect(negBinomialUpperTail(0, pois)).toBe(1);
    expect(negBinomialUpperTail(1, pois)).toBeCloseTo(1 - Math.exp(-2), 12);
    expect(negBinomialUpperTail(3, pois)).toBeCloseTo(1 - 5 * Math.exp(-2), 12);
    // p = r/(r + μ) = ½: P(0) = ¼, P(1) = r·p^r·(1 − p) = ¼, so P(Y ≥ 2) = ½.
    expect(negBinomialUpperTail(2, { mean: 2, size: 2 })).toBeCloseTo(0.5, 12);
    // Far tail summed upwards: P(Y ≥ 30 | Poisson 2) = Σ_{k≥30} e^{-2} 2^k / k! ≈ 2.7e-23 (first term dominates).
    const far = negBinomialUpperTail(30, pois);
    expect(far).toBeGreaterThan(0);
    expect(far / ((Math.exp(-2) * 2 ** 30) / 2.652528598121911e32)).toBeCloseTo(1.07, 1);
  });

  it('log-likelihood ratio of the CUSUM', () => {
    expect(negBinomialLogLikelihoodRatio(10, 5, 10, Infinity)).toBeCloseTo(10 * Math.log(2) - 5, 12);
    expect(negBinomialLogLikelihoodRatio(3, 2, 4, 2)).toBeCloseTo(3 * Math.log(2) + 5 * Math.log(4 / 6), 12);
  });
});

describe('NB CUSUM', () => {
  it('accumulates, fires at h and resets', () => {
    // Baseline of 3 months: [2,2,2] → Poisson μ0 = 2, μ1 = 4; y = 6 gives 6 ln 2 − 2 = 2.1589.
    // Next: baseline [2,2,6], m = 10/3, v = 16/3, r = 50/9: 6 ln 2 + (6 + 50/9) ln((80/9)/(110/9)) = 0.47897.
    const out = nbCusum(one([2, 2, 2, 6, 6]), 4, { baseline: 3 });
    expect(out.statistic[3]).toBeCloseTo(6 * Math.log(2) - 2, 10);
    expect(out.statistic[4]).toBeCloseTo(
      6 * Math.log(2) - 2 + 6 * Math.log(2) + (104 / 9) * Math.log(8 / 11),
      10,
    );
    expect([...out.alarm]).toEqual([0, 0, 0, 0, 0]);
    expect(Number.isNaN(out.statistic[2])).toBe(true);
    // After three zeros the floor μ0 = 0.5 (μ1 = 1): y = 5 gives 5 ln 2 − 0.5 = 2.9657 ≥ 2.9 → alarm, reset.
    const fired = nbCusum(one([0, 0, 0, 5, 0]), 2.9, { baseline: 3 });
    expect(fired.statistic[3]).toBeCloseTo(5 * Math.log(2) - 0.5, 10);
    expect([...fired.alarm]).toEqual([0, 0, 0, 1, 0]);
    expect(fired.statistic[4]).toBe(0); // reset, then max(0, 0 + 0·ln2 − 0.5·… ) = 0
  });
});

describe('NB surprise with Benjamini–Hochberg across units', () => {
  it('adjusts the month’s p-values over units and fires on q ≤ α with a positive count', () => {
    // Three units, baseline 2 months of zeros (μ floored to 0.5, Poisson), month 2 counts 3, 1, 0.
    const h = countHistory([
      [0, 0, 3],
      [0, 0, 1],
      [0, 0, 0],
    ]);
    const p = nbSurpriseP(h, { baseline: 2 });
    const p3 = 1 - Math.exp(-0.5) * (1 + 0.5 + 0.125); // P(Y ≥ 3 | 0.5) = 0.01439
    const p1 = 1 - Math.exp(-0.5); // 0.3935
    expect(p[2]).toBeCloseTo(p3, 12);
    expect(p[5]).toBeCloseTo(p1, 12);
    expect(p[8]).toBe(1);
    const out = nbSurprise(h, 0.05, { baseline: 2 });
    // BH: q = min over ranks ≥ own of p·n/rank → 3·p3/1 = 0.0432, 3·p1/2 = 0.590, 1.
    expect(out.statistic[2]).toBeCloseTo(3 * p3, 12);
    expect(out.statistic[5]).toBeCloseTo(1.5 * p1, 12);
    expect([out.alarm[2], out.alarm[5], out.alarm[8]]).toEqual([1, 0, 0]);
    expect(nbSurprise(h, 0.04, { baseline: 2 }).alarm[2]).toBe(0);
  });
});

describe('EARS C1, C2, C3 on months', () => {
  // Baseline 0,4,8,0,4,8,4: mean 4, sd √(64/6) = 3.266.
  const base = [0, 4, 8, 0, 4, 8, 4];
  const sd = Math.sqrt(64 / 6);
  it('C1 compares month t with the 7 months before', () => {
    const out = ears(one([...base, 16]), 'C1', 3);
    expect(out.statistic[7]).toBeCloseTo(12 / sd, 12);
    expect(out.alarm[7]).toBe(1);
    expect(Number.isNaN(out.statistic[6])).toBe(true);
    expect(ears(one([...base, 13]), 'C1', 3).alarm[7]).toBe(0); // 9 / 3.266 = 2.76
  });
  it('C2 skips a 2-month guard band; C3 sums C2 − 1 over three months', () => {
    const h = one([...base, 0, 0, 12, 12, 12]);
    const c2 = ears(h, 'C2', 3);
    expect(c2.statistic[9]).toBeCloseTo(8 / sd, 12); // baseline months 0…6
    // Month 10: baseline months 1…7 = 4,8,0,4,8,4,0 (mean 4, same sd): (12 − 4)/sd.
    expect(c2.statistic[10]).toBeCloseTo(8 / sd, 12);
    const c3 = ears(h, 'C3', 2);
    expect(Number.isNaN(c3.statistic[10])).toBe(true); // C2 at month 8 needs months −1…5
    // Month 11: C2 of months 9, 10, 11 (month 11: baseline 2…8 = 8,0,4,8,4,0,0 mean 24/7).
    const m = 24 / 7;
    const sd11 = Math.sqrt([8, 0, 4, 8, 4, 0, 0].reduce((s, x) => s + (x - m) ** 2, 0) / 6);
    const expected = 2 * (8 / sd - 1) + ((12 - m) / sd11 - 1);
    expect(c3.statistic[11]).toBeCloseTo(expected, 12);
    expect(c3.alarm[11]).toBe(1);
  });
  it('floors the standard deviation at 1 on a flat baseline', () => {
    expect(ears(one([0, 0, 0, 0, 0, 0, 0, 4]), 'C1', 3).statistic[7]).toBe(4);
  });
});

describe('surge and threshold', () => {
  it('surge: ≥ 100 % over the mean of the previous 3 months, mean floored at 1, at least 5', () => {
    expect([...surge(one([2, 2, 2, 8]), 1).alarm]).toEqual([0, 0, 0, 1]); // rise 3
    expect(surge(one([2, 2, 2, 8]), 1).statistic[3]).toBe(3);
    expect(surge(one([0, 1, 0, 2]), 1).alarm[3]).toBe(0); // doubling but 2 < 5
    expect(surge(one([0, 0, 0, 5]), 1).statistic[3]).toBe(4); // 5 / max(0, 1) − 1
    expect(surge(one([6, 6, 6, 11]), 1).alarm[3]).toBe(0); // +83 %
  });
  it('threshold: y ≥ c', () => {
    expect([...threshold(one([24, 25, 30]), 25).alarm]).toEqual([0, 1, 1]);
  });
});

describe('no look-ahead', () => {
  it('no rule changes its alarms up to month t when months after t change', () => {
    const rows = fc.array(fc.array(fc.nat({ max: 60 }), { minLength: 36, maxLength: 36 }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(rows, fc.integer({ min: 0, max: 34 }), fc.nat({ max: 200 }), (data, t, bump) => {
        const a = countHistory(data);
        const b = countHistory(data.map((r) => r.map((x, i) => (i > t ? x + bump + ((i * 7) % 13) : x))));
        for (const rule of ALERT_RULES) {
          const oa = rule.run(a, rule.default);
          const ob = rule.run(b, rule.default);
          for (let u = 0; u < a.units; u++) {
            for (let m = 0; m <= t; m++) {
              expect(ob.alarm[u * 36 + m], `${rule.name} u${u} m${m}`).toBe(oa.alarm[u * 36 + m]);
            }
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
