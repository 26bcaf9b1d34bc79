import { writeFileSync } from 'node:fs';

/**
 * A synthetic ACLED file in the 2020 API layout, for tests that need many rows without shipping ACLED data.
 * Points are jittered around Malian towns well inside the country, so every row places cleanly.
 */
const HEADER =
  ',data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3';

const TOWNS: ReadonlyArray<[string, string, number, number]> = [
  ['Mopti', 'Mopti', 14.49, -4.19],
  ['Gao', 'Gao', 16.27, -0.04],
  ['Segou', 'Segou', 13.43, -6.25],
  ['Tombouctou', 'Tombouctou', 16.77, -3.0],
  ['Kidal', 'Kidal', 18.44, 1.41],
  ['Sikasso', 'Sikasso', 11.32, -5.67],
];

const TYPES: ReadonlyArray<[string, string, string, number, string, number]> = [
  ['Violence against civilians', 'Attack', 'Dan Na Ambassagou', 4, 'Civilians (Mali)', 7],
  [
    'Battles',
    'Armed clash',
    'Military Forces of Mali (2013-2021)',
    1,
    'JNIM: Group for Support of Islam and Muslims',
    2,
  ],
  [
    'Explosions/Remote violence',
    'Remote explosive/landmine/IED',
    'JNIM: Group for Support of Islam and Muslims',
    2,
    'Military Forces of Mali (2013-2021)',
    1,
  ],
  [
    'Violence against civilians',
    'Abduction/forced disappearance',
    'Unidentified Armed Group (Mali)',
    3,
    'Civilians (Mali)',
    7,
  ],
];

export function syntheticAcledCsv(rows: number, seed = 7, idPrefix = 'SYN'): string {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const [admin1, location, lat, lon] = TOWNS[Math.floor(random() * TOWNS.length)]!;
    const [type, sub, a1, i1, a2, i2] = TYPES[Math.floor(random() * TYPES.length)]!;
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(random() * 2700) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const fatalities = Math.floor(random() * 6);
    const note = `On ${day}, a synthetic event near ${location} for tests, with a note of plausible length; number ${i}.`;
    lines.push(
      [
        i,
        9_000_000 + i,
        466,
        `${idPrefix}${i}`,
        i,
        day,
        day.slice(0, 4),
        1,
        type,
        sub,
        `"${a1}"`,
        '',
        i1,
        `"${a2}"`,
        '',
        i2,
        i1 * 10 + i2,
        'Western Africa',
        'Mali',
        admin1,
        admin1,
        '',
        location,
        (lat + (random() - 0.5) * 0.1).toFixed(4),
        (lon + (random() - 0.5) * 0.1).toFixed(4),
        1,
        'Test source',
        'National',
        `"${note}"`,
        fatalities,
        1_600_000_000,
        'MLI',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function writeSyntheticAcled(path: string, rows: number, seed = 7): void {
  writeFileSync(path, syntheticAcledCsv(rows, seed));
}
