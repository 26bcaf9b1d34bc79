/**
 * Mann–Kendall trend test and the normal distribution it leans on. Pure: numbers in, numbers out.
 *
 *   S = Σ_{i<j} sign(x_j − x_i),
 *   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18   (t_g: size of each group of tied values),
 *   z = (S − 1)/√Var if S > 0, (S + 1)/√Var if S < 0, else 0   (continuity correction),
 *   p = 2·(1 − Φ(|z|))   (two-sided).
 * Fewer than 3 values, or no variance (all tied), give z = 0, p = 1: there is nothing to test.
 */

export interface MannKendallResult {
  s: number;
  variance: number;
  z: number;
  /** Two-sided p from the normal approximation. */
  p: number;
}

export function mannKendall(x: ArrayLike<number>): MannKendallResult {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) s += Math.sign(x[j]! - x[i]!);
  }
  const sorted = Array.from(x).sort((a, b) => a - b);
  let ties = 0;
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    const t = j - i;
    ties += t * (t - 1) * (2 * t + 5);
    i = j;
  }
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  if (n < 3 || !(variance > 0)) return { s, variance: Math.max(0, variance), z: 0, p: 1 };
  const z = s > 0 ? (s - 1) / Math.sqrt(variance) : s < 0 ? (s + 1) / Math.sqrt(variance) : 0;
  return { s, variance, z, p: twoSidedNormalP(z) };
}

/** Two-sided p of a standard normal z: erfc(|z|/√2), accurate in relative terms far into the tail. */
export function twoSidedNormalP(z: number): number {
  if (Number.isNaN(z)) return 1;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Standard normal cumulative distribution Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

/**
 * Complementary error function to ~1e-14 (relative, for x ≥ 0). Two regimes, each free of cancellation:
 * - |x| < 3: erf(x) = (2/√π)·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3·…·(2n+1)), a series of positive terms;
 * - |x| ≥ 3: the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))),
 *   evaluated bottom-up; 80 levels are far more than it needs at x ≥ 3.
 * (Abramowitz–Stegun 7.1.26 is only good to 1.5e-7, short of what the p-values here promise.)
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= (2 * x * x) / (2 * n + 1);
      sum += term;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
  }
  let f = x;
  for (let k = 80; k >= 1; k--) f = x + k / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
