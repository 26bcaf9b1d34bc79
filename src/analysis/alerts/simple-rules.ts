/**
 * The rules of thumb.
 *
 * Surge (after ACLED's Subnational Surge and Threat Trackers, acleddata.com/early-warning-research-hub: a unit
 * fires when its violent events rise ≥ 100 % over the average of the preceding period — last week against the
 * past month's weekly average, or last month against the past year's monthly average — and only where the
 * four-week average is at least one event). vigie's monthly version: month t against the mean of the previous
 * `window` months (default 3),
 *   rise_t = y_t / max(ȳ_{t−3…t−1}, 1) − 1,   alarm when rise_t ≥ ρ (default ρ = 1, i.e. +100 %) and y_t ≥ minCount.
 * Two departures, both written in docs/ALERTS.md: the mean is floored at 1 instead of excluding quiet units
 * (an onset after calm months is what early warning is for), and a minimum count (default 5) so that 1 → 2 or
 * 0 → 2 is not a surge.
 *
 * Threshold: y_t ≥ c (default c = 25 civilian fatalities in a month, the escalation level).
 */
import type { CountHistory } from '../forecast/series.ts';
import { emptyOutput, thresholdOn, type AlertRule, type RuleOutput } from './rule.ts';

export function surge(
  history: CountHistory,
  rise: number,
  options: { window?: number; minCount?: number } = {},
): RuleOutput {
  const w = options.window ?? 3;
  const minCount = options.minCount ?? 5;
  const out = emptyOutput(history);
  const T = history.months;
  for (let u = 0; u < history.units; u++) {
    const values = history.counts.subarray(u * T, (u + 1) * T);
    for (let t = w; t < T; t++) {
      let s = 0;
      for (let i = t - w; i < t; i++) s += values[i] ?? 0;
      const y = values[t] ?? 0;
      const r = y / Math.max(s / w, 1) - 1;
      out.statistic[u * T + t] = r;
      if (r >= rise && y >= minCount) out.alarm[u * T + t] = 1;
    }
  }
  return out;
}

export function threshold(history: CountHistory, level: number): RuleOutput {
  return thresholdOn(history, level, (values, t) => values[t] ?? 0);
}

export const SURGE_RULE: AlertRule = {
  name: 'surge',
  parameter: 'rise',
  default: 1,
  range: [0, 200],
  logScale: false,
  stricter: 'higher',
  description: 'y ≥ (1 + ρ) · max(mean of the previous 3 months, 1) and y ≥ 5 (ACLED surge trackers), ρ = 1',
  run: (history, rise) => surge(history, rise),
};

export const THRESHOLD_RULE: AlertRule = {
  name: 'threshold',
  parameter: 'count',
  default: 25,
  range: [0.5, 2000],
  logScale: true,
  stricter: 'higher',
  description: 'y ≥ c civilian fatalities (or events) in the month, c = 25',
  run: (history, c) => threshold(history, c),
};
