import { describe, expect, it } from 'vitest';
import { planCounts } from './rollup-plan.ts';

describe('count plan', () => {
  it('answers whole months and the rollup key from the rollup alone', () => {
    expect(
      planCounts({
        from: '2019-03-01',
        to: '2019-05-31',
        admin1: 'ml-mo',
        admin2: 'ml0504',
        country: 'mli',
        civilianOnly: true,
        type: 'Battles',
      }),
    ).toEqual({
      rollup: {
        fromMonth: '2019-03',
        toMonth: '2019-05',
        admin1: 'ML-MO',
        admin2: 'ML0504',
        country: 'MLI',
        civilianOnly: true,
        type: 'Battles',
      },
      events: [],
    });
    expect(planCounts({ admin1: 'ML05', civilianOnly: false })).toEqual({
      rollup: { admin1Pcode: 'ML05' },
      events: [],
    });
    // The last day of February, and a "to" month that the filter schema turned into day 31.
    expect(planCounts({ to: '2019-02-28' }).rollup).toEqual({ toMonth: '2019-02' });
    expect(planCounts({ to: '2020-02-31' }).rollup).toEqual({ toMonth: '2020-02' });
    expect(planCounts({ to: '2020-02-28' }).events).toEqual([{ from: '2020-02-01', to: '2020-02-28' }]);
  });

  it('reads the partial months at either end of a day-level period from events', () => {
    expect(planCounts({ from: '2019-03-15', to: '2019-06-10', source: 'acled' })).toEqual({
      rollup: { source: 'acled', fromMonth: '2019-04', toMonth: '2019-05' },
      events: [
        { from: '2019-03-15', to: '2019-03-31', source: 'acled' },
        { from: '2019-06-01', to: '2019-06-10', source: 'acled' },
      ],
    });
    expect(planCounts({ from: '2019-03-15' })).toEqual({
      rollup: { fromMonth: '2019-04' },
      events: [{ from: '2019-03-15', to: '2019-03-31' }],
    });
  });

  it('keeps a period inside one month to a single events piece', () => {
    expect(planCounts({ from: '2019-03-05', to: '2019-03-20' })).toEqual({
      rollup: null,
      events: [{ from: '2019-03-05', to: '2019-03-20' }],
    });
    expect(planCounts({ from: '2019-03-05', to: '2019-04-30' })).toEqual({
      rollup: { fromMonth: '2019-04', toMonth: '2019-04' },
      events: [{ from: '2019-03-05', to: '2019-03-31' }],
    });
  });

  it('sends filters the rollup does not hold to events whole', () => {
    const filter = { admin1: 'Mopti', from: '2019-01-01' };
    expect(planCounts(filter)).toEqual({ rollup: null, events: [filter] });
  });

  it('answers an empty period with nothing to read', () => {
    expect(planCounts({ from: '2019-05-01', to: '2019-03-31' })).toEqual({ rollup: null, events: [] });
  });

  it('moves past months outside 01–12 the way date strings compare', () => {
    expect(planCounts({ from: '2019-13-05' }).rollup).toEqual({ fromMonth: '2020-01' });
    expect(planCounts({ to: '2019-00-05' }).rollup).toEqual({ toMonth: '2018-12' });
  });
});
