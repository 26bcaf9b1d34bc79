/**
 * A seeded pseudo-random generator for forecasts and bootstraps.
 *
 * `src/analysis` may not read a clock or call Math.random: a backtest must give the same numbers for the same seed,
 * or two runs of the same protocol cannot be compared. xoshiro128** (Blackman & Vigna, "Scrambled linear
 * pseudorandom number generators", 2018, https://prng.di.unimi.it/xoshiro128starstar.c) has a 2^128 − 1 period and
 * passes BigCrush, which a 32-bit LCG or mulberry32 (period 2^32, used for Gi* permutations) cannot promise over the
 * millions of draws a backtest makes. The four words of state are filled from the seed with splitmix32, as the
 * authors recommend, so that nearby seeds give unrelated streams.
 */

export interface Rng {
  /** A uniform double in [0, 1) with 32 random bits. */
  next(): number;
}

/** splitmix32 step (the 32-bit variant of Steele, Lea & Flood's SplitMix), used only to seed xoshiro. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export function xoshiro128ss(seed: number): Rng {
  const init = { s: seed | 0 };
  let a = splitmix32(init);
  let b = splitmix32(init);
  let c = splitmix32(init);
  let d = splitmix32(init);
  // The all-zero state is the generator's one fixed point; splitmix32 cannot give four zeros, but stay safe.
  if ((a | b | c | d) === 0) a = 1;
  return {
    next(): number {
      const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
      const t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = rotl(d, 11);
      return result / 4294967296;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A uniform integer in [0, n). The float has 32 random bits, so the bias is below n / 2^32. */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/**
 * A seed for one stream of a larger computation (a model × origin × horizon of a backtest), mixed from the user's
 * seed and the stream's coordinates with splitmix32, so that each stream is the same whichever other models or
 * origins run, and in whatever order.
 */
export function deriveSeed(seed: number, ...parts: readonly number[]): number {
  const state = { s: seed | 0 };
  let h = splitmix32(state);
  for (const p of parts) {
    state.s = (h ^ Math.imul(p | 0, 0x27d4eb2d)) | 0;
    h = splitmix32(state);
  }
  return h | 0;
}
