/**
 * The comparison of alert rules on one history: each rule at its published sensitivity, then each tuned to the
 * same alarm rates (alarms per unit-year), with the recall that random alarms at that rate would reach.
 */
import type { CountHistory } from '../forecast/series.ts';
import type { EpisodeOptions } from './episodes.ts';
import { escalationEpisodes } from './episodes.ts';
import { chanceRecall, scoreAlarms, tuneToRate, type AlarmMetrics, type Window } from './evaluate.ts';
import type { AlertRule } from './rule.ts';

export interface RuleAtSensitivity extends AlarmMetrics {
  sensitivity: number;
}

export interface RuleEvaluation {
  rule: string;
  parameter: string;
  description: string;
  atDefault: RuleAtSensitivity;
  /** One entry per target rate, in the order of `targets`. */
  /** `reached`: the achieved rate is within 10 % of the target (a rule that cannot fire on a zero month, or with
   * a fixed minimum count, may be unable to alarm as often as the target asks). */
  atRates: (RuleAtSensitivity & { target: number; reached: boolean })[];
}

export interface EvaluationReport {
  lead: number;
  unitYears: number;
  episodes: number;
  rules: RuleEvaluation[];
  /** Recall of random alarms at each target rate (same months, same k). */
  chance: { target: number; recall: number; recallAhead: number }[];
}

export function evaluateRules(input: {
  history: CountHistory;
  rules: readonly AlertRule[];
  window: Window;
  lead: number;
  targets: readonly number[];
  episode?: EpisodeOptions;
}): EvaluationReport {
  const { history, window, lead } = input;
  const episodes = escalationEpisodes(history, input.episode);
  const level = input.episode?.level ?? 25;
  const major = episodes.onset.map((o, i) => (o && (history.counts[i] ?? 0) >= level ? 1 : 0));
  const score = (alarm: Uint8Array) => scoreAlarms(alarm, episodes, history, window, lead, major);
  const rules = input.rules.map((rule): RuleEvaluation => {
    const atDefault = { sensitivity: rule.default, ...score(rule.run(history, rule.default).alarm) };
    const atRates = input.targets.map((target) => {
      const tuned = tuneToRate(rule, history, window, target);
      const reached = Math.abs(tuned.rate - target) <= 0.1 * target;
      return { target, reached, sensitivity: tuned.sensitivity, ...score(tuned.output.alarm) };
    });
    return { rule: rule.name, parameter: rule.parameter, description: rule.description, atDefault, atRates };
  });
  return {
    lead,
    unitYears: (history.units * (window.to - window.from + 1)) / 12,
    episodes: rules[0]?.atDefault.episodes ?? score(new Uint8Array(history.units * history.months)).episodes,
    rules,
    chance: input.targets.map((target) => ({
      target,
      recall: chanceRecall(target, lead),
      recallAhead: chanceRecall(target, lead, true),
    })),
  };
}
