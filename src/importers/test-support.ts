import type { CountryResolver } from './country.ts';
import type { ParsedEventRecord } from './types.ts';

/**
 * Shared by the importer tests only (never imported by production code): a small country table standing in for
 * the one src/geo gives the service, and a collector for record streams.
 */
const BY_NAME: Record<string, string> = { mali: 'MLI', 'burkina faso': 'BFA', niger: 'NER', algeria: 'DZA' };
const BY_NUMERIC: Record<number, string> = { 466: 'MLI', 854: 'BFA', 562: 'NER', 12: 'DZA' };
const BY_GW: Record<number, string> = { 432: 'MLI', 439: 'BFA', 436: 'NER', 615: 'DZA' };

export const testCountries: CountryResolver = (name, isoNumeric, iso3, gw) => {
  if (iso3 !== null && /^[A-Z]{3}$/.test(iso3)) return iso3;
  if (isoNumeric !== null && BY_NUMERIC[isoNumeric] !== undefined) return BY_NUMERIC[isoNumeric];
  if (gw !== null && BY_GW[gw] !== undefined) return BY_GW[gw];
  return name === null ? null : (BY_NAME[name.trim().toLowerCase()] ?? null);
};

export async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

/** Cells of one row for `header`, from a partial object of named values ('' elsewhere). */
export function cells(header: readonly string[], named: Record<string, string>): string[] {
  return header.map((h) => named[h] ?? '');
}

export function events(records: readonly ParsedEventRecord[]): NonNullable<ParsedEventRecord['event']>[] {
  return records.flatMap((r) => (r.event === null ? [] : [r.event]));
}

/** ACLED headers of each layout, as the real exports write them. */
export const API_2020 =
  'data_id,iso,event_id_cnty,event_id_no_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,timestamp,iso3'.split(
    ',',
  );
export const PANDAS = ['', ...API_2020];
export const MONADIC = API_2020.filter((c) => !['actor2', 'assoc_actor_2', 'inter2'].includes(c));
export const LEGACY = API_2020.filter((c) => c !== 'sub_event_type');
export const CURRENT =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp'.split(
    ',',
  );
export const V6 = [
  ...'GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES'.split(
    ',',
  ),
  '',
  '',
  '',
];
