import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { EventFilter } from '../core/filters.ts';
import type { RollupFilter, RollupGroup } from '../analysis/rollup-cube.ts';
import type { CountDimension, CountRow, LocationFilter } from '../services/ports/analysis-port.ts';
import { applyEventFilter } from './event-filter-sql.ts';
import type { Database } from './schema.ts';

/**
 * Grouped counts, from `events` or from `event_rollups`. Both tables name their dimensions alike, so one column
 * map serves both; only the measures differ (a rollup row already carries sums).
 */
const COLUMN: Record<CountDimension, RawBuilder<string | number | null>> = {
  month: sql`month`,
  // Text on both dialects, like month, so period keys compare and sort the same way everywhere.
  year: sql`substr(month, 1, 4)`,
  country: sql`country`,
  admin1: sql`admin1`,
  admin1Pcode: sql`admin1_pcode`,
  admin2: sql`admin2_pcode`,
  source: sql`source`,
  type: sql`event_type`,
  perpetrator: sql`perpetrator_category`,
  harm: sql`harm_category`,
  h3r4: sql`h3r4`,
  h3r5: sql`h3r5`,
  h3r6: sql`h3r6`,
  h3r7: sql`h3r7`,
  priogrid: sql`priogrid`,
};

const EVENT_MEASURES = [
  sql<number>`count(*)`.as('events'),
  sql<number>`coalesce(sum(fatalities), 0)`.as('fatalities'),
  sql<number>`coalesce(sum(civilian_harm), 0)`.as('civilian_events'),
  sql<number>`coalesce(sum(civilian_fatalities), 0)`.as('civilian_fatalities'),
];

const ROLLUP_MEASURES = [
  sql<number>`coalesce(sum(events), 0)`.as('events'),
  sql<number>`coalesce(sum(fatalities), 0)`.as('fatalities'),
  sql<number>`coalesce(sum(case when civilian_harm = 1 then events else 0 end), 0)`.as('civilian_events'),
  sql<number>`coalesce(sum(civilian_fatalities), 0)`.as('civilian_fatalities'),
];

type Grouped = Record<`k${number}`, string | number | null | undefined> & {
  events: number;
  fatalities: number;
  civilian_events: number;
  civilian_fatalities: number;
};

function grouped<T extends 'events' | 'event_rollups', O>(
  query: SelectQueryBuilder<Database, T, O>,
  dims: readonly CountDimension[],
  measures: typeof EVENT_MEASURES,
) {
  const columns = dims.map((d) => COLUMN[d]);
  const q = query.select([...columns.map((c, i) => c.as(`k${i}`)), ...measures]);
  return columns.length === 0 ? q : q.groupBy(columns);
}

function toRows(rows: readonly Grouped[], width: number): CountRow[] {
  return rows.map((r) => ({
    keys: Array.from({ length: width }, (_, i) => {
      const v = r[`k${i}`];
      return v === null || v === undefined ? null : String(v);
    }),
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianEvents: Number(r.civilian_events),
    civilianFatalities: Number(r.civilian_fatalities),
  }));
}

export async function countEvents(
  db: Kysely<Database>,
  dims: readonly CountDimension[],
  filter: EventFilter,
  location: LocationFilter,
): Promise<CountRow[]> {
  let q = applyEventFilter(db.selectFrom('events'), filter);
  if (location !== 'all') q = q.where('coarse_location', '=', location === 'coarse' ? 1 : 0);
  const rows = (await grouped(q, dims, EVENT_MEASURES).execute()) as Grouped[];
  return toRows(rows, dims.length);
}

export async function countRollups(
  db: Kysely<Database>,
  dims: readonly RollupGroup[],
  filter: RollupFilter,
): Promise<CountRow[]> {
  const rows = (await grouped(
    applyRollupFilter(db.selectFrom('event_rollups'), filter),
    dims,
    ROLLUP_MEASURES,
  ).execute()) as Grouped[];
  return toRows(rows, dims.length);
}

function applyRollupFilter<O>(
  query: SelectQueryBuilder<Database, 'event_rollups', O>,
  f: RollupFilter,
): SelectQueryBuilder<Database, 'event_rollups', O> {
  let q = query;
  if (f.country) q = q.where('country', '=', f.country.toUpperCase());
  if (f.fromMonth) q = q.where('month', '>=', f.fromMonth);
  if (f.toMonth) q = q.where('month', '<=', f.toMonth);
  if (f.source) q = q.where('source', '=', f.source);
  if (f.type) q = q.where('event_type', '=', f.type);
  if (f.perpetrator) q = q.where('perpetrator_category', '=', f.perpetrator);
  if (f.civilianOnly) q = q.where('civilian_harm', '=', 1);
  if (f.admin2) q = q.where('admin2_pcode', '=', f.admin2.toUpperCase());
  if (f.admin1) q = q.where('admin1', '=', f.admin1);
  if (f.admin1Pcode) q = q.where('admin1_pcode', '=', f.admin1Pcode);
  if (f.location) q = q.where('coarse_location', '=', f.location === 'coarse' ? 1 : 0);
  return q;
}
