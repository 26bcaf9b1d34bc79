import { describe, expect, it } from 'vitest';
import {
  HOTSPOT_CLASS_SCORES,
  RANKING_WEIGHTS,
  rankPresences,
  symmetricChange,
  UNKNOWN_HOTSPOT_SCORE,
  type PresenceInput,
} from './presence-ranking.ts';

const presence = (name: string, series: number[], hotspotClass: PresenceInput['hotspotClass']) => ({
  name,
  series,
  hotspotClass,
  forecast: null,
});

describe('rankPresences', () => {
  it('computes each part of the score as the formula says, on hand-made series', () => {
    // m = 3: previous = first three months, recent = last three.
    const r = rankPresences(
      [
        presence('rising', [1, 1, 2, 4, 6, 10], 'hot-95'), // 4 → 20
        presence('steady high', [10, 10, 10, 10, 10, 10], 'not-significant'), // 30 → 30
        presence('quiet', [0, 0, 0, 0, 0, 0], 'cold-99'), // 0 → 0
      ],
      3,
    );
    const by = Object.fromEntries(r.presences.map((p) => [p.name, p]));
    const rising = by['rising']!;
    expect(rising.trend).toEqual({ previous: 4, recent: 20, change: 16 / 24, score: (1 + 16 / 24) / 2 });
    expect(rising.level).toEqual({ recent: 20, score: 20 / 30 });
    expect(rising.hotspot).toEqual({ class: 'hot-95', score: 0.8 });
    expect(rising.score).toBeCloseTo(0.35 * ((1 + 16 / 24) / 2) + 0.35 * (20 / 30) + 0.3 * 0.8, 12);
    expect(by['steady high']!.trend.score).toBe(0.5);
    expect(by['steady high']!.score).toBeCloseTo(0.35 * 0.5 + 0.35 * 1 + 0.3 * 0.3, 12);
    // Nothing in either half: a flat trend (0.5), not a fall, and no level.
    expect(by['quiet']!.trend).toEqual({ previous: 0, recent: 0, change: null, score: 0.5 });
    expect(by['quiet']!.score).toBeCloseTo(0.35 * 0.5, 12);
    expect(r.presences.map((p) => [p.name, p.rank])).toEqual([
      ['rising', 1],
      ['steady high', 2],
      ['quiet', 3],
    ]);
  });

  it('does not let a rise from nothing outrank a steady high level in the same hotspot class', () => {
    const r = rankPresences(
      [
        presence('0 → 1', [0, 0, 0, 1], 'not-significant'),
        presence('50 → 45', [25, 25, 20, 25], 'not-significant'),
      ],
      2,
    );
    expect(r.presences[0]!.name).toBe('50 → 45');
  });

  it('ranks ties equally and orders them by level then name', () => {
    const r = rankPresences(
      [presence('b', [1, 1], null), presence('a', [1, 1], null), presence('c', [0, 2], 'hot-99')],
      1,
    );
    expect(r.presences.map((p) => [p.name, p.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
    ]);
    expect(r.presences[1]!.hotspot.score).toBe(UNKNOWN_HOTSPOT_SCORE);
  });

  it('returns the formula with its weights, the forecast slot at weight 0', () => {
    const r = rankPresences([presence('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'hot-99')], 6);
    expect(r.formula.weights).toEqual(RANKING_WEIGHTS);
    expect(r.formula.weights.forecast).toBe(0);
    expect(r.formula.weights.trend + r.formula.weights.level + r.formula.weights.hotspot).toBeCloseTo(1, 12);
    expect(r.formula.hotspotScores).toEqual(HOTSPOT_CLASS_SCORES);
    expect(r.formula.months).toBe(6);
    expect(r.formula.expression).toContain('0.00·forecast');
    expect(r.presences[0]!.forecast).toEqual({ value: null, score: 0 });
  });

  it('uses the forecast once it is given a weight', () => {
    const inputs = [
      { ...presence('low forecast', [5, 5], 'not-significant'), forecast: 0.1 },
      { ...presence('high forecast', [5, 5], 'not-significant'), forecast: 0.9 },
    ];
    expect(rankPresences(inputs, 1).presences[0]!.rank).toBe(1);
    expect(rankPresences(inputs, 1).presences[1]!.rank).toBe(1); // weight 0: the forecast changes nothing
    const weighted = rankPresences(inputs, 1, { trend: 0.3, level: 0.3, hotspot: 0.2, forecast: 0.2 });
    expect(weighted.presences[0]!.name).toBe('high forecast');
  });

  it('refuses a series of the wrong length', () => {
    expect(() => rankPresences([presence('short', [1, 2, 3], null)], 2)).toThrow(RangeError);
  });

  it('symmetricChange is bounded and null for two zeros', () => {
    expect(symmetricChange(0, 5)).toBe(1);
    expect(symmetricChange(5, 0)).toBe(-1);
    expect(symmetricChange(0, 0)).toBeNull();
  });
});
