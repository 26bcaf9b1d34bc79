import { describe, expect, it } from 'vitest';
import { importAcledCsv } from './acled-csv.ts';
import { asAsync, tabularFromRows } from './json-records.ts';
import { cells, collect, events, testCountries } from './test-support.ts';

const MONADIC =
  'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3'.split(
    ',',
  );

/** One monadic row (invented values): the event's fields plus this row's own actor. */
function row(
  id: string,
  actor: string,
  inter: string,
  over: Record<string, string> = {},
): Record<string, string> {
  return {
    data_id: `d${id}`,
    iso: '466',
    event_id_cnty: id,
    event_date: '30 June 2019',
    year: '2019',
    time_precision: '1',
    event_type: 'Violence against civilians',
    sub_event_type: 'Attack',
    actor1: actor,
    inter1: inter,
    interaction: '47',
    country: 'Mali',
    location: 'Invented village',
    latitude: '13.4251',
    longitude: '-3.9173',
    geo_precision: '1',
    notes: 'Invented note.',
    fatalities: '2',
    timestamp: '1622068127',
    iso3: 'MLI',
    ...over,
  };
}

async function fold(rows: Array<Record<string, string>>) {
  const input = tabularFromRows(
    MONADIC,
    rows.map((r) => cells(MONADIC, r)),
  );
  const imported = importAcledCsv(input, { today: '2025-06-01', resolveCountry: testCountries });
  expect(imported.layout.id).toBe('acled-monadic');
  return collect(imported.records);
}

describe('monadic ACLED: rows of one event_id_cnty fold into one event', () => {
  it('takes the first row as actor1 and the second as actor2, with each side’s associates', async () => {
    const records = await fold([
      row('MLI1', 'Dan Na Ambassagou', '4'),
      row('MLI1', 'Civilians (Mali)', '7', {
        assoc_actor_1: 'Fulani Ethnic Group (Mali); Pastoralists (Mali)',
        data_id: 'other',
      }),
      row('MLI2', 'Protesters (Mali)', '6', {
        event_type: 'Protests',
        sub_event_type: 'Peaceful protest',
        interaction: '60',
      }),
    ]);
    expect(records.map((r) => r.rows)).toEqual([[2, 3], [4]]);
    expect(records[0]?.issues).toEqual([]);
    expect(records[0]?.event).toMatchObject({
      sourceId: 'MLI1',
      date: '2019-06-30',
      interaction: 47,
      actors: [
        { name: 'Dan Na Ambassagou', role: 'actor1', inter: 4 },
        { name: 'Civilians (Mali)', role: 'actor2', inter: 7 },
        { name: 'Fulani Ethnic Group (Mali)', role: 'assoc_actor_2', inter: 7 },
        { name: 'Pastoralists (Mali)', role: 'assoc_actor_2', inter: 7 },
      ],
    });
    expect(records[1]?.event?.actors).toEqual([{ name: 'Protesters (Mali)', role: 'actor1', inter: 6 }]);
  });

  it('puts civilians on the actor2 side even when their row comes first', async () => {
    const records = await fold([
      row('MLI1', 'Civilians (Mali)', '7'),
      row('MLI1', 'Unidentified Armed Group (Mali)', '3'),
    ]);
    expect(events(records)[0]?.actors.map((a) => [a.role, a.name])).toEqual([
      ['actor1', 'Unidentified Armed Group (Mali)'],
      ['actor2', 'Civilians (Mali)'],
    ]);
  });

  it('keeps civilians as actor1 when they are the only side (displacement reports)', async () => {
    const records = await fold([
      row('MLI1', 'Civilians (Mali)', '7', {
        event_type: 'Strategic developments',
        sub_event_type: 'Other',
        interaction: '70',
      }),
    ]);
    expect(events(records)[0]?.actors).toEqual([{ name: 'Civilians (Mali)', role: 'actor1', inter: 7 }]);
  });

  it('re-derives types that depend on the sides after folding (old Riots/Protests)', async () => {
    const records = await fold([
      row('MLI1', 'Protesters (Mali)', '6', {
        event_type: 'Riots/Protests',
        sub_event_type: '',
        interaction: '16',
        fatalities: '0',
      }),
      row('MLI1', 'Police Forces of Mali (2013-2021)', '1', {
        event_type: 'Riots/Protests',
        sub_event_type: '',
        interaction: '16',
        fatalities: '0',
      }),
    ]);
    expect(events(records)[0]).toMatchObject({
      eventType: 'Protests',
      subEventType: 'Protest with intervention',
    });
  });

  it('reports ID_CONFLICT on the later row when the rows of one event disagree, and rejects the event', async () => {
    const records = await fold([
      row('MLI1', 'Dan Na Ambassagou', '4'),
      row('MLI1', 'Civilians (Mali)', '7', { fatalities: '3' }),
    ]);
    expect(records).toHaveLength(1);
    expect(records[0]?.event).toBeNull();
    expect(records[0]?.rows).toEqual([2, 3]);
    expect(records[0]?.issues).toEqual([
      {
        row: 3,
        column: 'fatalities',
        code: 'ID_CONFLICT',
        params: { value: '3', expected: '2', firstRow: 2 },
      },
    ]);
  });

  it('keeps a third side as another actor2, with a warning', async () => {
    const records = await fold([row('MLI1', 'A', '3'), row('MLI1', 'B', '4'), row('MLI1', 'C', '7')]);
    expect(events(records)[0]?.actors.map((a) => `${a.role}:${a.name}`)).toEqual([
      'actor1:A',
      'actor2:B',
      'actor2:C',
    ]);
    expect(records[0]?.warnings).toEqual([
      { row: 4, column: 'actor1', code: 'VALUE_INVALID', params: { value: 'C', sides: 3 } },
    ]);
  });

  it('flags a non-adjacent repeat of an id like any duplicate', async () => {
    const records = await fold([
      row('MLI1', 'A', '3'),
      row('MLI2', 'B', '3'),
      row('MLI1', 'A', '3', { fatalities: '5' }),
    ]);
    expect(records.map((r) => r.issues.map((i) => i.code))).toEqual([[], [], ['ID_CONFLICT']]);
  });

  it('never groups rows without an id, and rejects each of them', async () => {
    const records = await fold([row('', 'A', '3'), row('', 'B', '7')]);
    expect(records.map((r) => [r.rows, r.issues.map((i) => i.code)])).toEqual([
      [[2], ['REQUIRED_VALUE_MISSING']],
      [[3], ['REQUIRED_VALUE_MISSING']],
    ]);
  });

  it('closes the current group at a row the reader could not read', async () => {
    const input = tabularFromRows(MONADIC, []);
    const records = asAsync([
      { row: 2, values: cells(MONADIC, row('MLI1', 'A', '3')) },
      { row: 3, issue: { row: 3, column: null, code: 'FIELD_COUNT' as const } },
      { row: 4, values: cells(MONADIC, row('MLI1', 'B', '7')) },
    ]);
    const imported = importAcledCsv(
      { ...input, records },
      { today: '2025-06-01', resolveCountry: testCountries },
    );
    const out = await collect(imported.records);
    expect(out.map((r) => [r.rows, r.issues.map((i) => i.code)])).toEqual([
      [[2], []],
      [[3], ['FIELD_COUNT']],
      [[4], ['ID_CONFLICT']], // same id again after the break, with another actor: not silently merged
    ]);
  });
});
