import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHistory, type CountHistory } from '../forecast/series.ts';
import { escalationEpisodes } from './episodes.ts';
import { chanceRecall, scoreAlarms } from './evaluate.ts';
import { forecastRule } from './forecast-rule.ts';
import { thresholdOn } from './rule.ts';
import { ALERT_RULES } from './registry.ts';
import { evaluateRules, type EvaluationReport } from './report.ts';
import { THRESHOLD_RULE } from './simple-rules.ts';
import { historyUpTo, tuneOnPast } from './tuning.ts';

const UNITS = 3;
const MONTHS = 72;
const TUNING = { from: 27, to: 47 };
const WINDOW = { from: 48, to: 71 };
const TARGETS = [0.5, 1, 2, 4];

/** Deterministic bursty counts: mostly zeros and small counts, now and then a large month. */
function synthetic(seed: number): number[][] {
  let s = seed >>> 0 || 1;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: UNITS }, () =>
    Array.from({ length: MONTHS }, () => {
      const r = next();
      return r < 0.55 ? 0 : r < 0.9 ? Math.floor(next() * 6) : Math.floor(next() * 60);
    }),
  );
}

const withFuture = (rows: number[][], future: number[]) =>
  countHistory(rows.map((row, u) => row.map((y, t) => (t > TUNING.to ? (future[u * MONTHS + t] ?? y) : y))));

/** The forecast slot with probabilities stored per unit-month (any array: the rule only thresholds it). */
const probabilityRule = (p: Float64Array) => forecastRule('forecast-test', p);

const evaluate = (history: CountHistory, probabilities: Float64Array, tuning = true): EvaluationReport =>
  evaluateRules({
    history,
    rules: [...ALERT_RULES, probabilityRule(probabilities)],
    window: WINDOW,
    lead: 3,
    targets: TARGETS,
    ...(tuning ? { tuning: TUNING } : {}),
  });

const frozen = (r: EvaluationReport) =>
  r.rules.map((rule) => rule.atRates.map((m) => ({ s: m.sensitivity, rate: m.tunedRate, ok: m.reached })));

