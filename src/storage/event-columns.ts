import type { NewEventRow } from '../services/ports/event-import-port.ts';

/** Column order shared by the bulk writers; PostgreSQL needs the SQL type of each for its unnest() arrays. */
export const EVENT_WRITE_COLUMNS = [
  ['source', 'text'],
  ['source_id', 'text'],
  ['content_hash', 'text'],
  ['source_timestamp', 'bigint'],
  ['source_version', 'text'],
  ['event_date', 'text'],
  ['date_end', 'text'],
  ['date_precision', 'text'],
  ['year', 'int'],
  ['month', 'text'],
  ['country', 'text'],
  ['country_name', 'text'],
  ['source_admin1', 'text'],
  ['source_admin2', 'text'],
  ['source_admin3', 'text'],
  ['location', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['geo_precision', 'int'],
  ['coarse_location', 'int'],
  ['source_event_type', 'text'],
  ['event_type', 'text'],
  ['sub_event_type', 'text'],
  ['disorder_type', 'text'],
  ['civilian_targeting_flag', 'int'],
  ['violence_type', 'int'],
  ['actors_json', 'text'],
  ['actor1', 'text'],
  ['actor2', 'text'],
  ['inter1', 'int'],
  ['inter2', 'int'],
  ['interaction', 'int'],
  ['fatalities', 'int'],
  ['fatalities_low', 'int'],
  ['fatalities_high', 'int'],
  ['civilian_deaths', 'int'],
  ['notes', 'text'],
  ['sources', 'text'],
  ['source_scale', 'text'],
  ['tags', 'text'],
  ['civilian_harm', 'int'],
  ['civilian_fatalities', 'int'],
  ['harm_category', 'text'],
  ['perpetrator_category', 'text'],
  ['admin1', 'text'],
  ['admin1_pcode', 'text'],
  ['admin2_pcode', 'text'],
  ['admin3_pcode', 'text'],
  ['h3r4', 'text'],
  ['h3r5', 'text'],
  ['h3r6', 'text'],
  ['h3r7', 'text'],
  ['priogrid', 'int'],
  ['first_import_run', 'int'],
  ['last_import_run', 'int'],
] as const satisfies ReadonlyArray<readonly [keyof NewEventRow, string]>;

export type EventWriteColumn = (typeof EVENT_WRITE_COLUMNS)[number][0];

export function rowValues(row: NewEventRow): unknown[] {
  const out = new Array<unknown>(EVENT_WRITE_COLUMNS.length);
  for (let i = 0; i < EVENT_WRITE_COLUMNS.length; i++) {
    const column = (EVENT_WRITE_COLUMNS[i] as (typeof EVENT_WRITE_COLUMNS)[number])[0];
    out[i] = row[column] ?? null;
  }
  return out;
}
