/**
 * What every alert rule is: a pure function of a unit × month count history (forecast/series.ts: unit-major
 * Float64Array) and one sensitivity parameter, giving per unit-month a statistic and an alarm.
 *
 * No look-ahead: the alarm of month t reads months ≤ t only (the count of month t is what the rule reacts to, as
 * it would when month t's data come in). `rules.test.ts` checks it for every rule by changing the future.
 * A month whose baseline is not long enough has a NaN statistic and no alarm.
 */
import type { CountHistory } from '../forecast/series.ts';

export interface RuleOutput {
  /** Unit-major like the history; NaN where the rule cannot be computed. */
  statistic: Float64Array;
  /** 1 where the rule fires. */
  alarm: Uint8Array;
}

export interface AlertRule {
  name: string;
  /** Name of the sensitivity parameter, e.g. "h", "alpha", "threshold". */
  parameter: string;
  /** The published or conventional value. */
  default: number;
  /** Where tuning searches it. */
  range: readonly [number, number];
  /** Search on a log scale (p-value levels). */
  logScale: boolean;
  /** "higher": a higher value fires less often (a threshold); "lower": a lower value fires less often (a level α). */
  stricter: 'higher' | 'lower';
  /** One line: formula and source. */
  description: string;
  run(history: CountHistory, sensitivity: number): RuleOutput;
}

export function emptyOutput(history: CountHistory): RuleOutput {
  const n = history.units * history.months;
  return { statistic: new Float64Array(n).fill(NaN), alarm: new Uint8Array(n) };
}

/** A rule whose alarm is "statistic ≥ sensitivity" (or > when strict), with the statistic from `score`. */
export function thresholdOn(
  history: CountHistory,
  sensitivity: number,
  score: (values: Float64Array, t: number) => number,
  strict = false,
): RuleOutput {
  const out = emptyOutput(history);
  const T = history.months;
  for (let u = 0; u < history.units; u++) {
    const values = history.counts.subarray(u * T, (u + 1) * T);
    for (let t = 0; t < T; t++) {
      const s = score(values, t);
      out.statistic[u * T + t] = s;
      if (strict ? s > sensitivity : s >= sensitivity) out.alarm[u * T + t] = 1;
    }
  }
  return out;
}
