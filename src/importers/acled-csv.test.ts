import { describe, expect, it } from 'vitest';
import { importAcledCsv } from './acled-csv.ts';
import { asAsync, tabularFromRows } from './json-records.ts';
import {
  API_2020,
  cells,
  collect,
  CURRENT,
  events,
  LEGACY,
  PANDAS,
  testCountries,
  V6,
} from './test-support.ts';

const OPTIONS = { today: '2025-06-01', resolveCountry: testCountries };

/** A plausible, invented Battles row; `over` replaces named cells. */
function base(over: Record<string, string> = {}): Record<string, string> {
  return {
    data_id: '1',
    iso: '466',
    event_id_cnty: 'MLI1',
    event_date: '2019-06-30',
    year: '2019',
    time_precision: '1',
    event_type: 'Battles',
    sub_event_type: 'Armed clash',
    actor1: 'Military Forces of Mali (2013-2021)',
    inter1: '1',
    actor2: 'JNIM: Group for Support of Islam and Muslims',
    inter2: '2',
    interaction: '12',
    country: 'Mali',
    admin1: 'Mopti',
    location: 'Boni',
    latitude: '15.0341',
    longitude: '-2.0917',
    geo_precision: '1',
    source: 'Invented Radio',
    notes: 'Invented note.',
    fatalities: '3',
    timestamp: '1572403781',
    iso3: 'MLI',
    ...over,
  };
}

async function run(header: string[], rows: Array<Record<string, string>>) {
  const imported = importAcledCsv(
    tabularFromRows(
      header,
      rows.map((r) => cells(header, r)),
    ),
    OPTIONS,
  );
  return { layout: imported.layout, records: await collect(imported.records) };
}

