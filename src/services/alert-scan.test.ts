import { describe, expect, it } from 'vitest';
import { firingsOfScan } from './alert-scan.ts';
import type { AlertScanResponse } from './alert-rules.ts';

const rule = (name: string, firing: AlertScanResponse['rules'][number]['firing']) => ({
  rule: name,
  parameter: 'x',
  sensitivity: 1,
  description: name,
  firing,
});

describe('alerts from a scan', () => {
  it('makes one alert per admin-1 unit with the rules that fired, keyed by month and unit', () => {
    const scan: AlertScanResponse = {
      country: 'MLI',
      unit: 'admin1',
      outcome: 'civilian-fatalities',
      source: 'events',
      month: '2019-03',
      rules: [
        rule('nb-cusum', [{ code: 'ML-MO', name: 'Mopti', count: 195, statistic: 5.8 }]),
        rule('ears-c1', [
          { code: 'ML-MO', name: 'Mopti', count: 195, statistic: 5.9 },
          { code: 'ML-SG', name: 'Ségou', count: 4, statistic: 3.2 },
        ]),
      ],
      escalations: [],
    };
    expect(firingsOfScan(scan)).toEqual([
      expect.objectContaining({
        key: '2019-03:civilian-fatalities:admin1:ML-MO',
        pcode: 'ML05',
        severity: 'critical',
        rule: 'nb-cusum+ears-c1',
      }),
      expect.objectContaining({
        key: '2019-03:civilian-fatalities:admin1:ML-SG',
        pcode: 'ML04',
        severity: 'medium',
        rule: 'ears-c1',
      }),
    ]);
  });

  it('leaves out PRIO-GRID cells, which have no area code', () => {
    const scan: AlertScanResponse = {
      country: 'MLI',
      unit: 'priogrid',
      outcome: 'civilian-events',
      source: 'events',
      month: '2019-03',
      rules: [rule('surge', [{ code: '150001', name: '150001', count: 9, statistic: 3 }])],
      escalations: [],
    };
    expect(firingsOfScan(scan)).toEqual([]);
  });
});
