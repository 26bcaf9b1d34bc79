import type { Generated } from 'kysely';
import type { AlertsDatabase } from './alerts/schema.ts';
import type { ProtectionDatabase } from './schema-protection.ts';

/**
 * Table shapes as Kysely sees them. Both dialects store the same columns with the same meaning: dates as ISO
 * text, booleans as 0/1 integers and JSON as text, so that every query in src/storage runs unchanged on SQLite
 * and PostgreSQL and the contract suite can compare their answers row for row.
 */
export interface EventsTable {
  id: Generated<number>;
  source: string;
  source_id: string;
  content_hash: string;
  source_timestamp: number | null;
  source_version: string | null;
  event_date: string;
  date_end: string | null;
  date_precision: string;
  year: number;
  month: string;
  country: string | null;
  country_name: string | null;
  source_admin1: string | null;
  source_admin2: string | null;
  source_admin3: string | null;
  location: string | null;
  latitude: number;
  longitude: number;
  geo_precision: number | null;
  coarse_location: number;
  source_event_type: string | null;
  event_type: string | null;
  sub_event_type: string | null;
  disorder_type: string | null;
  civilian_targeting_flag: number | null;
  violence_type: number | null;
  actors_json: string;
  actor1: string | null;
  actor2: string | null;
  inter1: number | null;
  inter2: number | null;
  interaction: number | null;
  fatalities: number;
  fatalities_low: number | null;
  fatalities_high: number | null;
  civilian_deaths: number | null;
  notes: string | null;
  sources: string | null;
  source_scale: string | null;
  tags: string | null;
  civilian_harm: number;
  civilian_fatalities: number;
  harm_category: string | null;
  perpetrator_category: string | null;
  admin1: string | null;
  admin1_pcode: string | null;
  admin2_pcode: string | null;
  admin3_pcode: string | null;
  h3r4: string;
  h3r5: string;
  h3r6: string;
  h3r7: string;
  priogrid: number;
  first_import_run: number;
  last_import_run: number;
}

export interface EventRevisionsTable {
  id: Generated<number>;
  event_id: number;
  import_run_id: number;
  revised_at: string;
  changed_fields: string;
  previous_json: string;
}

export interface EventTombstonesTable {
  id: Generated<number>;
  source: string;
  source_id: string;
  deleted_at: string;
  import_run_id: number;
  reason: string;
  last_json: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  kind: string;
  source: string;
  file_name: string;
  file_sha256: string | null;
  layout: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
  issues_json: string;
}

export interface BoundarySetsTable {
  name: string;
  description: string | null;
  source: string | null;
  imported_at: string;
}

export interface PlacesTable {
  id: Generated<number>;
  set_name: string;
  level: number;
  code: string;
  name: string;
  parent_code: string | null;
  iso3: string | null;
  min_lon: number;
  min_lat: number;
  max_lon: number;
  max_lat: number;
  geometry_json: string;
}

export interface BasesTable {
  id: Generated<number>;
  name: string;
  latitude: number;
  longitude: number;
  admin1_text: string | null;
  site_type: string | null;
  opened_on: string | null;
  closed_on: string | null;
  date_quality: string | null;
  sources: string | null;
  notes: string | null;
  origin: string;
  import_run_id: number | null;
}

export interface MonthlyAggregatesTable {
  id: Generated<number>;
  source: string;
  measure: string;
  country: string;
  admin1_pcode: string | null;
  admin1_name: string | null;
  admin2_pcode: string;
  admin2_name: string | null;
  month: string;
  events: number;
  fatalities: number | null;
  import_run_id: number;
}

/**
 * Sums of events per (month, place, source, categories): maintained in the same transaction as every write to
 * `events`, so that overview charts read thousands of rows instead of a million (see storage/rollups.ts).
 */
export interface EventRollupsTable {
  source: string;
  month: string;
  country: string | null;
  admin1: string | null;
  admin1_pcode: string | null;
  admin2_pcode: string | null;
  event_type: string | null;
  perpetrator_category: string | null;
  harm_category: string | null;
  civilian_harm: number;
  coarse_location: number;
  events: number;
  fatalities: number;
  civilian_fatalities: number;
}

/** (source, month) pairs whose rollup rows are out of date: written and cleared by long re-assignments. */
export interface RollupPendingTable {
  source: string;
  month: string;
}

/** One row: a counter bumped in every transaction that changes the rollups, so readers can cache them. */
export interface RollupStateTable {
  id: number;
  version: number;
}

export interface Database extends ProtectionDatabase, AlertsDatabase {
  events: EventsTable;
  event_revisions: EventRevisionsTable;
  event_tombstones: EventTombstonesTable;
  import_runs: ImportRunsTable;
  boundary_sets: BoundarySetsTable;
  places: PlacesTable;
  bases: BasesTable;
  monthly_aggregates: MonthlyAggregatesTable;
  event_rollups: EventRollupsTable;
  rollup_pending: RollupPendingTable;
  rollup_state: RollupStateTable;
}
