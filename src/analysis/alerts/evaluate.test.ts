import { describe, expect, it } from 'vitest';
import { countHistory } from '../forecast/series.ts';
import { escalationEpisodes, quantile7, type Episodes } from './episodes.ts';
import { alarmRate, chanceRecall, scoreAlarms, tuneToRate } from './evaluate.ts';
import { escalationProbabilities, forecastRule } from './forecast-rule.ts';
import { THRESHOLD_RULE } from './simple-rules.ts';

const zeros = (n: number) => Array.from({ length: n }, () => 0);

describe('escalation episodes (issue 6)', () => {
  it('quantile of type 7, as R', () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile7(xs, 0, 20, 0.95)).toBeCloseTo(19.05, 12); // h = 19·0.95 = 18.05
    expect(quantile7([5, 1, 3], 0, 3, 0.5)).toBe(3);
  });

  it('an onset after two quiet years; 25 or more is an escalation; three calm months needed', () => {
    const h = countHistory([
      [...zeros(27), 1, 0, 0, 0, 0], // P95 of 24 zeros is 0: 1 > 0 at month 27
      [...zeros(24), 30, 30, 30, 30, 0, 0, 0, 40], // ≥ 25 from month 24: no onset until 3 calm months
      [...Array.from({ length: 24 }, (_, i) => (i % 2 ? 10 : 0)), 0, 0, 0, 10, 0, 0, 0, 11],
    ]);
    const e = escalationEpisodes(h);
    const T = 32;
    const months = (a: Uint8Array, u: number) =>
      [...a.subarray(u * T, (u + 1) * T)].flatMap((x, t) => (x ? [t] : []));
    expect(e.firstOnset).toBe(27);
    expect(months(e.escalation, 0)).toEqual([27]);
    expect(months(e.onset, 0)).toEqual([27]);
    expect(months(e.escalation, 1)).toEqual([24, 25, 26, 27, 31]);
    expect(months(e.onset, 1)).toEqual([31]);
    // Unit 2: P95 of 12 × 0 and 12 × 10 is 10, so 10 is not above it; 11 at month 31 is.
    expect(months(e.escalation, 2)).toEqual([31]);
    expect(months(e.onset, 2)).toEqual([31]);
  });
});

describe('scoring alarms against episodes', () => {
  const T = 24;
  const onset = new Uint8Array(T);
  onset[10] = 1;
  onset[20] = 1;
  const episodes: Episodes = { escalation: onset, onset, firstOnset: 0 };
  const alarm = new Uint8Array(T);
  alarm[8] = 1;
  alarm[15] = 1;
  alarm[23] = 1;

  it('recall, lead, false alarms per unit-year, pending alarms (k = 3)', () => {
    const m = scoreAlarms(alarm, episodes, { units: 1, months: T }, { from: 0, to: 23 }, 3);
    expect(m).toEqual({
      alarms: 3,
      alarmsPerUnitYear: 1.5, // 3 alarms over 2 unit-years
      falseAlarms: 1, // month 15: no onset in 15 … 18
      falseAlarmsPerUnitYear: 0.5,
      pending: 1, // month 23: its follow-up runs past the data
      precision: 0.5,
      episodes: 2,
      caught: 1, // month 10 by the alarm of month 8; month 20 has none in 17 … 20
      recall: 0.5,
      caughtAhead: 1,
      recallAhead: 0.5,
      leadMean: 2,
      leadMedian: 2,
      major: { episodes: 0, caught: 0, caughtAhead: 0 },
    });
    const major = new Uint8Array(T);
    major[10] = 1;
    major[20] = 1;
    const withMajor = scoreAlarms(alarm, episodes, { units: 1, months: T }, { from: 0, to: 23 }, 3, major);
    expect(withMajor.major).toEqual({ episodes: 2, caught: 1, caughtAhead: 1 });
    // k = 0: only same-month alarms catch; all three alarms are false (month 23's follow-up is month 23 itself).
    const m0 = scoreAlarms(alarm, episodes, { units: 1, months: T }, { from: 0, to: 23 }, 0);
    expect(m0).toMatchObject({ caught: 0, falseAlarms: 3, pending: 0, recall: 0, leadMean: null });
  });

  it('an alarm in the episode month itself is caught but not ahead', () => {
    const same = new Uint8Array(T);
    same[10] = 1;
    const m = scoreAlarms(same, episodes, { units: 1, months: T }, { from: 0, to: 23 }, 3);
    expect(m).toMatchObject({ caught: 1, caughtAhead: 0, leadMean: 0, leadMedian: 0 });
  });

  it('random alarms: recall 1 − (1 − r/12)^(k+1)', () => {
    expect(chanceRecall(12, 3)).toBe(1);
    expect(chanceRecall(2, 3)).toBeCloseTo(1 - (5 / 6) ** 4, 12);
    expect(chanceRecall(2, 3, true)).toBeCloseTo(1 - (5 / 6) ** 3, 12);
  });
});

describe('the forecast model as a rule', () => {
  it('stores at month t the share of samples for t + 1 that would be an escalation month', () => {
    // Unit 0: 24 zeros (P95 = 0: any positive sample escalates); unit 1: 0…23 (P95 = 21.85), so 22 escalates.
    const h = countHistory([zeros(24), Array.from({ length: 24 }, (_, i) => i)]);
    const fixed = [0, 30, 5, 22, 21, 0, 0, 0];
    const probabilities = escalationProbabilities({
      history: h,
      neighbours: { offsets: new Int32Array(3), indices: new Int32Array(0) },
      forecaster: ({ request }) => {
        expect(request).toEqual({ origin: 23, horizon: 1, samples: 4 });
        return { units: 2, samples: 4, values: Float64Array.from(fixed) };
      },
      origins: [22, 23],
      samples: 4,
      seed: 1,
    });
    expect(probabilities[23]).toBe(3 / 4); // 30, 5, 22 > 0
    expect(probabilities[24 + 23]).toBe(0); // 21, 0, 0, 0: none ≥ 25 or > 21.85
    expect(Number.isNaN(probabilities[22])).toBe(true); // month 22 + 1 has fewer than 24 months behind it
  });
});

describe('tuning to an alarm rate', () => {
  it('finds the threshold that gives the target rate', () => {
    // One unit, 24 months with counts 1 … 24: a threshold c fires on 25 − ⌈c⌉ months, i.e. (25 − ⌈c⌉)/2 a year.
    const h = countHistory([Array.from({ length: 24 }, (_, i) => i + 1)]);
    const w = { from: 0, to: 23 };
    for (const target of [1, 2, 4]) {
      const tuned = tuneToRate(THRESHOLD_RULE, h, w, target);
      expect(tuned.rate).toBe(target);
      expect(alarmRate(tuned.output, h, w)).toBe(target);
      expect(Math.ceil(tuned.sensitivity)).toBe(25 - 2 * target);
    }
  });

  it('tunes a probability rule (the forecast slot) the same way', () => {
    const h = countHistory([zeros(12)]);
    const p = new Float64Array(12).map((_, i) => i / 12);
    const tuned = tuneToRate(forecastRule('f', p), h, { from: 0, to: 11 }, 3);
    expect(tuned.rate).toBe(3);
    expect([...tuned.output.alarm]).toEqual([...zeros(9), 1, 1, 1]);
  });
});
