import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedData } from '../../test/support/shared-data.ts';
import { isVigieError } from '../core/errors.ts';
import { tabularFromRows } from './json-records.ts';
import { fileSource } from './read/byte-source.ts';
import { openCsv } from './read/csv.ts';
import { collect, events, testCountries } from './test-support.ts';
import { importUcdpCsv, ucdpVersionFrom } from './ucdp-csv.ts';
import { importUcdpJson } from './ucdp-json.ts';
import { fixturePath } from '../../test/support/fixture-files.ts';

const OPTIONS = { today: '2025-06-01', resolveCountry: testCountries };
const fixture = (name: string): string => fixturePath('ucdp', name);
const json = (name: string): unknown => JSON.parse(readFileSync(fixture(name), 'utf8'));

async function importCsv(path: string, sourceVersion: string | null = null) {
  const input = await openCsv(fileSource(path, { gunzip: true }));
  const imported = importUcdpCsv(input, { ...OPTIONS, sourceVersion });
  return { layout: imported.layout, records: await collect(imported.records) };
}

describe('UCDP GED CSV', () => {
  it('reads the 49-column release file (invented rows)', async () => {
    const { layout, records } = await importCsv(
      fixture('ged-release.csv'),
      ucdpVersionFrom('GEDEvent_v25_1.csv'),
    );
    expect(layout.id).toBe('ucdp-ged-csv');
    expect(records.flatMap((r) => [...r.issues, ...r.warnings])).toEqual([]);
    const [battle, oneSided, nonState] = events(records);
    expect(battle).toMatchObject({
      source: 'ucdp',
      sourceId: '990001',
      sourceVersion: 'ged251',
      date: '2019-03-01',
      dateEnd: '2019-03-01',
      datePrecision: 'day',
      country: 'MLI',
      countryName: 'Mali',
      sourceAdmin1: 'Mopti region',
      sourceAdmin2: 'Douentza cercle',
      location: 'Boni village',
      geoPrecision: 1,
      coarseLocation: false,
      eventType: 'state-based',
      violenceType: 1,
      fatalities: 7,
      fatalitiesLow: 7,
      fatalitiesHigh: 9,
      civilianDeaths: 0,
      actors: [
        { name: 'Government of Mali', role: 'side_a', inter: null },
        { name: 'Invented Front', role: 'side_b', inter: null },
      ],
      sources: 'Invented Wire;Invented Radio',
    });
    expect(oneSided).toMatchObject({
      violenceType: 3,
      eventType: 'one-sided',
      geoPrecision: 4,
      coarseLocation: true,
      datePrecision: 'week',
      dateEnd: '2019-03-12',
      civilianDeaths: 11,
    });
    expect(nonState).toMatchObject({
      violenceType: 2,
      datePrecision: 'month',
      date: '2019-04-01',
      dateEnd: '2019-04-20',
    });
  });

  it('reads a web export: best_est names, other order, MM/DD/YYYY dates, a trailing empty field', async () => {
    const { layout, records } = await importCsv(fixture('ged-web.csv'));
    expect(layout.id).toBe('ucdp-ged-web');
    expect(records.flatMap((r) => [...r.issues, ...r.warnings])).toEqual([]);
    expect(
      events(records).map((e) => [
        e.sourceId,
        e.date,
        e.dateEnd,
        e.fatalities,
        e.fatalitiesLow,
        e.fatalitiesHigh,
      ]),
    ).toEqual([
      ['990001', '2019-03-01', '2019-03-01', 7, 7, 9],
      ['990002', '2019-03-08', '2019-03-12', 11, 11, 14],
      ['990003', '2019-04-01', '2019-04-20', 4, 3, 6],
    ]);
  });

  it('collects row problems: bad type, reversed range, bad counts', async () => {
    const header = [
      'id',
      'type_of_violence',
      'date_start',
      'date_end',
      'latitude',
      'longitude',
      'best',
      'low',
      'deaths_civilians',
      'country',
      'where_prec',
      'date_prec',
    ];
    const input = tabularFromRows(header, [
      ['1', '4', '2019-03-05', '2019-03-01', '14', '-4', '-3', '1', 'x', 'Mali', '9', '8'],
      ['2', '3', '2019-03-01', '2019-03-01', '14', '-4', '5', '6', '5', 'Mali', '9', '8'],
    ]);
    const records = await collect(importUcdpCsv(input, OPTIONS).records);
    expect(records[0]?.issues.map((i) => [i.column, i.code])).toEqual([
      ['type_of_violence', 'VALUE_INVALID'],
      ['date_end', 'DATE_INVALID'],
      ['best', 'NUMBER_INVALID'],
      ['deaths_civilians', 'NUMBER_INVALID'],
    ]);
    expect(records[1]?.event).toMatchObject({ coarseLocation: true, datePrecision: 'year' });
    expect(records[1]?.warnings.map((w) => [w.column, w.code])).toEqual([
      ['best', 'VALUE_INVALID'], // low above best
      ['where_prec', 'VALUE_INVALID'],
      ['date_prec', 'VALUE_INVALID'],
    ]);
  });

  it('names the release from file names and API URLs', () => {
    expect(ucdpVersionFrom('GEDEvent_v25_1.csv')).toBe('ged251');
    expect(ucdpVersionFrom('ged201.csv')).toBe('ged201');
    expect(ucdpVersionFrom('/data/GEDEvent_v25_0_1.csv')).toBe('candidate-25.01');
    expect(ucdpVersionFrom('GEDEvent_v23_0_10.csv')).toBe('candidate-23.10');
    expect(ucdpVersionFrom('https://ucdpapi.pcr.uu.se/api/gedevents/25.1?pagesize=1000&page=2')).toBe(
      'ged251',
    );
    expect(ucdpVersionFrom('https://ucdpapi.pcr.uu.se/api/gedevents/25.0.1?page=1')).toBe('candidate-25.01');
    expect(ucdpVersionFrom('events.csv')).toBeNull();
  });
});

