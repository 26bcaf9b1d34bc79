import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedData } from '../../test/support/shared-data.ts';
import { isVigieError } from '../core/errors.ts';
import { importAcledMonthly, measureFromName } from './acled-monthly.ts';
import { tabularFromRows } from './json-records.ts';
import { fileSource } from './read/byte-source.ts';
import { openCsv } from './read/csv.ts';
import { openXlsx } from './read/xlsx.ts';
import { collect } from './test-support.ts';
import type { MonthlyAggregate, ParsedAggregateRecord } from './types.ts';

const HDX = [
  'Country',
  'Admin1',
  'Admin2',
  'ISO3',
  'Admin2 Pcode',
  'Admin1 Pcode',
  'Month',
  'Year',
  'Events',
  'Fatalities',
];
const TODAY = '2026-05-01';
const aggregates = (records: readonly ParsedAggregateRecord[]): MonthlyAggregate[] =>
  records.flatMap((r) => (r.aggregate === null ? [] : [r.aggregate]));

describe('HDX monthly aggregates', () => {
  it('reads a row into YYYY-MM with the measure from the options', async () => {
    const input = tabularFromRows(HDX, [
      ['Mali', 'Menaka', 'Menaka', 'MLI', 'ML1001', 'ML10', 'March', '2023', '12', '31'],
      ['Mali', 'Gao', 'Gao', 'mli', 'ML0701', 'ML07', '11', '2023', '0', ''],
    ]);
    const imported = importAcledMonthly(input, { today: TODAY, measure: 'civilian_targeting' });
    expect(imported.layout.id).toBe('hdx-acled-monthly');
    expect(aggregates(await collect(imported.records))).toEqual([
      {
        country: 'MLI',
        admin1Pcode: 'ML10',
        admin1Name: 'Menaka',
        admin2Pcode: 'ML1001',
        admin2Name: 'Menaka',
        month: '2023-03',
        measure: 'civilian_targeting',
        events: 12,
        fatalities: 31,
      },
      {
        country: 'MLI',
        admin1Pcode: 'ML07',
        admin1Name: 'Gao',
        admin2Pcode: 'ML0701',
        admin2Name: 'Gao',
        month: '2023-11',
        measure: 'civilian_targeting',
        events: 0,
        fatalities: null,
      },
    ]);
  });

  it('guesses the measure from HDX file names, and refuses to guess when the name says nothing', () => {
    expect(
      measureFromName(
        'burkina-faso_hrp_civilian_targeting_events_and_fatalities_by_month-year_as-of-03apr2025.xlsx',
      ),
    ).toBe('civilian_targeting');
    expect(measureFromName('mali_political_violence_events_and_fatalities_by_month-year_admin2.csv')).toBe(
      'political_violence',
    );
    expect(measureFromName('mali_demonstration_events_by_month-year_as-of-01may2025.xlsx')).toBe(
      'demonstrations',
    );
    expect(measureFromName('acled_mali_summary.xlsx')).toBeNull();
    try {
      importAcledMonthly(tabularFromRows(HDX, []), { today: TODAY, fileName: 'acled_mali_summary.xlsx' });
      expect.unreachable();
    } catch (error) {
      expect(isVigieError(error) && error.code).toBe('BAD_USAGE');
    }
  });

  it('collects row problems and refuses a second row for the same admin2 and month', async () => {
    const input = tabularFromRows(HDX, [
      ['Mali', 'Gao', 'Gao', 'MLI', 'ML0701', 'ML07', 'Marchember', '2023', '1', '0'],
      ['Mali', 'Gao', 'Gao', 'MLI', '', 'ML07', 'March', '2023', '-1', 'x'],
      ['Mali', 'Gao', 'Gao', 'MLI', 'ML0701', 'ML07', 'March', '2031', '1', '0'],
      ['Mali', 'Gao', 'Gao', 'MLI', 'ML0701', 'ML07', 'April', '2023', '1', '0'],
      ['Mali', 'Gao', 'Gao', 'MLI', 'ML0701', 'ML07', 'April', '2023', '2', '0'],
    ]);
    const records = await collect(
      importAcledMonthly(input, { today: TODAY, measure: 'political_violence' }).records,
    );
    expect(records.map((r) => r.issues.map((i) => `${i.column}:${i.code}`))).toEqual([
      ['Month:DATE_INVALID'],
      ['Admin2 Pcode:REQUIRED_VALUE_MISSING', 'Events:NUMBER_INVALID', 'Fatalities:NUMBER_INVALID'],
      ['Year:DATE_OUT_OF_RANGE'],
      [],
      ['null:ID_CONFLICT'],
    ]);
    expect(records[4]?.issues[0]?.params).toEqual({
      value: 'MLI|ML0701|2023-04|political_violence',
      firstRow: 5,
    });
  });

  it('rejects a file without the columns it needs', () => {
    expect(() =>
      importAcledMonthly(tabularFromRows(['Country', 'Month', 'Events'], []), {
        today: TODAY,
        measure: 'political_violence',
      }),
    ).toThrow(/INPUT_REJECTED/);
  });
});

