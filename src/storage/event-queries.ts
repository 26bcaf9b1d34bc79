import { sql, type Kysely, type Selectable } from 'kysely';
import { VigieError } from '../core/errors.ts';
import type { EventFilter } from '../core/filters.ts';
import type {
  EventPage,
  EventQueryPort,
  EventSort,
  EventStats,
  EventView,
} from '../services/ports/event-query-port.ts';
import { applyEventFilter } from './event-filter-sql.ts';
import type { Database, EventsTable } from './schema.ts';

const STREAM_PAGE = 2000;

export function eventQueries(db: Kysely<Database>): EventQueryPort {
  const page = async (
    filter: EventFilter,
    cursor: string | null,
    limit: number,
    sort: EventSort = 'id',
  ): Promise<EventPage> => {
    const after = decodeCursor(cursor, sort);
    const { column, descending } = SORTS[sort];
    const direction = descending ? 'desc' : 'asc';
    let q = applyEventFilter(db.selectFrom('events').selectAll(), filter);
    if (after !== null) {
      // Keyset pagination on (sort column, id): stable under inserts, and as fast on page 1,000 as on page 1.
      const beyond = descending ? '<' : '>';
      q =
        column === 'id'
          ? q.where('id', beyond, after.id)
          : q.where((eb) =>
              eb.or([
                eb(column, beyond, after.value),
                eb.and([eb(column, '=', after.value), eb('id', beyond, after.id)]),
              ]),
            );
    }
    if (column !== 'id') q = q.orderBy(column, direction);
    const rows = await q
      .orderBy('id', direction)
      .limit(limit + 1)
      .execute();
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    const last = kept[kept.length - 1];
    return {
      events: kept.map(toView),
      nextCursor: more && last ? encodeCursor(sort, column === 'id' ? last.id : last[column], last.id) : null,
    };
  };
  return {
    page,
    async *stream(filter) {
      let cursor: string | null = null;
      do {
        const p: EventPage = await page(filter, cursor, STREAM_PAGE);
        yield* p.events;
        cursor = p.nextCursor;
      } while (cursor !== null);
    },
    stats: (filter) => stats(db, filter),
  };
}

async function stats(db: Kysely<Database>, filter: EventFilter): Promise<EventStats> {
  const totals = await applyEventFilter(db.selectFrom('events'), filter)
    .select((eb) => [
      eb.fn.countAll<number>().as('events'),
      eb.fn.coalesce(eb.fn.sum<number>('fatalities'), sql<number>`0`).as('fatalities'),
      eb.fn.coalesce(eb.fn.sum<number>('civilian_harm'), sql<number>`0`).as('civilian_events'),
      eb.fn.coalesce(eb.fn.sum<number>('civilian_fatalities'), sql<number>`0`).as('civilian_fatalities'),
      eb.fn.min<string | null>('event_date').as('first_date'),
      eb.fn.max<string | null>('event_date').as('last_date'),
      eb.fn.sum<number>(eb.case().when('admin1', 'is', null).then(1).else(0).end()).as('no_admin1'),
      eb.fn.sum<number>(eb.case().when('admin2_pcode', 'is', null).then(1).else(0).end()).as('no_admin2'),
      eb.fn.coalesce(eb.fn.sum<number>('coarse_location'), sql<number>`0`).as('coarse'),
    ])
    .executeTakeFirstOrThrow();
  const perSource = await applyEventFilter(db.selectFrom('events'), filter)
    .select((eb) => [
      'source',
      eb.fn.countAll<number>().as('events'),
      eb.fn.sum<number>('fatalities').as('fatalities'),
      eb.fn.min<string | null>('event_date').as('first_date'),
      eb.fn.max<string | null>('event_date').as('last_date'),
    ])
    .groupBy('source')
    .orderBy('source')
    .execute();
  const bySource: EventStats['bySource'] = {};
  for (const s of perSource) {
    bySource[s.source] = {
      events: Number(s.events),
      fatalities: Number(s.fatalities ?? 0),
      firstDate: s.first_date,
      lastDate: s.last_date,
    };
  }
  return {
    events: Number(totals.events),
    fatalities: Number(totals.fatalities),
    civilianEvents: Number(totals.civilian_events),
    civilianFatalities: Number(totals.civilian_fatalities),
    firstDate: totals.first_date,
    lastDate: totals.last_date,
    bySource,
    unassigned: {
      admin1: Number(totals.no_admin1 ?? 0),
      admin2: Number(totals.no_admin2 ?? 0),
      coarseLocation: Number(totals.coarse),
    },
  };
}

export function toView(r: Selectable<EventsTable>): EventView {
  return {
    id: r.id,
    source: r.source,
    sourceId: r.source_id,
    date: r.event_date,
    datePrecision: r.date_precision,
    country: r.country,
    admin1: r.admin1,
    admin1Pcode: r.admin1_pcode,
    admin2Pcode: r.admin2_pcode,
    sourceAdmin1: r.source_admin1,
    sourceAdmin2: r.source_admin2,
    location: r.location,
    latitude: r.latitude,
    longitude: r.longitude,
    geoPrecision: r.geo_precision,
    coarseLocation: r.coarse_location === 1,
    eventType: r.event_type,
    subEventType: r.sub_event_type,
    sourceEventType: r.source_event_type,
    actor1: r.actor1,
    actor2: r.actor2,
    actors: JSON.parse(r.actors_json) as EventView['actors'],
    fatalities: r.fatalities,
    civilianHarm: r.civilian_harm === 1,
    civilianFatalities: r.civilian_fatalities,
    harmCategory: r.harm_category,
    perpetratorCategory: r.perpetrator_category,
    h3r5: r.h3r5,
    priogrid: r.priogrid,
    notes: r.notes,
    sources: r.sources,
  };
}

const SORTS: Record<EventSort, { column: 'id' | 'event_date' | 'fatalities'; descending: boolean }> = {
  id: { column: 'id', descending: false },
  date: { column: 'event_date', descending: false },
  '-date': { column: 'event_date', descending: true },
  fatalities: { column: 'fatalities', descending: false },
  '-fatalities': { column: 'fatalities', descending: true },
};

function encodeCursor(sort: EventSort, value: string | number, id: number): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

/** A cursor is only valid with the sort it was made for; anything else is the client's error, not page 1. */
function decodeCursor(cursor: string | null, sort: EventSort): { value: string | number; id: number } | null {
  if (cursor === null || cursor === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Array.isArray(parsed) && parsed[0] === sort && Number.isInteger(parsed[2])) {
      const value: unknown = parsed[1];
      if (typeof value === 'string' || typeof value === 'number') return { value, id: parsed[2] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new VigieError('VALIDATION_FAILED', { reason: 'cursor does not belong to this query' });
}
