/**
 * Scoring alarms against escalation episodes, and tuning a rule to a target alarm rate.
 *
 * With lead window k (default 3 months), for the months from … to (inclusive indices):
 * - an episode starting in month e is caught when the rule fired in the same unit in any month e − k … e
 *   (alarms before `from` count: they are past information); "caught ahead" needs an alarm in e − k … e − 1,
 *   i.e. a warning before the month itself was over — an alarm in month e reacts to month e's own count, so it is
 *   detection, not warning;
 * - lead time of a caught episode = e − (its earliest alarm in e − k … e), in months (0 = same month);
 * - an alarm in month a is false when no episode starts in the same unit in a … a + k; an alarm whose follow-up
 *   runs past the data is pending (neither true nor false);
 * - rates are per unit-year: units × (to − from + 1) / 12.
 * Tuning (`tuneToRate`) bisects the rule's sensitivity (log scale for levels and thresholds that span decades)
 * until its alarm rate is as close to the target as the rule's steps allow; the achieved rate is reported.
 */
import type { CountHistory } from '../forecast/series.ts';
import type { Episodes } from './episodes.ts';
import type { AlertRule, RuleOutput } from './rule.ts';

export interface Window {
  from: number;
  to: number;
}

export interface AlarmMetrics {
  alarms: number;
  alarmsPerUnitYear: number;
  falseAlarms: number;
  falseAlarmsPerUnitYear: number;
  pending: number;
  /** Alarms followed by an episode within k months / alarms judged. */
  precision: number | null;
  episodes: number;
  caught: number;
  recall: number | null;
  caughtAhead: number;
  recallAhead: number | null;
  leadMean: number | null;
  leadMedian: number | null;
  /** The same for the episodes flagged in `major` (those that reach the 25-death level): count, caught, ahead. */
  major: { episodes: number; caught: number; caughtAhead: number };
}

export function scoreAlarms(
  alarm: Uint8Array,
  episodes: Episodes,
  shape: { units: number; months: number },
  window: Window,
  k: number,
  major?: Uint8Array,
): AlarmMetrics {
  const T = shape.months;
  const unitYears = (shape.units * (window.to - window.from + 1)) / 12;
  let alarms = 0;
  let falseAlarms = 0;
  let pending = 0;
  let episodeCount = 0;
  let caught = 0;
  let caughtAhead = 0;
  const leads: number[] = [];
  const big = { episodes: 0, caught: 0, caughtAhead: 0 };
  for (let u = 0; u < shape.units; u++) {
    const base = u * T;
    for (let t = window.from; t <= window.to; t++) {
      if (alarm[base + t]) {
        alarms++;
        let followed = false;
        for (let i = t; i <= Math.min(t + k, T - 1); i++) if (episodes.onset[base + i]) followed = true;
        if (!followed && t + k > T - 1) pending++;
        else if (!followed) falseAlarms++;
      }
      if (episodes.onset[base + t]) {
        episodeCount++;
        const isMajor = major?.[base + t] === 1;
        if (isMajor) big.episodes++;
        let earliest = -1;
        for (let i = Math.max(0, t - k); i <= t; i++) {
          if (alarm[base + i]) {
            earliest = i;
            break;
          }
        }
        if (earliest >= 0) {
          caught++;
          leads.push(t - earliest);
          if (earliest < t) caughtAhead++;
          if (isMajor) big.caught++;
          if (isMajor && earliest < t) big.caughtAhead++;
        }
      }
    }
  }
  const judged = alarms - pending;
  leads.sort((a, b) => a - b);
  const mid = leads.length >> 1;
  return {
    alarms,
    alarmsPerUnitYear: alarms / unitYears,
    falseAlarms,
    falseAlarmsPerUnitYear: falseAlarms / unitYears,
    pending,
    precision: judged > 0 ? (judged - falseAlarms) / judged : null,
    episodes: episodeCount,
    caught,
    recall: episodeCount > 0 ? caught / episodeCount : null,
    caughtAhead,
    recallAhead: episodeCount > 0 ? caughtAhead / episodeCount : null,
    leadMean: leads.length > 0 ? leads.reduce((a, b) => a + b, 0) / leads.length : null,
    leadMedian:
      leads.length === 0
        ? null
        : leads.length % 2
          ? (leads[mid] ?? 0)
          : ((leads[mid - 1] ?? 0) + (leads[mid] ?? 0)) / 2,
    major: big,
  };
}

/** Alarms in the window per unit-year. */
export function alarmRate(out: RuleOutput, shape: { units: number; months: number }, window: Window): number {
  let n = 0;
  for (let u = 0; u < shape.units; u++) {
    for (let t = window.from; t <= window.to; t++) n += out.alarm[u * shape.months + t] ?? 0;
  }
  return n / ((shape.units * (window.to - window.from + 1)) / 12);
}

export interface Tuned {
  sensitivity: number;
  output: RuleOutput;
  rate: number;
}

export function tuneToRate(
  rule: AlertRule,
  history: CountHistory,
  window: Window,
  target: number,
  iterations = 40,
): Tuned {
  const [lo, hi] = rule.range;
  const toParam = (x: number): number => {
    const s = rule.stricter === 'higher' ? x : 1 - x; // x = 0 loosest, 1 strictest
    return rule.logScale ? Math.exp(Math.log(lo) + s * (Math.log(hi) - Math.log(lo))) : lo + s * (hi - lo);
  };
  const at = (x: number): Tuned => {
    const sensitivity = toParam(x);
    const output = rule.run(history, sensitivity);
    return { sensitivity, output, rate: alarmRate(output, history, window) };
  };
  const better = (a: Tuned, b: Tuned) => {
    const da = Math.abs(a.rate - target);
    const db = Math.abs(b.rate - target);
    return da < db - 1e-12 || (Math.abs(da - db) <= 1e-12 && a.rate < b.rate);
  };
  let loX = 0;
  let hiX = 1;
  let best = at(loX);
  const top = at(hiX);
  if (better(top, best)) best = top;
  for (let i = 0; i < iterations; i++) {
    const mid = (loX + hiX) / 2;
    const m = at(mid);
    if (better(m, best)) best = m;
    if (m.rate > target) loX = mid;
    else hiX = mid;
  }
  return best;
}

/** Recall of alarms fired at random at `rate` per unit-year (each month independently): 1 − (1 − r/12)^(k+1). */
export function chanceRecall(rate: number, k: number, ahead = false): number {
  const p = Math.min(1, rate / 12);
  return 1 - (1 - p) ** (ahead ? k : k + 1);
}
