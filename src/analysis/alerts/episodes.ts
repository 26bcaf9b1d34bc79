/**
 * Escalation episodes, as issue 6 defines them: a unit-month is an escalation month when its count is ≥ 25
 * (civilian fatalities), or above the 95th percentile of the unit's previous 24 months; an episode starts at an
 * escalation month preceded by ≥ 3 months that were not escalation months ("after ≥ 3 months below it": each of
 * the three months was below its own threshold).
 *
 * - The 95th percentile is R's default (type 7: linear interpolation between order statistics), over exactly the
 *   24 months t − 24 … t − 1; "above" is strict, so a unit flat at its percentile is not escalating. With 24
 *   months of zeros the percentile is 0 and any positive count is an escalation: an onset after two quiet years.
 * - A month with fewer than 24 months behind it is not judged (neither escalation nor calm), so the first
 *   possible episode is month 27 of the history (24 to judge it, 3 calm months before it).
 */
import type { CountHistory } from '../forecast/series.ts';

export interface EpisodeOptions {
  level?: number;
  quantile?: number;
  window?: number;
  quiet?: number;
}

export interface Episodes {
  /** 1 for an escalation month (unit-major). */
  escalation: Uint8Array;
  /** 1 where an episode starts. */
  onset: Uint8Array;
  /** First month index that can hold an onset. */
  firstOnset: number;
}

/** Quantile of type 7 (R's default) of values[from … to − 1]. */
export function quantile7(values: ArrayLike<number>, from: number, to: number, p: number): number {
  const xs: number[] = [];
  for (let i = from; i < to; i++) xs.push(values[i] ?? 0);
  xs.sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const a = xs[lo] ?? 0;
  const b = xs[Math.min(lo + 1, xs.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

export function escalationEpisodes(history: CountHistory, options: EpisodeOptions = {}): Episodes {
  const level = options.level ?? 25;
  const q = options.quantile ?? 0.95;
  const w = options.window ?? 24;
  const quiet = options.quiet ?? 3;
  const T = history.months;
  const escalation = new Uint8Array(history.units * T);
  const onset = new Uint8Array(history.units * T);
  for (let u = 0; u < history.units; u++) {
    const values = history.counts.subarray(u * T, (u + 1) * T);
    for (let t = w; t < T; t++) {
      const y = values[t] ?? 0;
      if (y >= level || y > quantile7(values, t - w, t, q)) escalation[u * T + t] = 1;
    }
    for (let t = w + quiet; t < T; t++) {
      if (!escalation[u * T + t]) continue;
      let calm = true;
      for (let i = t - quiet; i < t; i++) if (escalation[u * T + i]) calm = false;
      if (calm) onset[u * T + t] = 1;
    }
  }
  return { escalation, onset, firstOnset: w + quiet };
}