describe('out-of-sample tuning (tuning.ts)', () => {
  it('cuts the history after the last tuning month, as a copy', () => {
    const h = countHistory([
      [1, 2, 3, 4],
      [5, 6, 7, 8],
    ]);
    const past = historyUpTo(h, 1);
    expect(past).toEqual({ units: 2, months: 2, counts: Float64Array.from([1, 2, 5, 6]) });
    h.counts[0] = 99;
    expect(past.counts[0]).toBe(1);
    expect(() => tuneOnPast(THRESHOLD_RULE, h, past, { from: 0, to: 2 }, 1)).toThrow(RangeError);
    expect(() =>
      evaluateRules({
        history: h,
        rules: [],
        window: { from: 2, to: 3 },
        lead: 3,
        targets: [1],
        tuning: { from: 0, to: 2 },
      }),
    ).toThrow(RangeError);
  });

  it('no count or probability after tune-to changes a chosen sensitivity (every rule, every rate)', () => {
    const rows = synthetic(7);
    const p = new Float64Array(UNITS * MONTHS).map((_, i) => ((i * 7919) % 101) / 100);
    const base = evaluate(countHistory(rows), p);
    const cells = UNITS * MONTHS;
    fc.assert(
      fc.property(
        fc.array(fc.nat(200), { minLength: cells, maxLength: cells }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: cells, maxLength: cells }),
        (future, futureP) => {
          const q = p.map((x, i) => (i % MONTHS > TUNING.to ? (futureP[i] ?? x) : x));
          const changed = evaluate(withFuture(rows, future), q);
          expect(frozen(changed)).toEqual(frozen(base));
        },
      ),
      { numRuns: 15 },
    );
    // The future did matter to the scores: the property is not vacuous.
    const busy = evaluate(
      withFuture(
        rows,
        Array.from({ length: cells }, () => 100),
      ),
      p,
    );
    expect(busy.rules.map((r) => r.atRates[1]?.alarms)).not.toEqual(
      base.rules.map((r) => r.atRates[1]?.alarms),
    );
  });

  it('holds even for a rule that peeks at the next month: the tuning never sees the scored months', () => {
    const peeking = {
      ...THRESHOLD_RULE,
      name: 'peeking',
      run: (h: CountHistory, c: number) => {
        return thresholdOn(h, c, (values, t) => values[t + 1] ?? NaN);
      },
    };
    const rows = synthetic(13);
    const tuned = (future: number) =>
      evaluateRules({
        history: withFuture(
          rows,
          Array.from({ length: UNITS * MONTHS }, () => future),
        ),
        rules: [peeking],
        window: WINDOW,
        lead: 3,
        targets: TARGETS,
        tuning: TUNING,
      });
    expect(frozen(tuned(0))).toEqual(frozen(tuned(500)));
  });

  it('the chosen sensitivities equal those tuned on the tuning months alone', () => {
    const rows = synthetic(11);
    const p = new Float64Array(UNITS * MONTHS).map((_, i) => (i % 13) / 13);
    const full = evaluate(countHistory(rows), p);
    // The same tuning months with the scored months removed altogether (the forecast slot cut the same way).
    const cut = countHistory(rows.map((row) => row.slice(0, TUNING.to + 1)));
    const cutP = Float64Array.from(
      Array.from({ length: UNITS }, (_, u) => [...p.subarray(u * MONTHS, u * MONTHS + TUNING.to + 1)]).flat(),
    );
    const inSampleOnTuning = evaluateRules({
      history: cut,
      rules: [...ALERT_RULES, probabilityRule(cutP)],
      window: TUNING,
      lead: 3,
      targets: TARGETS,
    });
    expect(frozen(full)).toEqual(frozen(inSampleOnTuning));
  });

  it('scores only the months after tune-to: alarms, episodes, rates and random alarms of the scored window', () => {
    const rows = synthetic(3);
    const h = countHistory(rows);
    const r = evaluate(h, new Float64Array(UNITS * MONTHS));
    const episodes = escalationEpisodes(h);
    const major = episodes.onset.map((o, i) => (o && (h.counts[i] ?? 0) >= 25 ? 1 : 0));
    let inWindow = 0;
    let inTuning = 0;
    for (let u = 0; u < UNITS; u++) {
      for (let t = TUNING.from; t <= WINDOW.to; t++) {
        if (episodes.onset[u * MONTHS + t]) {
          if (t >= WINDOW.from) inWindow++;
          else inTuning++;
        }
      }
    }
    expect(inTuning).toBeGreaterThan(0);
    expect(r.episodes).toBe(inWindow);
    expect(r.unitYears).toBe((UNITS * 24) / 12);
    expect(r.tuning).toEqual({ window: TUNING, unitYears: (UNITS * 21) / 12 });
    const threshold = r.rules.find((x) => x.rule === 'threshold');
    for (const m of threshold?.atRates ?? []) {
      // The frozen threshold, applied by hand: alarms counted in the scored months only.
      const alarm = THRESHOLD_RULE.run(h, m.sensitivity).alarm;
      let scored = 0;
      let tuned = 0;
      for (let u = 0; u < UNITS; u++) {
        for (let t = TUNING.from; t <= WINDOW.to; t++) {
          if (alarm[u * MONTHS + t]) {
            if (t >= WINDOW.from) scored++;
            else tuned++;
          }
        }
      }
      expect(m.alarms).toBe(scored);
      expect(m.alarmsPerUnitYear).toBe(scored / 6);
      expect(m.tunedRate).toBe(tuned / ((21 * UNITS) / 12));
      expect(m).toMatchObject(scoreAlarms(alarm, episodes, h, WINDOW, 3, major));
      expect(m.chance).toEqual({
        recall: chanceRecall(m.alarmsPerUnitYear, 3),
        recallAhead: chanceRecall(m.alarmsPerUnitYear, 3, true),
      });
    }
  });

  it('without a tuning period, tunes in sample: the rate reached on the window is the tuned rate', () => {
    const r = evaluate(countHistory(synthetic(5)), new Float64Array(UNITS * MONTHS), false);
    expect(r.tuning).toBeNull();
    for (const rule of r.rules) for (const m of rule.atRates) expect(m.tunedRate).toBe(m.alarmsPerUnitYear);
  });
});
