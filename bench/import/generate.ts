/**
 * Writes an N-row ACLED-format CSV (2020 API layout, with the pandas index column of the smose94 export) for the
 * import benchmark. It learns distributions from the real Mali export at run time and never copies a row or a
 * note: ACLED's terms forbid redistribution, so the output goes to bench/out/ (git-ignored) and every row is a
 * fresh mix of independently drawn parts:
 *
 * - the "actor mix" (event type, sub-type, both sides with their associated actors and inter codes, fatalities,
 *   time precision) of one real row, so that classification sees real combinations;
 * - the place (admin names, location, geo precision, point jittered by ≤ 0.05°) of another real row — or, for
 *   ~12% of rows, a town well inside Burkina Faso or Niger, so that point-in-polygon works on several countries;
 * - the source and source scale of a third;
 * - a synthetic note: a length drawn from the real notes, filled with words drawn from their vocabulary.
 *
 * Deterministic for a given seed; streaming (rows are written in chunks, never all held in memory).
 *
 *   tsx bench/import/generate.ts --rows 1000000 --out bench/out/acled-1m.csv [--seed 1]
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { learnModel, REAL_MALI_CSV, rng } from './acled-model.ts';
import { ENGLISH_MONTHS } from '../../src/importers/dates.ts';
import { ACLED_LIKE_HEADER } from '../../src/importers/read/synthetic-csv.ts';

/** Bumped whenever the output changes for a given seed, so that cached files are regenerated. */
export const GENERATOR_VERSION = 1;

// The 2020 API layout behind a pandas index column, as in the real Mali export.
const HEADER = ['', ...ACLED_LIKE_HEADER];

interface Country {
  name: string;
  isoNumeric: string;
  iso3: string;
}
const MALI: Country = { name: 'Mali', isoNumeric: '466', iso3: 'MLI' };
const BURKINA: Country = { name: 'Burkina Faso', isoNumeric: '854', iso3: 'BFA' };
const NIGER: Country = { name: 'Niger', isoNumeric: '562', iso3: 'NER' };

/**
 * Towns at least ~40 km inside their country's border (beyond the 0.05° jitter plus vigie's 25 km tolerance), with
 * their admin names. Coordinates are public gazetteer facts, not ACLED data.
 */
const FOREIGN_TOWNS: ReadonlyArray<{
  country: Country;
  lat: number;
  lon: number;
  admin: readonly [string, string, string];
}> = [
  { country: BURKINA, lat: 12.37, lon: -1.52, admin: ['Centre', 'Kadiogo', 'Ouagadougou'] },
  { country: BURKINA, lat: 14.03, lon: -0.03, admin: ['Sahel', 'Seno', 'Dori'] },
  { country: BURKINA, lat: 13.09, lon: -1.08, admin: ['Centre-Nord', 'Sanmatenga', 'Kaya'] },
  { country: BURKINA, lat: 12.25, lon: 0.35, admin: ['Est', 'Gourma', 'Fada NGourma'] },
  { country: NIGER, lat: 13.51, lon: 2.11, admin: ['Niamey', 'Niamey', 'Niamey'] },
  { country: NIGER, lat: 14.21, lon: 1.45, admin: ['Tillaberi', 'Tillaberi', 'Tillaberi'] },
  { country: NIGER, lat: 14.89, lon: 5.27, admin: ['Tahoua', 'Tahoua', 'Tahoua'] },
  { country: NIGER, lat: 13.5, lon: 7.1, admin: ['Maradi', 'Maradi', 'Maradi'] },
];
const FOREIGN_SHARE = 0.12;
const JITTER_DEG = 0.05;

const MONTHS = ENGLISH_MONTHS;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1997, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2026, 9, 31) / DAY_MS;
/** A fixed "export time" instead of Date.now(): the output must not depend on the day it is generated. */
const EXPORT_SECONDS = Date.UTC(2026, 10, 1) / 1000;
const CHUNK_ROWS = 5_000;

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface GenerateSummary {
  path: string;
  rows: number;
  seed: number;
  bytes: number;
  byCountry: Record<string, number>;
}

