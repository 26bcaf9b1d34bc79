import { sql, type Kysely, type Selectable } from 'kysely';
import type { RollupRecord } from '../analysis/rollup-cube.ts';
import type { EventFilter } from '../core/filters.ts';
import type {
  AnalysisPort,
  EventDetail,
  EventPoint,
  EventRevision,
} from '../services/ports/analysis-port.ts';
import { countEvents, countRollups } from './event-counts.ts';
import { applyEventFilter } from './event-filter-sql.ts';
import { toView } from './event-queries.ts';
import { ROLLUP_KEY, rollupState } from './rollups.ts';
import type { Database, EventsTable } from './schema.ts';

/** The analysts' read side, in portable SQL (the same on SQLite and PostgreSQL). */
export function analysisQueries(db: Kysely<Database>): AnalysisPort {
  return {
    countEvents: (dims, filter, location) => countEvents(db, dims, filter, location),
    countRollups: (dims, filter) => countRollups(db, dims, filter),
    rollupState: () => rollupState(db),
    rollupRecords: (maxRows) => rollupRecords(db, maxRows),
    event: (id) => eventDetail(db, id),
    points: (filter, limit) => points(db, filter, limit),
    coverage: () => coverage(db),
  };
}

async function rollupRecords(db: Kysely<Database>, maxRows: number): Promise<RollupRecord[] | null> {
  const rows = await db
    .selectFrom('event_rollups')
    .select([...ROLLUP_KEY, 'events', 'fatalities', 'civilian_fatalities'])
    .limit(maxRows + 1)
    .execute();
  if (rows.length > maxRows) return null;
  return rows.map((r) => ({
    source: r.source,
    month: r.month,
    country: r.country,
    admin1: r.admin1,
    admin1Pcode: r.admin1_pcode,
    admin2: r.admin2_pcode,
    type: r.event_type,
    perpetrator: r.perpetrator_category,
    harm: r.harm_category,
    civilian: r.civilian_harm === 1,
    coarse: r.coarse_location === 1,
    events: Number(r.events),
    fatalities: Number(r.fatalities),
    civilianFatalities: Number(r.civilian_fatalities),
  }));
}

async function eventDetail(
  db: Kysely<Database>,
  id: number,
): Promise<{ event: EventDetail; revisions: EventRevision[] } | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return null;
  const revisions = await db
    .selectFrom('event_revisions')
    .select(['revised_at', 'changed_fields', 'previous_json'])
    .where('event_id', '=', id)
    .orderBy('revised_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return {
    event: toDetail(row),
    revisions: revisions.map((r) => ({
      revisedAt: r.revised_at,
      changedFields: r.changed_fields.split(',').filter((f) => f !== ''),
      previous: JSON.parse(r.previous_json) as Record<string, unknown>,
    })),
  };
}

function toDetail(r: Selectable<EventsTable>): EventDetail {
  return {
    ...toView(r),
    dateEnd: r.date_end,
    countryName: r.country_name,
    sourceAdmin3: r.source_admin3,
    admin3Pcode: r.admin3_pcode,
    disorderType: r.disorder_type,
    civilianTargetingFlag: r.civilian_targeting_flag === null ? null : r.civilian_targeting_flag === 1,
    violenceType: r.violence_type,
    interaction: r.interaction,
    inter1: r.inter1,
    inter2: r.inter2,
    fatalitiesLow: r.fatalities_low,
    fatalitiesHigh: r.fatalities_high,
    civilianDeaths: r.civilian_deaths,
    sourceScale: r.source_scale,
    tags: r.tags,
    sourceTimestamp: r.source_timestamp === null ? null : Number(r.source_timestamp),
    sourceVersion: r.source_version,
    h3r4: r.h3r4,
    h3r6: r.h3r6,
    h3r7: r.h3r7,
  };
}

async function points(db: Kysely<Database>, filter: EventFilter, limit: number): Promise<EventPoint[]> {
  const rows = await applyEventFilter(db.selectFrom('events'), filter)
    .where('coarse_location', '=', 0)
    .select([
      'id',
      'event_date',
      'latitude',
      'longitude',
      'event_type',
      'fatalities',
      'civilian_harm',
      'civilian_fatalities',
      'perpetrator_category',
      'location',
      'source',
    ])
    .orderBy('event_date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: r.event_date,
    latitude: r.latitude,
    longitude: r.longitude,
    eventType: r.event_type,
    fatalities: r.fatalities,
    civilianHarm: r.civilian_harm === 1,
    civilianFatalities: r.civilian_fatalities,
    perpetratorCategory: r.perpetrator_category,
    location: r.location,
    source: r.source,
  }));
}

async function coverage(db: Kysely<Database>): ReturnType<AnalysisPort['coverage']> {
  // Counts and months per source from the rollup: a boundary change never moves an event to another source or
  // month, so they hold even while a re-assignment is pending. The first and last days are then looked up within
  // the first and last months only, one month of the event_date index each.
  const perSource = await db
    .selectFrom('event_rollups')
    .select([
      'source',
      sql<number>`sum(events)`.as('events'),
      sql<string>`min(month)`.as('first_month'),
      sql<string>`max(month)`.as('last_month'),
    ])
    .groupBy('source')
    .orderBy('source')
    .execute();
  // Grouped by source rather than filtered on it: a filter on source would lead SQLite's planner to the
  // (source, source_id) index, a scan of the whole source, instead of one month of the event_date index.
  const dayIn = async (source: string, month: string, edge: 'min' | 'max') => {
    const rows = await db
      .selectFrom('events')
      .select(['source', sql<string | null>`${sql.raw(edge)}(event_date)`.as('day')])
      .where('event_date', '>=', `${month}-01`)
      .where('event_date', '<=', `${month}-31`)
      .groupBy('source')
      .execute();
    return rows.find((r) => r.source === source)?.day ?? null;
  };
  const sources = [];
  for (const s of perSource) {
    sources.push({
      source: s.source,
      firstDate: await dayIn(s.source, s.first_month, 'min'),
      lastDate: await dayIn(s.source, s.last_month, 'max'),
      events: Number(s.events),
    });
  }
  const aggregates = await db
    .selectFrom('monthly_aggregates')
    .select([
      'source',
      'measure',
      sql<string | null>`min(month)`.as('first_month'),
      sql<string | null>`max(month)`.as('last_month'),
      sql<number>`count(*)`.as('rows'),
    ])
    .groupBy(['source', 'measure'])
    .orderBy('source')
    .orderBy('measure')
    .execute();
  return {
    sources,
    aggregates: aggregates.map((a) => ({
      source: a.source,
      measure: a.measure,
      firstMonth: a.first_month,
      lastMonth: a.last_month,
      rows: Number(a.rows),
    })),
  };
}
