/**
 * Out-of-sample tuning: a rule's sensitivity for a target alarm rate is chosen on the tuning months only, then
 * frozen and applied to later months, which are the only ones scored.
 *
 * - The tuning sees a copy of the history cut after the last tuning month (`historyUpTo`), so no count after it
 *   can reach the choice, whatever the rule does internally (every rule is also causal on its own:
 *   `rules.test.ts`). Tuning targets the alarm rate only; it reads no episode, so the scored months' episodes
 *   cannot leak into it either.
 * - The frozen rule then runs on the whole history; alarms and episodes are counted in the scored months only.
 *   An episode in the first k scored months may be caught by an alarm of the last k tuning months (at the frozen
 *   sensitivity, from counts up to that month): the sensitivity was known at the end of the tuning period, before
 *   the episode, so that alarm uses no information from the episode's month or later.
 * - What the tuning cannot undo: the counts of the tuning months are today's, after the source's revisions, not
 *   the figures available at the time.
 */
import type { CountHistory } from '../forecast/series.ts';
import { tuneToRate, type Window } from './evaluate.ts';
import type { AlertRule, RuleOutput } from './rule.ts';

/** Months 0 … last of every unit (a copy: the result shares nothing with the input). */
export function historyUpTo(history: CountHistory, last: number): CountHistory {
  const months = Math.max(0, Math.min(last + 1, history.months));
  const counts = new Float64Array(history.units * months);
  for (let u = 0; u < history.units; u++) {
    counts.set(history.counts.subarray(u * history.months, u * history.months + months), u * months);
  }
  return { units: history.units, months, counts };
}

export interface FrozenSensitivity {
  sensitivity: number;
  /** Alarm rate (per unit-year) reached on the tuning months. */
  tunedRate: number;
  /** The rule run on the whole history at the frozen sensitivity. */
  output: RuleOutput;
}

/**
 * The sensitivity that brings `rule` closest to `target` alarms per unit-year over the tuning months, chosen on
 * `past` (the history cut after `tuning.to`: pass `historyUpTo(history, tuning.to)`, built once per evaluation),
 * then applied to the whole `history`.
 */
export function tuneOnPast(
  rule: AlertRule,
  history: CountHistory,
  past: CountHistory,
  tuning: Window,
  target: number,
): FrozenSensitivity {
  if (past.months !== tuning.to + 1 || past.units !== history.units) {
    throw new RangeError('the tuning history must end with the last tuning month');
  }
  const tuned = tuneToRate(rule, past, tuning, target);
  return {
    sensitivity: tuned.sensitivity,
    tunedRate: tuned.rate,
    output: rule.run(history, tuned.sensitivity),
  };
}
