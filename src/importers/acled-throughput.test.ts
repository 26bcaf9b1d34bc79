import { describe, expect, it } from 'vitest';
import { importAcledCsv } from './acled-csv.ts';
import { detectAcledLayout } from './acled-layouts.ts';
import { AcledRowMapper } from './acled-record.ts';
import { tabularFromRows } from './json-records.ts';
import { testCountries } from './test-support.ts';

/**
 * Mapper-only throughput on 200,000 generated rows held in memory (no parsing, no storage), printed for the
 * import benchmark's budget; no timing assertion, since shared CI machines vary too much for one to mean anything.
 */
const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(
    ',',
  );
const TYPES = [
  ['Political violence', 'Violence against civilians', 'Attack', '3', '7', '37', 'Civilian targeting'],
  ['Political violence', 'Battles', 'Armed clash', '1', '2', '12', ''],
  ['Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED', '2', '1', '12', ''],
  ['Demonstrations', 'Protests', 'Peaceful protest', '6', '0', '60', ''],
] as const;
const ROWS = 200_000;

function generate(): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const [disorder, type, sub, inter1, inter2, interaction, civ] = TYPES[
      i % TYPES.length
    ] as (typeof TYPES)[number];
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    rows.push([
      `MLI${i}`,
      `${2000 + (i % 25)}-${month}-${day}`,
      String(2000 + (i % 25)),
      '1',
      disorder,
      type,
      sub,
      'Unidentified Armed Group (Mali)',
      i % 3 === 0 ? 'Dozo Militia; Wagner Group' : '',
      inter1,
      inter2 === '0' ? '' : 'Civilians (Mali)',
      '',
      inter2,
      interaction,
      civ,
      '466',
      'Western Africa',
      'Mali',
      'Mopti',
      'Bankass',
      'Ouonkoro',
      'Invented place',
      (10 + (i % 1500) / 100).toFixed(4),
      (-12 + (i % 1600) / 100).toFixed(4),
      String(1 + (i % 3)),
      'Invented Radio',
      'Subnational',
      'Invented note about an invented event, long enough to look like one.',
      String(i % 17),
      '',
      String(1600000000 + i),
    ]);
  }
  return rows;
}

describe('ACLED mapper throughput (printed, not asserted)', () => {
  it(`maps ${ROWS.toLocaleString('en')} in-memory rows`, async () => {
    const rows = generate();
    const options = { today: '2025-06-01', resolveCountry: testCountries };

    const mapper = new AcledRowMapper(detectAcledLayout(HEADER), options);
    // A first pass lets the JIT settle, so the figure is the steady rate a million-row import runs at.
    for (let i = 0; i < 50_000; i++) mapper.map(rows[i] as string[], i + 2);
    let ok = 0;
    let t0 = performance.now();
    for (let i = 0; i < rows.length; i++) if (mapper.map(rows[i] as string[], i + 2).event !== null) ok++;
    const syncMs = performance.now() - t0;

    const imported = importAcledCsv(tabularFromRows(HEADER, rows), options);
    let streamed = 0;
    t0 = performance.now();
    for await (const record of imported.records) if (record.event !== null) streamed++;
    const streamMs = performance.now() - t0;

    const rate = (ms: number): string => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')} rows/s`;
    console.log(
      `ACLED mapper: ${rate(syncMs)} (map() alone); ${rate(streamMs)} (importAcledCsv stream, duplicate check included)`,
    );
    expect(ok).toBe(ROWS);
    expect(streamed).toBe(ROWS);
  });
});
