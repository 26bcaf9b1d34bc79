import { describe, expect, it } from 'vitest';
import { alertInArea, historyWindow } from './area-profile.ts';
import { parseAreaParams } from './area-schema.ts';
import type { AlertRecord } from './ports/alert-port.ts';

const alert = (place: Partial<AlertRecord>) =>
  ({ admin1: null, admin1Pcode: null, admin2Pcode: null, ...place }) as AlertRecord;

describe('area profile', () => {
  it('reads the last N months with data, never before the first', () => {
    expect(historyWindow({ first: '1997-01', last: '2019-06' }, 36)).toEqual({
      from: '2016-07',
      to: '2019-06',
    });
    expect(historyWindow({ first: '2018-03', last: '2019-06' }, 36)).toEqual({
      from: '2018-03',
      to: '2019-06',
    });
    expect(historyWindow({ first: '2019-06', last: '2019-06' }, 12)).toEqual({
      from: '2019-06',
      to: '2019-06',
    });
  });

  it('places an alert in a region by its Natural Earth code or its P-code, in a cercle by its P-code', () => {
    const mopti = alert({ admin1: 'ML-MO', admin1Pcode: 'ML05', admin2Pcode: 'ML0505' });
    expect(alertInArea('admin1', 'ML-MO', mopti)).toBe(true);
    expect(alertInArea('admin1', 'ML05', mopti)).toBe(true);
    expect(alertInArea('admin1', 'ML-GA', mopti)).toBe(false);
    expect(alertInArea('admin2', 'ML0505', mopti)).toBe(true);
    expect(alertInArea('admin2', 'ML05', mopti)).toBe(false);
    expect(alertInArea('admin2', 'ML0505', alert({ admin1: 'ML-MO' }))).toBe(false);
  });

  it('validates the unit and code of the path and the query, with defaults', () => {
    expect(parseAreaParams({ unit: 'admin1', code: 'ML-MO' }, 'BAD_USAGE')).toEqual({
      unit: 'admin1',
      code: 'ML-MO',
      outcome: 'civilian-fatalities',
      months: 36,
    });
    expect(
      parseAreaParams({ unit: 'admin2', code: 'ML0505', months: '24', country: 'mli' }, 'BAD_USAGE'),
    ).toMatchObject({ months: 24, country: 'MLI' });
    for (const bad of [
      { unit: 'priogrid', code: '123' },
      { unit: 'admin1', code: '../users' },
      { unit: 'admin1', code: 'ML-MO', months: '6' },
      { unit: 'admin1', code: 'ML-MO', outcome: 'deaths' },
      { unit: 'admin1', code: 'ML-MO', extra: '1' },
    ])
      expect(() => parseAreaParams(bad, 'BAD_USAGE'), JSON.stringify(bad)).toThrow();
  });
});
