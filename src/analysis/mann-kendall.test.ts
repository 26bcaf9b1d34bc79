import { describe, expect, it } from 'vitest';
import { erf, erfc, mannKendall, normalCdf, twoSidedNormalP } from './mann-kendall.ts';

describe('normal distribution', () => {
  it('matches reference values of erf, erfc and Φ to better than 1e-7', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204998778130465, 12);
    expect(erf(1)).toBeCloseTo(0.8427007929497149, 12);
    expect(erfc(0.1)).toBeCloseTo(0.8875370839817152, 12);
    // In the tail the error is relative: p-values of 1e-12 must still be right.
    expect(erfc(3) / 2.209049699858544e-5).toBeCloseTo(1, 10);
    expect(erfc(5) / 1.5374597944280349e-12).toBeCloseTo(1, 10);
    expect(erfc(-1)).toBeCloseTo(2 - 0.1572992070502851, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(twoSidedNormalP(1.6448536269514722)).toBeCloseTo(0.1, 12);
    expect(twoSidedNormalP(0)).toBe(1);
  });
});

describe('Mann-Kendall', () => {
  it('computes S, variance, z and p by hand on a rising series', () => {
    // S = 10 (all 10 pairs rise); Var = 5·4·15/18 = 50/3; z = (10 − 1)/√(50/3) = 2.20454…
    const r = mannKendall([1, 2, 3, 4, 5]);
    expect(r.s).toBe(10);
    expect(r.variance).toBeCloseTo(50 / 3, 12);
    expect(r.z).toBeCloseTo(9 / Math.sqrt(50 / 3), 12);
    expect(r.p).toBeCloseTo(0.02748633611, 9);
  });

  it('corrects the variance for ties', () => {
    // Pairs of [1, 2, 2, 3]: five rise, one tie → S = 5; Var = (4·3·13 − 2·1·9)/18 = 138/18; z = 4/√Var.
    const r = mannKendall([1, 2, 2, 3]);
    expect(r.s).toBe(5);
    expect(r.variance).toBeCloseTo(138 / 18, 12);
    expect(r.z).toBeCloseTo(4 / Math.sqrt(138 / 18), 12);
  });

  it('is symmetric for a falling series and silent without data or variance', () => {
    // [3, 1, 2]: pairs (3,1) −, (3,2) −, (1,2) + → S = −1, corrected z = 0.
    expect(mannKendall([3, 1, 2])).toMatchObject({ s: -1, z: 0, p: 1 });
    expect(mannKendall([5, 4, 3, 2, 1]).z).toBeCloseTo(-9 / Math.sqrt(50 / 3), 12);
    expect(mannKendall([2, 2, 2, 2])).toMatchObject({ s: 0, z: 0, p: 1 });
    expect(mannKendall([1, 2])).toMatchObject({ z: 0, p: 1 });
  });
});
