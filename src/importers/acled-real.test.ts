import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedData } from '../../test/support/shared-data.ts';
import type { SourceEvent } from '../core/event.ts';
import { importAcledCsv } from './acled-csv.ts';
import { fileSource } from './read/byte-source.ts';
import { openCsv } from './read/csv.ts';
import type { TextEncodingChoice } from './read/types.ts';
import { collect, events, testCountries } from './test-support.ts';
import type { ParsedEventRecord } from './types.ts';
import { fixturePath } from '../../test/support/fixture-files.ts';

const OPTIONS = { today: '2025-06-01', resolveCountry: testCountries };

async function importFile(path: string, encoding: TextEncodingChoice = 'auto') {
  const input = await openCsv(fileSource(path, { gunzip: true }), { encoding });
  const imported = importAcledCsv(input, OPTIONS);
  return { layout: imported.layout, hxl: input.hxlTags, records: await collect(imported.records) };
}

function problems(records: readonly ParsedEventRecord[]) {
  return records.flatMap((r) => [...r.issues, ...r.warnings]);
}

const sum = (list: readonly SourceEvent[], f: (e: SourceEvent) => number): number =>
  list.reduce((n, e) => n + f(e), 0);
const fixture = (name: string): string => fixturePath('acled', name);

describe.skipIf(!hasSharedData)('ACLED real files (../shared/data)', () => {
  it('smose94: 2020 API export with a pandas index column → 2,916 events, 6,948 fatalities', async () => {
    const path = sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv');
    if (path === null) return;
    const { layout, records } = await importFile(path);
    const list = events(records);
    expect(layout.id).toBe('acled-api-2020');
    expect(layout.description).toMatch(/pandas index/);
    expect(problems(records)).toEqual([]);
    expect(list).toHaveLength(2916);
    expect(new Set(list.map((e) => e.sourceId)).size).toBe(2916);
    expect(sum(list, (e) => e.fatalities)).toBe(6948);
    expect(list.filter((e) => e.coarseLocation)).toHaveLength(81);
    expect(list.map((e) => e.date).sort()[0]).toBe('1997-01-06');
    expect(list.every((e) => e.country === 'MLI')).toBe(true);
  });

  it('valenge: monadic export, 3,174 rows → 1,684 events carrying all their actors', async () => {
    const path = sharedData('acled-mali/valenge_acled_mali_monadic_2017-01_to_2019-06.csv');
    if (path === null) return;
    const { layout, records } = await importFile(path);
    const list = events(records);
    expect(layout.id).toBe('acled-monadic');
    expect(problems(records)).toEqual([]);
    expect(records.reduce((n, r) => n + r.rows.length, 0)).toBe(3174);
    expect(list).toHaveLength(1684);
    expect(records.filter((r) => r.rows.length === 2)).toHaveLength(1490);
    expect(sum(list, (e) => e.fatalities)).toBe(3823);
    const saran = list.find((e) => e.sourceId === 'MLI3010');
    expect(saran?.date).toBe('2019-06-30');
    expect(saran?.actors.map((a) => `${a.role}:${a.name}:${a.inter}`)).toEqual([
      'actor1:Dan Na Ambassagou:4',
      'actor2:Civilians (Mali):7',
      'assoc_actor_2:Fulani Ethnic Group (Mali):7',
      'assoc_actor_2:Pastoralists (Mali):7',
    ]);
  });

  it('the monadic folding rebuilds the dyadic sides of the same events in the smose94 export', async () => {
    const monadicPath = sharedData('acled-mali/valenge_acled_mali_monadic_2017-01_to_2019-06.csv');
    const dyadicPath = sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv');
    if (monadicPath === null || dyadicPath === null) return;
    const sides = (e: SourceEvent): string =>
      e.actors
        .filter((a) => a.role === 'actor1' || a.role === 'actor2')
        .map((a) => a.inter)
        .join('-');
    const dyadic = new Map(events((await importFile(dyadicPath)).records).map((e) => [e.sourceId, sides(e)]));
    let same = 0;
    const differ: string[] = [];
    for (const e of events((await importFile(monadicPath)).records)) {
      const expected = dyadic.get(e.sourceId);
      if (expected === undefined) continue;
      if (expected === sides(e)) same++;
      else differ.push(`${e.sourceId} ${sides(e)} vs ${expected}`);
    }
    // The 4 that differ are revisions between the two exports (an actor re-coded), never a swap of the sides.
    expect(same).toBe(1679);
    expect(differ).toHaveLength(4);
    for (const d of differ) {
      const [, mine, , theirs] = d.split(' ');
      expect(mine?.split('-').reverse().join('-')).not.toBe(theirs);
    }
  });

  it('ac0519: pre-2019 schema → 1,339 events, old types verbatim in sourceEventType', async () => {
    const path = sharedData('acled-mali/ac0519_2017-01-01-2019-02-27-Mali.csv');
    if (path === null) return;
    const { layout, records } = await importFile(path);
    const list = events(records);
    expect(layout.id).toBe('acled-legacy');
    expect(problems(records)).toEqual([]);
    expect(list).toHaveLength(1339);
    expect(list.filter((e) => e.sourceEventType === 'Battle-No change of territory')).toHaveLength(425);
    expect(list.filter((e) => e.eventType === 'Battles')).toHaveLength(429);
  });

  it('ACLED 2016 All-Africa (gzip, Latin-1, v6 upper case, DD/MM/YYYY) → 6,831 events', async () => {
    const path = sharedData('acled-africa-2016-sample/ACLED_All_Africa_20160101-20160528.csv.gz');
    if (path === null) return;
    const { layout, records } = await importFile(path, 'latin1');
    const list = events(records);
    expect(layout.id).toBe('acled-v6-2016');
    // The test's country table knows only the Sahel; every other warning would be a real problem.
    expect(problems(records).filter((p) => p.code !== 'COUNTRY_UNKNOWN')).toEqual([]);
    expect(list).toHaveLength(6831);
    expect(sum(list, (e) => e.fatalities)).toBe(12375);
    expect(list.filter((e) => e.country === 'MLI')).toHaveLength(55);
    expect(list.find((e) => e.sourceId === '1RTA')?.date).toBe('2015-12-29');
    expect(list.find((e) => e.sourceId === '1711RTA')?.actors[0]?.name).toBe('Séléka Militia');
    expect(list.filter((e) => e.date < '2016-01-01')).toHaveLength(112);
  });
});