describe('UCDP API JSON', () => {
  it('reads a GED page; the release comes from the options when the URLs are empty', async () => {
    const imported = importUcdpJson(json('ged-api-page.json'), { ...OPTIONS, sourceVersion: 'ged251' });
    expect(imported.layout.id).toBe('ucdp-ged-api');
    const records = await collect(imported.records);
    expect(records.flatMap((r) => [...r.issues, ...r.warnings])).toEqual([]);
    expect(
      events(records).map((e) => [e.sourceId, e.sourceVersion, e.date, e.violenceType, e.fatalities]),
    ).toEqual([
      ['990001', 'ged251', '2019-03-01', 1, 7],
      ['990002', 'ged251', '2019-03-08', 3, 11],
    ]);
  });

  it('reads a Candidate page and names its release from the page URL', async () => {
    const imported = importUcdpJson(json('candidate-api-page.json'), OPTIONS);
    expect(imported.layout).toMatchObject({ id: 'ucdp-candidate-api' });
    const list = events(await collect(imported.records));
    expect(list.map((e) => [e.sourceId, e.sourceVersion])).toEqual([
      ['991003', 'candidate-25.01'],
      ['991004', 'candidate-25.01'],
    ]);
  });

  it('accepts the bare Result array and rejects other shapes', async () => {
    const page = json('ged-api-page.json') as { Result: unknown[] };
    expect(events(await collect(importUcdpJson(page.Result, OPTIONS).records))).toHaveLength(2);
    expect(() => importUcdpJson({ message: 'An error has occurred.' }, OPTIONS)).toThrow(/INPUT_REJECTED/);
  });
});

describe.skipIf(!hasSharedData)('UCDP real file', () => {
  it('rejects the 6-column GED 20.1 reduction (no ids, no dates) with HEADER_MISSING_COLUMNS', async () => {
    const path = sharedData('ucdp-ged201-reduced/ged201_reduced_6col.csv.gz');
    if (path === null) return;
    const input = await openCsv(fileSource(path, { gunzip: true }));
    try {
      importUcdpCsv(input, OPTIONS);
      expect.unreachable();
    } catch (error) {
      expect(isVigieError(error)).toBe(true);
      if (!isVigieError(error)) return;
      expect(error.code).toBe('INPUT_REJECTED');
      expect(error.issues).toEqual([
        {
          row: 0,
          column: null,
          code: 'HEADER_MISSING_COLUMNS',
          params: {
            columns: 'id, type_of_violence, date_start, date_end, country|country_id',
            layout: 'ucdp-ged-csv',
          },
        },
      ]);
    } finally {
      await input.records[Symbol.asyncIterator]().return?.(undefined);
    }
  });
});
