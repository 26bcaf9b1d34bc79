import { describe, expect, it } from 'vitest';
import { perpetratorLeaders, type LeaderPoint } from './perpetrator-leaders.ts';

const pt = (period: string, key: string, value: number): LeaderPoint => ({ period, key, value });

describe('perpetratorLeaders', () => {
  it('names the leader, its share of the whole period, the runner-up and the margin', () => {
    const r = perpetratorLeaders([
      pt('2018', 'jihadist_group', 30),
      pt('2018', 'self_defence_militia', 50),
      pt('2018', 'unidentified', 15),
      pt('2018', 'other', 5),
    ]);
    expect(r.periods).toEqual([
      {
        period: '2018',
        leader: 'self_defence_militia',
        value: 50,
        share: 0.5,
        runnerUp: 'jihadist_group',
        runnerUpValue: 30,
        margin: 20,
        tied: [],
        total: 100,
        unidentified: { value: 15, share: 0.15, exceedsLeader: false },
      },
    ]);
    expect(r.ledPeriods).toEqual({ jihadist_group: 0, self_defence_militia: 1 });
  });

  it('never lets other, unknown or unidentified lead, but flags unidentified harm larger than the lead', () => {
    const r = perpetratorLeaders([
      pt('2017', 'unidentified', 80),
      pt('2017', 'other', 60),
      pt('2017', 'unknown', 70),
      pt('2017', 'state_forces', 10),
    ]);
    const [p] = r.periods;
    expect(p).toMatchObject({ leader: 'state_forces', runnerUp: null, margin: 10, total: 220 });
    expect(p?.unidentified).toEqual({ value: 80, share: 80 / 220, exceedsLeader: true });
    expect(Object.keys(r.ledPeriods)).toEqual(['state_forces']);
  });

  it('reports a tie instead of a leader, and no leader when no armed actor caused harm', () => {
    const r = perpetratorLeaders(
      [pt('2010', 'state_forces', 2), pt('2010', 'criminal', 2), pt('2011', 'unidentified', 3)],
      { periods: ['2010', '2011', '2012'] },
    );
    expect(r.periods.map((p) => [p.period, p.leader, p.tied, p.share, p.margin])).toEqual([
      ['2010', null, ['criminal', 'state_forces'], null, null],
      ['2011', null, [], null, null],
      ['2012', null, [], null, null],
    ]);
    expect(r.periods[2]?.unidentified).toEqual({ value: 0, share: null, exceedsLeader: false });
    expect(r.ledPeriods).toEqual({ criminal: 0, state_forces: 0 });
  });

  it('counts led periods per category and ignores zero values', () => {
    const r = perpetratorLeaders([
      pt('2018-01', 'jihadist_group', 0),
      pt('2018-01', 'self_defence_militia', 4),
      pt('2018-02', 'jihadist_group', 9),
      pt('2018-02', 'self_defence_militia', 1),
      pt('2018-03', 'jihadist_group', 3),
    ]);
    expect(r.periods.map((p) => p.leader)).toEqual([
      'self_defence_militia',
      'jihadist_group',
      'jihadist_group',
    ]);
    expect(r.periods[0]?.runnerUp).toBeNull();
    expect(r.ledPeriods).toEqual({ jihadist_group: 2, self_defence_militia: 1 });
  });
});
