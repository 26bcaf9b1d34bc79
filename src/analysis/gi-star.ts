/**
 * Getis–Ord Gi* hotspot statistics on counts per spatial unit.
 *
 * Gi* is the "star" form: unit i belongs to its own neighbourhood, with binary weights (1 for i and each of its
 * neighbours, 0 otherwise). The analytic z-score is computed exactly as R spdep's `localG` does for
 * `nb2listw(include.self(nb), style = "B")` — spdep is the reference analysts check vigie against:
 *
 *   x̄ = Σx / n,  s² = Σ(x − x̄)² / n,  Wᵢ = |Nᵢ| + 1,
 *   zᵢ = (Σ_{j ∈ Nᵢ ∪ {i}} x_j − Wᵢ·x̄) / √(s² · (n·Wᵢ − Wᵢ²) / (n − 1)).
 *
 * Counts of conflict events are skewed and spatially clustered, so the normal approximation behind z is rough;
 * pseudo p-values come from a conditional permutation test instead (x_i held fixed, its |Nᵢ| neighbours drawn at
 * random from the other n − 1 values), and are adjusted for testing every unit at once with Benjamini–Hochberg.
 * Classes are read from the adjusted p-values. Pure: arrays in, arrays out; deterministic for a given seed.
 */
import type { Neighbours } from '../core/neighbours.ts';

export const HOTSPOT_CLASSES = [
  'hot-99',
  'hot-95',
  'hot-90',
  'cold-99',
  'cold-95',
  'cold-90',
  'not-significant',
] as const;
export type HotspotClass = (typeof HOTSPOT_CLASSES)[number];

export interface GiStarOptions {
  /** Number of conditional permutations (999 is the usual choice: p can then reach 0.001). */
  permutations: number;
  seed: number;
}

export interface GiStarResult {
  z: Float64Array;
  /** Permutation pseudo p-values, two-sided (folded about the conditional expectation). */
  p: Float64Array;
  /** Benjamini–Hochberg adjusted p. */
  pFdr: Float64Array;
  classes: HotspotClass[];
}

export function giStar(x: ArrayLike<number>, nb: Neighbours, options: GiStarOptions): GiStarResult {
  const z = giStarZ(x, nb);
  const p = giStarPermutationP(x, nb, options.permutations, options.seed);
  const pFdr = benjaminiHochberg(p);
  const classes: HotspotClass[] = [];
  for (let i = 0; i < z.length; i++) classes.push(hotspotClass(z[i] ?? 0, pFdr[i] ?? 1));
  return { z, p, pFdr, classes };
}

/**
 * Analytic Gi* z-scores. Where spdep answers NaN or ±Inf — no variance at all (every count equal, e.g. all zero),
 * or a neighbourhood that is the whole study area — there is nothing to test, and the z-score is 0.
 */
export function giStarZ(x: ArrayLike<number>, nb: Neighbours): Float64Array {
  const n = x.length;
  const z = new Float64Array(n);
  if (n < 2) return z;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i]!;
  const mean = sum / n;
  // Two passes, as R's scale() does: the one-pass Σx² − n·x̄² loses digits on large, similar counts.
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - mean;
    ss += d * d;
  }
  const s2 = ss / n;
  const { offsets, indices } = nb;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const end = offsets[i + 1]!;
    let lag = x[i]!;
    for (let k = start; k < end; k++) lag += x[indices[k]!]!;
    const w = end - start + 1;
    const variance = (s2 * (n * w - w * w)) / (n - 1);
    const value = (lag - w * mean) / Math.sqrt(variance);
    z[i] = Number.isFinite(value) ? value : 0;
  }
  return z;
}

/**
 * Conditional-permutation pseudo p-values: for unit i, `permutations` times, draw |Nᵢ| of the other n − 1 values
 * without replacement and compare the neighbourhood sum with the observed one. Two-sided by folding about the
 * conditional expectation Eᵢ = xᵢ + |Nᵢ|·(Σx − xᵢ)/(n − 1): a draw is as extreme when |sum − Eᵢ| ≥ |observed − Eᵢ|,
 * and p = (extreme + 1)/(permutations + 1), so p is never 0 and a draw equal to the observation counts against it.
 * Units whose draw cannot vary (no neighbours, or every other unit a neighbour) get p = 1.
 */
export function giStarPermutationP(
  x: ArrayLike<number>,
  nb: Neighbours,
  permutations: number,
  seed: number,
): Float64Array {
  const n = x.length;
  const p = new Float64Array(n).fill(1);
  if (n < 3 || permutations < 1) return p;
  const random = mulberry32(seed);
  let total = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    total += x[i]!;
    scale += Math.abs(x[i]!);
  }
  // Sums of the same values in another order differ in the last bits; ties must still count as ties.
  const tolerance = 1e-9 * (1 + scale);
  // pool holds unit ids in a permutation that each partial Fisher–Yates shuffle leaves for the next; where[] is
  // its inverse, so unit i can be parked in the last slot (out of the draw) in O(1).
  const pool = new Int32Array(n);
  const where = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = where[i] = i;
  const swap = (a: number, b: number) => {
    const ua = pool[a]!;
    const ub = pool[b]!;
    pool[a] = ub;
    pool[b] = ua;
    where[ub] = a;
    where[ua] = b;
  };
  const { offsets, indices } = nb;
  for (let i = 0; i < n; i++) {
    const start = offsets[i]!;
    const k = offsets[i + 1]! - start;
    if (k === 0 || k >= n - 1) continue;
    const xi = x[i]!;
    let observed = xi;
    for (let e = start; e < start + k; e++) observed += x[indices[e]!]!;
    const expected = xi + (k * (total - xi)) / (n - 1);
    const threshold = Math.abs(observed - expected) - tolerance;
    swap(where[i]!, n - 1);
    const others = n - 1;
    let extreme = 0;
    for (let r = 0; r < permutations; r++) {
      let drawn = xi;
      for (let t = 0; t < k; t++) {
        swap(t, t + Math.floor(random() * (others - t)));
        drawn += x[pool[t]!]!;
      }
      if (Math.abs(drawn - expected) >= threshold) extreme++;
    }
    p[i] = (extreme + 1) / (permutations + 1);
  }
  return p;
}

/** Benjamini–Hochberg step-up adjustment: the false discovery rate at which each test would be rejected. */
export function benjaminiHochberg(p: ArrayLike<number>): Float64Array {
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]! || a - b);
  const adjusted = new Float64Array(n);
  let running = 1;
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r]!;
    running = Math.min(running, (p[i]! * n) / (r + 1));
    adjusted[i] = running;
  }
  return adjusted;
}

/** The class of a unit from the sign of z and its adjusted p-value (thresholds 0.01, 0.05, 0.10). */
export function hotspotClass(z: number, pFdr: number): HotspotClass {
  if (!(z !== 0) || !(pFdr <= 0.1)) return 'not-significant';
  const level = pFdr <= 0.01 ? '99' : pFdr <= 0.05 ? '95' : '90';
  return `${z > 0 ? 'hot' : 'cold'}-${level}`;
}

/** mulberry32: a tiny, fast, well-mixed 32-bit PRNG; enough for permutation tests and fully reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
