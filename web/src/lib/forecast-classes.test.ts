import { describe, expect, it } from 'vitest';
import type { ForecastSet, ForecastValue } from './alert-api.ts';
import { parseAreaPath, areaPath } from './area-api.ts';
import { forecastClasses, nextMonthForecast } from './forecast-classes.ts';
import { SEQUENTIAL, ZERO_COLOUR } from './palette.ts';

const value = (unitCode: string, horizon: number, pAny: number): ForecastValue => ({
  unitCode,
  unitName: unitCode,
  targetMonth: `2019-0${horizon}`,
  horizon,
  mean: 1,
  median: 1,
  lower90: 0,
  upper90: 3,
  lower50: 0,
  upper50: 2,
  pAny,
  pMass: 0,
});
const set = (values: ForecastValue[]): ForecastSet => ({
  run: {
    id: 'r',
    createdAt: '2026-11-27T06:00:00Z',
    country: 'MLI',
    unit: 'admin1',
    outcome: 'civilian-fatalities',
    source: 'events',
    origin: '2018-12',
    model: 'vigie-stack',
    samples: 200,
    seed: 1,
  },
  values,
});

describe('the map’s forecast layer', () => {
  it('takes the run’s first horizon, by unit code', () => {
    const next = nextMonthForecast(set([value('A', 2, 0.5), value('A', 1, 0.3), value('B', 1, 0)]))!;
    expect(next.month).toBe('2019-01');
    expect([...next.byCode.keys()].sort()).toEqual(['A', 'B']);
    expect(next.byCode.get('A')!.pAny).toBe(0.3);
    expect(nextMonthForecast(set([]))).toBeNull();
    expect(nextMonthForecast(undefined)).toBeNull();
  });

  it('counts units in fixed probability classes, zero apart, the top class darkest', () => {
    const next = nextMonthForecast(
      set([value('A', 1, 0), value('B', 1, 0.1), value('C', 1, 0.11), value('D', 1, 0.8), value('E', 1, 1)]),
    )!;
    const classes = forecastClasses(next);
    expect(classes.map((c) => [c.lo, c.hi, c.count])).toEqual([
      [0, 0, 1],
      [0, 0.1, 1],
      [0.1, 0.25, 1],
      [0.25, 0.5, 0],
      [0.5, 0.75, 0],
      [0.75, 1, 2],
    ]);
    expect(classes[0]!.colour).toBe(ZERO_COLOUR);
    expect(classes.at(-1)!.colour).toBe(SEQUENTIAL[SEQUENTIAL.length - 1]);
  });

  it('reads and writes area page paths, codes escaped', () => {
    expect(parseAreaPath('/areas/admin1/ML-MO')).toEqual({ unit: 'admin1', code: 'ML-MO' });
    expect(parseAreaPath(areaPath('admin2', 'ML0501'))).toEqual({ unit: 'admin2', code: 'ML0501' });
    expect(parseAreaPath('/areas/priogrid/1')).toBeNull();
    expect(parseAreaPath('/areas/admin1/ML-MO/extra')).toBeNull();
  });
});