describe.skipIf(!hasSharedData)('monthly aggregates: real files', () => {
  it('Mali political violence CSV: 18,656 aggregates with the yearly totals of PROVENANCE.md', async () => {
    const path = sharedData(
      'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv',
    );
    if (path === null) return;
    const imported = importAcledMonthly(await openCsv(fileSource(path)), { today: TODAY, fileName: path });
    const records = await collect(imported.records);
    expect(records.flatMap((r) => r.issues)).toEqual([]);
    const list = aggregates(records);
    expect(list).toHaveLength(18656);
    expect(new Set(list.map((a) => a.measure))).toEqual(new Set(['political_violence']));
    expect(new Set(list.map((a) => a.admin2Pcode)).size).toBe(53);
    const byYear = new Map<string, [number, number]>();
    for (const a of list) {
      const t = byYear.get(a.month.slice(0, 4)) ?? [0, 0];
      t[0] += a.events;
      t[1] += a.fatalities ?? 0;
      byYear.set(a.month.slice(0, 4), t);
    }
    expect(Object.fromEntries([...byYear].filter(([y]) => y >= '2020'))).toEqual({
      '2020': [1006, 2838],
      '2021': [1025, 1907],
      '2022': [1360, 4847],
      '2023': [1592, 4326],
      '2024': [1488, 4023],
      '2025': [1595, 3943],
      '2026': [429, 1188],
    });
    expect(list.map((a) => a.month).sort()[0]).toBe('1997-01');
  });

  it('the original xlsx (sheet "Data") gives the same aggregates as its CSV', async () => {
    const xlsx = sharedData(
      'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.xlsx',
    );
    const csv = sharedData(
      'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv',
    );
    if (xlsx === null || csv === null) return;
    const fromXlsx = await collect(
      importAcledMonthly(await openXlsx(fileSource(xlsx), { preferSheets: ['Data'] }), {
        today: TODAY,
        fileName: xlsx,
      }).records,
    );
    const fromCsv = await collect(
      importAcledMonthly(await openCsv(fileSource(csv)), { today: TODAY, fileName: csv }).records,
    );
    expect(fromXlsx.flatMap((r) => r.issues)).toEqual([]);
    expect(aggregates(fromXlsx)).toHaveLength(18656);
    expect(aggregates(fromXlsx)).toEqual(aggregates(fromCsv));
  });

  it('HDX HAPI conflict events (Mali, Burkina Faso, Niger, January 2025): measure from event_type', async () => {
    const path = sharedData(
      'hdx-hapi-conflict-sahel-2025-01/hdx_hapi_conflict_event_MLI_BFA_NER_2025-01.csv',
    );
    if (path === null) return;
    const imported = importAcledMonthly(await openCsv(fileSource(path)), { today: TODAY });
    expect(imported.layout.id).toBe('hdx-hapi-conflict-event');
    const records = await collect(imported.records);
    expect(records.flatMap((r) => r.issues)).toEqual([]);
    const list = aggregates(records);
    expect(list).toHaveLength(495);
    expect(new Set(list.map((a) => a.month))).toEqual(new Set(['2025-01']));
    const mali = list.filter((a) => a.country === 'MLI');
    const total = (m: string) =>
      mali
        .filter((a) => a.measure === m)
        .reduce<[number, number]>((t, a) => [t[0] + a.events, t[1] + (a.fatalities ?? 0)], [0, 0]);
    expect(total('political_violence')).toEqual([23, 83]);
    expect(total('civilian_targeting')).toEqual([11, 31]);
    expect(total('demonstrations')).toEqual([1, 0]);
    expect(mali.find((a) => a.admin2Pcode === 'ML0603')).toMatchObject({
      admin2Name: 'Gourma-Rharous',
      admin1Pcode: 'ML06',
    });
    expect(list.filter((a) => a.measure === 'demonstrations').every((a) => a.fatalities === null)).toBe(true);
  });
});
