/**
 * The comparison of alert rules on one history: each rule at its published sensitivity, then each tuned to the
 * same alarm rates (alarms per unit-year), with the recall that random alarms at that rate would reach.
 *
 * Without `tuning`, each sensitivity is tuned on the scored window itself (in sample: the achieved rate is the
 * target by construction). With `tuning` (months before the window), it is tuned on those months only, frozen,
 * and scored on the window (tuning.ts); the rate it reaches there is reported beside the target, and every row
 * carries the recall of random alarms at the row's own achieved rate.
 */
import type { CountHistory } from '../forecast/series.ts';
import type { EpisodeOptions } from './episodes.ts';
import { escalationEpisodes } from './episodes.ts';
import { chanceRecall, scoreAlarms, tuneToRate, type AlarmMetrics, type Window } from './evaluate.ts';
import type { AlertRule } from './rule.ts';
import { historyUpTo, tuneOnPast } from './tuning.ts';

export interface Chance {
  recall: number;
  recallAhead: number;
}

export interface RuleAtSensitivity extends AlarmMetrics {
  sensitivity: number;
  /** Random alarms at this row's achieved rate (`alarmsPerUnitYear`), same months, same k. */
  chance: Chance;
}

export interface RuleEvaluation {
  rule: string;
  parameter: string;
  description: string;
  atDefault: RuleAtSensitivity;
  /** One entry per target rate, in the order of `targets`. */
  /** `tunedRate`: the rate reached on the tuning months (the scored window itself when tuned in sample).
   * `reached`: `tunedRate` is within 10 % of the target (a rule that cannot fire on a zero month, or with
   * a fixed minimum count, may be unable to alarm as often as the target asks). */
  atRates: (RuleAtSensitivity & { target: number; tunedRate: number; reached: boolean })[];
}

export interface EvaluationReport {
  lead: number;
  unitYears: number;
  episodes: number;
  rules: RuleEvaluation[];
  /** Recall of random alarms at each target rate (same months, same k). */
  chance: ({ target: number } & Chance)[];
  /** The months the sensitivities were tuned on, when they precede the window; null when tuned in sample. */
  tuning: { window: Window; unitYears: number } | null;
}

export function evaluateRules(input: {
  history: CountHistory;
  rules: readonly AlertRule[];
  window: Window;
  lead: number;
  targets: readonly number[];
  episode?: EpisodeOptions;
  /** Tune on these months (ending before `window.from`) instead of on the window itself. */
  tuning?: Window;
}): EvaluationReport {
  const { history, window, lead, tuning } = input;
  if (tuning && (tuning.from > tuning.to || tuning.to >= window.from)) {
    throw new RangeError('the tuning months must end before the scored window');
  }
  const past = tuning ? historyUpTo(history, tuning.to) : null;
  const chance = (rate: number): Chance => ({
    recall: chanceRecall(rate, lead),
    recallAhead: chanceRecall(rate, lead, true),
  });
  const unitYears = (w: Window) => (history.units * (w.to - w.from + 1)) / 12;
  const episodes = escalationEpisodes(history, input.episode);
  const level = input.episode?.level ?? 25;
  const major = episodes.onset.map((o, i) => (o && (history.counts[i] ?? 0) >= level ? 1 : 0));
  const score = (alarm: Uint8Array, sensitivity: number): RuleAtSensitivity => {
    const m = scoreAlarms(alarm, episodes, history, window, lead, major);
    return { sensitivity, ...m, chance: chance(m.alarmsPerUnitYear) };
  };
  const inSample = (rule: AlertRule, target: number) => {
    const { sensitivity, output, rate } = tuneToRate(rule, history, window, target);
    return { sensitivity, output, tunedRate: rate };
  };
  const rules = input.rules.map((rule): RuleEvaluation => {
    const atDefault = score(rule.run(history, rule.default).alarm, rule.default);
    const atRates = input.targets.map((target) => {
      const tuned = tuning && past ? tuneOnPast(rule, history, past, tuning, target) : inSample(rule, target);
      const reached = Math.abs(tuned.tunedRate - target) <= 0.1 * target;
      return {
        target,
        tunedRate: tuned.tunedRate,
        reached,
        ...score(tuned.output.alarm, tuned.sensitivity),
      };
    });
    return { rule: rule.name, parameter: rule.parameter, description: rule.description, atDefault, atRates };
  });
  return {
    lead,
    unitYears: unitYears(window),
    episodes:
      rules[0]?.atDefault.episodes ?? score(new Uint8Array(history.units * history.months), 0).episodes,
    rules,
    chance: input.targets.map((target) => ({ target, ...chance(target) })),
    tuning: tuning ? { window: tuning, unitYears: unitYears(tuning) } : null,
  };
}