describe('ACLED rows', () => {
  it('maps a 2020-schema row with its pandas index column ignored', async () => {
    const { records } = await run(PANDAS, [
      { '': '1402', ...base({ assoc_actor_1: 'Wagner Group; Dozo Militia' }) },
    ]);
    expect(records[0]).toMatchObject({ rows: [2], issues: [], warnings: [] });
    expect(records[0]?.event).toMatchObject({
      source: 'acled',
      sourceId: 'MLI1',
      sourceTimestamp: 1572403781,
      date: '2019-06-30',
      datePrecision: 'day',
      country: 'MLI',
      countryName: 'Mali',
      latitude: 15.0341,
      longitude: -2.0917,
      geoPrecision: 1,
      coarseLocation: false,
      sourceEventType: 'Battles',
      eventType: 'Battles',
      subEventType: 'Armed clash',
      disorderType: 'Political violence',
      civilianTargetingFlag: null,
      interaction: 12,
      fatalities: 3,
      actors: [
        { name: 'Military Forces of Mali (2013-2021)', role: 'actor1', inter: 1 },
        { name: 'Wagner Group', role: 'assoc_actor_1', inter: 1 },
        { name: 'Dozo Militia', role: 'assoc_actor_1', inter: 1 },
        { name: 'JNIM: Group for Support of Islam and Muslims', role: 'actor2', inter: 2 },
      ],
    });
  });

  it('collects every problem of a row, with the header name as written, and yields no event', async () => {
    const header = API_2020.map((c) => c.toUpperCase());
    const row = base({
      event_date: '31/02/2019',
      latitude: '15,03',
      longitude: '200',
      fatalities: '-1',
      iso3: '',
      iso: '',
      country: 'Atlantis',
    });
    const { records } = await run(header, [
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toUpperCase(), v])),
    ]);
    expect(records[0]?.event).toBeNull();
    expect(records[0]?.issues).toEqual([
      { row: 2, column: 'EVENT_DATE', code: 'DATE_INVALID', params: { value: '31/02/2019' } },
      { row: 2, column: 'LATITUDE', code: 'COORDINATES_INVALID', params: { value: '15,03' } },
      { row: 2, column: 'LONGITUDE', code: 'COORDINATES_OUT_OF_RANGE', params: { value: '200' } },
      { row: 2, column: 'FATALITIES', code: 'NUMBER_INVALID', params: { value: '-1' } },
    ]);
    expect(records[0]?.warnings).toEqual([
      { row: 2, column: 'COUNTRY', code: 'COUNTRY_UNKNOWN', params: { value: 'Atlantis' } },
    ]);
  });

  it('rejects dates outside 1946 … today + 1 year', async () => {
    const { records } = await run(API_2020, [
      base({ event_date: '2091-06-30' }),
      base({ event_id_cnty: 'MLI2', event_date: '1919-06-30' }),
    ]);
    expect(records.map((r) => r.issues[0]?.code)).toEqual(['DATE_OUT_OF_RANGE', 'DATE_OUT_OF_RANGE']);
  });

  it('reads precision codes: geo_precision 3 is coarse, time_precision 1/2/3 is day/week/month', async () => {
    const { records } = await run(API_2020, [
      base({ geo_precision: '3', time_precision: '2' }),
      base({ event_id_cnty: 'MLI2', geo_precision: '2', time_precision: '3' }),
      base({ event_id_cnty: 'MLI3', geo_precision: '9', time_precision: '7' }),
    ]);
    const got = events(records).map((e) => [e.geoPrecision, e.coarseLocation, e.datePrecision]);
    expect(got).toEqual([
      [3, true, 'week'],
      [2, false, 'month'],
      [9, true, 'month'], // unknown codes: kept, read as coarse, and warned about
    ]);
    expect(records[2]?.warnings.map((w) => [w.column, w.code])).toEqual([
      ['time_precision', 'VALUE_INVALID'],
      ['geo_precision', 'VALUE_INVALID'],
    ]);
  });

  it('keeps old event types verbatim in sourceEventType and maps them to the current vocabulary', async () => {
    const { layout, records } = await run(LEGACY, [
      base({ event_type: 'Battle-No change of territory' }),
      base({
        event_id_cnty: 'MLI2',
        event_type: 'Riots/Protests',
        actor1: 'Protesters (Mali)',
        inter1: '6',
        actor2: '',
        inter2: '0',
        interaction: '60',
      }),
      base({ event_id_cnty: 'MLI3', event_type: 'Strategic development' }),
    ]);
    expect(layout.id).toBe('acled-legacy');
    expect(
      events(records).map((e) => [e.sourceEventType, e.eventType, e.subEventType, e.disorderType]),
    ).toEqual([
      ['Battle-No change of territory', 'Battles', 'Armed clash', 'Political violence'],
      ['Riots/Protests', 'Protests', 'Peaceful protest', 'Demonstrations'],
      ['Strategic development', 'Strategic developments', null, 'Strategic developments'],
    ]);
  });

  it('keeps an unknown event type verbatim, with a warning', async () => {
    const { records } = await run(API_2020, [base({ event_type: 'Cyber attack', sub_event_type: '' })]);
    expect(records[0]?.event?.eventType).toBe('Cyber attack');
    expect(records[0]?.warnings).toEqual([
      { row: 2, column: 'event_type', code: 'VALUE_INVALID', params: { value: 'Cyber attack' } },
    ]);
  });

  it('reads the current layout: civilian_targeting, disorder_type, tags, numeric iso, inter labels', async () => {
    const { records } = await run(CURRENT, [
      base({
        iso3: '',
        civilian_targeting: 'Civilian targeting',
        disorder_type: 'Political violence',
        event_type: 'Violence against civilians',
        sub_event_type: 'Attack',
        actor2: 'Civilians (Mali)',
        inter1: 'Political militia',
        inter2: 'Civilians',
        interaction: 'Political militia-Civilians',
        tags: 'local administrators',
      }),
      base({ event_id_cnty: 'MLI2', iso3: '', civilian_targeting: '' }),
    ]);
    expect(records[0]?.warnings).toEqual([]);
    expect(records[0]?.event).toMatchObject({
      country: 'MLI',
      civilianTargetingFlag: true,
      disorderType: 'Political violence',
      interaction: 37,
      tags: 'local administrators',
      actors: [
        { name: 'Military Forces of Mali (2013-2021)', role: 'actor1', inter: 3 },
        { name: 'Civilians (Mali)', role: 'actor2', inter: 7 },
      ],
    });
    expect(records[1]?.event?.civilianTargetingFlag).toBe(false);
  });

  it('reads the 2016 v6 layout: upper case, GWNO, ALLY_ACTOR_*, DD/MM/YYYY, trailing unnamed columns', async () => {
    const row = {
      GWNO: '432',
      EVENT_ID_CNTY: '55MLI',
      EVENT_DATE: '05/01/2016',
      YEAR: '2016',
      TIME_PRECISION: '1',
      EVENT_TYPE: 'Remote violence',
      ACTOR1: 'AQIM',
      ALLY_ACTOR_1: 'Al Mourabitoun',
      INTER1: '2',
      ACTOR2: 'MINUSMA',
      INTER2: '8',
      INTERACTION: '28',
      COUNTRY: 'Mali',
      LOCATION: 'Kidal',
      LATITUDE: '18.44111',
      LONGITUDE: '1.40778',
      GEO_PRECISION: '1',
      SOURCE: 'Invented',
      NOTES: 'Invented note.',
      FATALITIES: '0',
    };
    const { layout, records } = await run(V6, [row]);
    expect(layout.id).toBe('acled-v6-2016');
    expect(records[0]?.event).toMatchObject({
      sourceId: '55MLI',
      date: '2016-01-05',
      country: 'MLI',
      sourceEventType: 'Remote violence',
      eventType: 'Explosions/Remote violence',
      sourceTimestamp: null,
      actors: [
        { name: 'AQIM', role: 'actor1', inter: 2 },
        { name: 'Al Mourabitoun', role: 'assoc_actor_1', inter: 2 },
        { name: 'MINUSMA', role: 'actor2', inter: 8 },
      ],
    });
  });

  it('accepts files with an HXL hashtag row (the reader skips it; columns are still found by name)', async () => {
    const input = tabularFromRows(API_2020, [cells(API_2020, base())]);
    const imported = importAcledCsv({ ...input, hxlTags: API_2020.map(() => '#x') }, OPTIONS);
    expect(events(await collect(imported.records))).toHaveLength(1);
  });

  it('passes on the rows the reader could not read', async () => {
    const input = tabularFromRows(API_2020, []);
    const records = asAsync([
      {
        row: 7,
        issue: { row: 7, column: null, code: 'FIELD_COUNT' as const, params: { expected: 31, found: 30 } },
      },
    ]);
    const out = await collect(importAcledCsv({ ...input, records }, OPTIONS).records);
    expect(out).toEqual([
      {
        rows: [7],
        event: null,
        issues: [{ row: 7, column: null, code: 'FIELD_COUNT', params: { expected: 31, found: 30 } }],
        warnings: [],
      },
    ]);
  });
});

describe('same event_id_cnty twice in one (dyadic) file', () => {
  it('rejects a later row with different content as ID_CONFLICT and flags an exact repeat', async () => {
    const { records } = await run(API_2020, [
      base(),
      base({ event_id_cnty: 'MLI2' }),
      base({ fatalities: '4' }),
      base(),
    ]);
    expect(
      records.map((r) => [r.event === null, r.issues.map((i) => i.code), r.warnings.map((i) => i.code)]),
    ).toEqual([
      [false, [], []],
      [false, [], []],
      [true, ['ID_CONFLICT'], []],
      [false, [], ['ID_CONFLICT']],
    ]);
    expect(records[2]?.issues[0]).toEqual({
      row: 4,
      column: 'event_id_cnty',
      code: 'ID_CONFLICT',
      params: { value: 'MLI1', firstRow: 2 },
    });
  });
});
