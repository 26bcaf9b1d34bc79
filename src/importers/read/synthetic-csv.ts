/**
 * ACLED-like CSV text made up on the spot, for parser benchmarks and the hostile corpus. It mimics the shape of a
 * real 2020-schema ACLED export (31 columns, ISO dates, quoted notes of real length with commas, a few notes with
 * doubled quotes or embedded newlines) without copying any ACLED data, which must not be redistributed.
 */

export const ACLED_LIKE_HEADER = [
  'data_id',
  'iso',
  'event_id_cnty',
  'event_id_no_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'timestamp',
  'iso3',
];

const EVENT_TYPES = [
  'Violence against civilians',
  'Battles',
  'Explosions/Remote violence',
  'Strategic developments',
];
const SUB_TYPES = [
  'Attack',
  'Armed clash',
  'Remote explosive/landmine/IED',
  'Abduction/forced disappearance',
];
const ACTORS = [
  'Military Forces of Mali (2021-)',
  'JNIM: Group for Support of Islam and Muslims',
  'Dan Na Ambassagou',
  'Unidentified Armed Group (Mali)',
];
const PLACES = [
  ['Mopti', 'Bankass', 'Ouonkoro', 'Saran'],
  ['Gao', 'Menaka', 'Anderamboukane', 'Tamalat'],
  ['Segou', 'Niono', 'Dogofry', 'Dogofry'],
];
const WORDS =
  'on june suspected militiamen attacked the village of killing several civilians and burning houses granaries livestock were stolen displaced people fled toward town reported by local sources'.split(
    ' ',
  );

/** Small deterministic PRNG (mulberry32), so generated files are identical across runs and machines. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Quotes a field the way pandas/Python csv do: only when it holds a comma, quote, CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function notes(random: () => number, index: number): string {
  const words: string[] = [];
  const count = 15 + Math.floor(random() * 30); // ~120–320 characters, like real ACLED notes
  for (let i = 0; i < count; i++) words.push(pick(random, WORDS));
  let text = `On June ${1 + (index % 28)}, ${words.join(' ')}, ${Math.floor(random() * 30)} fatalities.`;
  if (index % 97 === 0) text += ' A witness said "they came at night".';
  if (index % 211 === 0) text += '\nUpdated: casualty figures revised.';
  return text;
}

/** One data row of the ACLED-like file (values unquoted; use csvField to write them). */
export function acledLikeRow(random: () => number, index: number): string[] {
  const [admin1, admin2, admin3, location] = pick(random, PLACES) as [string, string, string, string];
  const year = 1997 + (index % 27);
  const month = String(1 + (index % 12)).padStart(2, '0');
  const day = String(1 + (index % 28)).padStart(2, '0');
  return [
    String(6000000 + index),
    '466',
    `MLI${index}`,
    String(index),
    `${year}-${month}-${day}`,
    String(year),
    '1',
    pick(random, EVENT_TYPES),
    pick(random, SUB_TYPES),
    pick(random, ACTORS),
    index % 3 === 0 ? '' : 'Fulani Ethnic Group (Mali); Pastoralists (Mali)',
    '4',
    pick(random, ACTORS),
    '',
    '7',
    '47',
    'Western Africa',
    'Mali',
    admin1,
    admin2,
    admin3,
    location,
    (10 + random() * 15).toFixed(4),
    (-12 + random() * 16).toFixed(4),
    '1',
    'AFP; Reuters; Studio Tamani',
    'New media-National',
    notes(random, index),
    String(Math.floor(random() * 30)),
    String(1571164380 + index),
    'MLI',
  ];
}

/** A whole ACLED-like CSV (header + `rows` records, LF endings) as one string. */
export function acledLikeCsv(rows: number, seed = 1): string {
  const random = prng(seed);
  const lines = [ACLED_LIKE_HEADER.join(',')];
  for (let i = 0; i < rows; i++) lines.push(acledLikeRow(random, i).map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}
