/**
 * What the import benchmark's generator learns from the real Mali export at run time: the "actor mixes", places,
 * sources, note lengths and note vocabulary. Only distributions are kept in memory; nothing is written anywhere
 * (ACLED's terms forbid redistributing its rows).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inferSchema, initParser } from 'udsv';

/** ../shared/data beside the repository, as on the developers' machines and in CI. */
export const REAL_MALI_CSV =
  process.env['ACLED_MALI_CSV'] ??
  fileURLToPath(
    new URL('../../../shared/data/acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv', import.meta.url),
  );
export const ACTOR_COLUMNS = [
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
  'fatalities',
] as const;
export const PLACE_COLUMNS = [
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
] as const;
export const SOURCE_COLUMNS = ['source', 'source_scale'] as const;

/** sfc32: small, fast, and good enough to resample from; seeded so runs compare like with like. */
export function rng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = seed | 0;
  const next = (): number => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

export interface Model {
  actorMixes: string[][];
  places: string[][];
  sources: string[][];
  noteLengths: number[];
  /** Every word of every note, repeats included, so common words stay common. */
  words: string[];
}

/** Reads the real export (1.2 MB, so whole) and keeps only the distributions the generator draws from. */
export function learnModel(path: string = REAL_MALI_CSV): Model {
  const text = readFileSync(path, 'utf8');
  const schema = inferSchema(text);
  const names = schema.cols.map((c) => c.name);
  const rows = initParser(schema).stringArrs(text);
  const pick = (cols: readonly string[]) => {
    const at = cols.map((name) => {
      const i = names.indexOf(name);
      if (i < 0) throw new Error(`${path}: no column ${name}`);
      return i;
    });
    return rows.map((r) => at.map((i) => r[i] ?? ''));
  };
  const notes = pick(['notes']).map((r) => r[0] ?? '');
  const words = notes.flatMap((n) => n.split(/\s+/)).filter((w) => w !== '');
  if (rows.length === 0 || words.length === 0) throw new Error(`${path}: no rows to learn from`);
  return {
    actorMixes: pick(ACTOR_COLUMNS),
    places: pick(PLACE_COLUMNS),
    sources: pick(SOURCE_COLUMNS),
    noteLengths: notes.map((n) => n.length),
    words,
  };
}