/** Writes `rows` rows to `path` (through a temporary name, so an interrupted run never leaves a truncated file). */
export async function generateAcledCsv(
  path: string,
  rows: number,
  seed = 1,
  source = REAL_MALI_CSV,
): Promise<GenerateSummary> {
  const model = learnModel(source);
  const random = rng(seed);
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const jitter = () => (random() * 2 - 1) * JITTER_DEG;
  const byCountry: Record<string, number> = {};

  const note = (day: Date): string => {
    const length = pickOf(model.noteLengths);
    if (length === 0) return '';
    // Real notes open with the date ("On June 30, ..."); the rest is shuffled vocabulary, cut near the drawn length.
    let out = `On ${MONTHS[day.getUTCMonth()]} ${day.getUTCDate()},`;
    while (out.length < length) out += ` ${pickOf(model.words)}`;
    return out.length > length + 12 ? out.slice(0, length) : out;
  };

  const row = (i: number): string => {
    const [
      timePrecision,
      eventType,
      subType,
      actor1,
      assoc1,
      inter1,
      actor2,
      assoc2,
      inter2,
      interaction,
      fatalities,
    ] = pickOf(model.actorMixes);
    let country = MALI;
    let admin: readonly string[];
    let lat: number;
    let lon: number;
    let geoPrecision: string;
    let location: string;
    if (random() < FOREIGN_SHARE) {
      const town = pickOf(FOREIGN_TOWNS);
      country = town.country;
      admin = town.admin;
      location = town.admin[2];
      lat = town.lat + jitter();
      lon = town.lon + jitter();
      geoPrecision = random() < 0.7 ? '1' : '2';
    } else {
      const place = pickOf(model.places);
      admin = place.slice(0, 3);
      location = place[3] ?? '';
      lat = Number(place[4]) + jitter();
      lon = Number(place[5]) + jitter();
      geoPrecision = place[6] ?? '1';
    }
    byCountry[country.iso3] = (byCountry[country.iso3] ?? 0) + 1;
    // Actor names carry their country ("Civilians (Mali)"): follow the row's country.
    const local = (actor: string | undefined) =>
      country === MALI || actor === undefined ? (actor ?? '') : actor.replace(/\bMali\b/g, country.name);
    const dayNumber = FIRST_DAY + Math.floor(random() * (LAST_DAY - FIRST_DAY + 1));
    const day = new Date(dayNumber * DAY_MS);
    const eventDate = day.toISOString().slice(0, 10);
    const timestamp = Math.min(EXPORT_SECONDS, dayNumber * 86_400 + Math.floor(random() * 400 * 86_400));
    const [sourceName, sourceScale] = pickOf(model.sources);
    const id = i + 1;
    return [
      String(i),
      String(6_000_000 + id),
      country.isoNumeric,
      `${country.iso3}${id}`,
      String(id),
      eventDate,
      eventDate.slice(0, 4),
      timePrecision ?? '1',
      eventType ?? '',
      subType ?? '',
      local(actor1),
      local(assoc1),
      inter1 ?? '',
      local(actor2),
      local(assoc2),
      inter2 ?? '',
      interaction ?? '',
      'Western Africa',
      country.name,
      admin[0] ?? '',
      admin[1] ?? '',
      admin[2] ?? '',
      location,
      lat.toFixed(4),
      lon.toFixed(4),
      geoPrecision,
      sourceName ?? '',
      sourceScale ?? '',
      note(day),
      fatalities ?? '0',
      String(timestamp),
      country.iso3,
    ]
      .map(csvField)
      .join(',');
  };

  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${HEADER.join(',')}\n`);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(rows, start + CHUNK_ROWS); i++) lines.push(row(i));
    await write(`${lines.join('\n')}\n`);
  }
  out.end();
  await once(out, 'finish');
  await rename(partial, path);
  return { path, rows, seed, bytes, byCountry };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const rows = Number(argValue(args, '--rows') ?? process.env['BENCH_ROWS'] ?? 1_000_000);
  const seed = Number(argValue(args, '--seed') ?? process.env['BENCH_SEED'] ?? 1);
  const path = argValue(args, '--out') ?? `bench/out/acled-${rows}.csv`;
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(seed)) {
    throw new Error('usage: tsx bench/import/generate.ts --rows N --out FILE [--seed S]');
  }
  const t0 = performance.now();
  const summary = await generateAcledCsv(path, rows, seed);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${summary.path}: ${rows} rows, ${(summary.bytes / 1e6).toFixed(1)} MB in ${s} s`,
    summary.byCountry,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
