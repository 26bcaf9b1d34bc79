/**
 * Country lookup across the codes and spellings conflict data uses: ACLED names and numeric `iso`, UCDP names and
 * Gleditsch–Ward `country_id`, ISO alpha-2/alpha-3, French names typed by users. The facts live in
 * country-table.ts; this file only indexes them.
 */
import { COUNTRY_ROWS, HISTORIC_GW } from './country-table.ts';

export interface Country {
  iso3: string;
  iso2: string;
  /** ISO 3166-1 numeric (ACLED `iso`), null for Kosovo which has none. */
  isoNumeric: number | null;
  /** Gleditsch–Ward number (UCDP `country_id`), null for dependent territories. */
  gw: number | null;
  name: string;
  nameFr: string;
  aliases: readonly string[];
}

export const COUNTRIES: readonly Country[] = COUNTRY_ROWS.map(
  ([iso3, iso2, isoNumeric, gw, name, nameFr, aliases]) => ({
    iso3,
    iso2,
    isoNumeric,
    gw,
    name,
    nameFr,
    aliases: aliases ?? [],
  }),
);

/**
 * Comparison key for names: no accents, no case, apostrophes dropped ("Côte d’Ivoire" = "cote divoire"), other
 * punctuation as spaces, "St." spelled out, and a leading "the" ignored.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9()]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

const byIso3 = new Map<string, Country>();
const byIso2 = new Map<string, Country>();
const byNumeric = new Map<number, Country>();
const byGw = new Map<number, Country>();
const byName = new Map<string, Country>();

/** Names that would resolve to two countries; listed so a table edit that creates one fails the tests. */
export const NAME_COLLISIONS: string[] = [];

for (const c of COUNTRIES) {
  byIso3.set(c.iso3, c);
  byIso2.set(c.iso2, c);
  if (c.isoNumeric !== null) byNumeric.set(c.isoNumeric, c);
  if (c.gw !== null) byGw.set(c.gw, c);
  for (const n of [c.name, c.nameFr, ...c.aliases]) {
    const key = normaliseName(n);
    const prior = byName.get(key);
    if (prior && prior !== c) NAME_COLLISIONS.push(`${n}: ${prior.iso3} / ${c.iso3}`);
    else byName.set(key, c);
  }
}
for (const [gw, iso3] of Object.entries(HISTORIC_GW)) {
  const c = byIso3.get(iso3);
  if (c && !byGw.has(Number(gw))) byGw.set(Number(gw), c);
}

export function countryFromIso3(code: string): Country | null {
  return byIso3.get(code.trim().toUpperCase()) ?? null;
}

export function countryFromIso2(code: string): Country | null {
  return byIso2.get(code.trim().toUpperCase()) ?? null;
}

/** Parses the whole-number forms found in CSV cells ("466", "466.0", " 466 "); anything else is null. */
function toCode(value: number | string): number | null {
  const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
  return Number.isInteger(n) ? n : null;
}

/** ACLED's `iso` column: 466 → Mali. */
export function countryFromIsoNumeric(value: number | string): Country | null {
  const n = toCode(value);
  return n === null ? null : (byNumeric.get(n) ?? null);
}

/** UCDP `country_id` / ACLED `GWNO`: 432 → Mali; a few historic numbers resolve to today's state (HISTORIC_GW). */
export function countryFromGw(value: number | string): Country | null {
  const n = toCode(value);
  return n === null ? null : (byGw.get(n) ?? null);
}

/**
 * English, French or source spelling: "DR Congo (Zaire)", "Cote d'Ivoire", "eSwatini", "Mali". A name with a
 * parenthesis is also tried without it, then as the parenthesised part alone ("Myanmar (Burma)").
 */
export function countryFromName(name: string): Country | null {
  const key = normaliseName(name);
  if (key === '') return null;
  const exact = byName.get(key);
  if (exact) return exact;
  const paren = /^(.*?)\s*\(([^)]*)\)\s*(.*)$/.exec(key);
  if (paren) {
    const outer = normaliseName(`${paren[1] ?? ''} ${paren[3] ?? ''}`);
    const inner = normaliseName(paren[2] ?? '');
    return byName.get(outer) ?? byName.get(inner) ?? null;
  }
  return null;
}

/** Any of the above, for fields whose content varies by file: ISO3, ISO2, numeric or name. */
export function countryFromAny(value: string): Country | null {
  const v = value.trim();
  if (/^\d+(\.0+)?$/.test(v)) return countryFromIsoNumeric(v);
  if (/^[A-Za-z]{3}$/.test(v)) return countryFromIso3(v) ?? countryFromName(v);
  if (/^[A-Za-z]{2}$/.test(v)) return countryFromIso2(v) ?? countryFromName(v);
  return countryFromName(v);
}