describe('ACLED hand-made fixtures read through the CSV reader', () => {
  it('current 31-column layout (invented rows): physical line numbers, text inter codes, civilian_targeting', async () => {
    const { layout, records } = await importFile(fixture('current-31col.csv'));
    expect(layout.id).toBe('acled-current');
    expect(records.map((r) => r.rows[0])).toEqual([2, 3, 5, 6, 7]); // MLI90002's note spans two lines
    expect(records[3]?.issues).toEqual([
      { row: 6, column: 'latitude', code: 'COORDINATES_INVALID', params: { value: '15,0341' } },
    ]);
    const list = events(records);
    expect(
      list.map((e) => [e.sourceId, e.country, e.civilianTargetingFlag, e.datePrecision, e.coarseLocation]),
    ).toEqual([
      ['MLI90001', 'MLI', true, 'day', false],
      ['MLI90002', 'MLI', false, 'week', false],
      ['MLI90003', 'MLI', false, 'month', true],
      ['BFA90005', 'BFA', false, 'day', false],
    ]);
    expect(list[2]).toMatchObject({
      date: '2024-03-15',
      interaction: 60,
      tags: 'crowd size=around 200',
      actors: [
        { role: 'actor1', inter: 6 },
        { role: 'assoc_actor_1', inter: 6 },
      ],
    });
    expect(records.flatMap((r) => r.warnings)).toEqual([]);
  });

  it('HXL-tagged export: the tag row is skipped and the events read as usual', async () => {
    const { layout, hxl, records } = await importFile(fixture('hxl-tagged.csv'));
    expect(layout.id).toBe('acled-api-2020');
    expect(hxl?.[2]).toBe('#event+code');
    expect(events(records).map((e) => [e.sourceId, e.fatalities])).toEqual([
      ['MLI90201', 2],
      ['MLI90202', 1],
    ]);
    expect(records.map((r) => r.rows[0])).toEqual([3, 4]);
  });
});
