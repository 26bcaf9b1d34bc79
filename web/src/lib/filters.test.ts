import { describe, expect, it } from 'vitest';
import { dayOf, filterQuery, lastTwelveMonths, previousPeriod, readFilters } from './filters.ts';

describe('URL filters', () => {
  it('reads the API filters from a query string and drops values the API would refuse', () => {
    const params = new URLSearchParams(
      'from=2018-01&to=2018-12-31&admin1=ML-MO&perpetrator=jihadist_group&civilianOnly=true&source=gdelt&country=Mali&lang=en',
    );
    expect(readFilters(params)).toEqual({
      from: '2018-01',
      to: '2018-12-31',
      admin1: 'ML-MO',
      perpetrator: 'jihadist_group',
      civilianOnly: 'true',
    });
  });

  it('writes them back in a stable order, with page options after', () => {
    expect(filterQuery({ to: '2019-06-30', admin1: 'ML-GA', from: '2019-01-01' }, { unit: 'h3:4' })).toBe(
      'from=2019-01-01&to=2019-06-30&admin1=ML-GA&unit=h3%3A4',
    );
  });
});

describe('periods', () => {
  it('reads a month bound as its first or last day', () => {
    expect(dayOf('2019-02', 'from')).toBe('2019-02-01');
    expect(dayOf('2019-02', 'to')).toBe('2019-02-28');
    expect(dayOf('2020-02', 'to')).toBe('2020-02-29');
    expect(dayOf('2019-02-14', 'to')).toBe('2019-02-14');
  });

  it('gives the period of the same length just before', () => {
    expect(previousPeriod('2019-01-01', '2019-12-31')).toEqual({ from: '2018-01-01', to: '2018-12-31' });
    expect(previousPeriod('2019-03-01', '2019-03-10')).toEqual({ from: '2019-02-19', to: '2019-02-28' });
  });

  it('takes the twelve months that end on the last day of data', () => {
    expect(lastTwelveMonths('2019-06-30')).toEqual({ from: '2018-07-01', to: '2019-06-30' });
  });
});
