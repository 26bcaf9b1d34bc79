import type { SelectQueryBuilder } from 'kysely';
import { admin1Reference, type EventFilter } from '../core/filters.ts';
import type { Database } from './schema.ts';

/** Applies the shared filters to a query on `events`; the same SQL runs on both dialects. */
export function applyEventFilter<O>(
  query: SelectQueryBuilder<Database, 'events', O>,
  filter: EventFilter,
): SelectQueryBuilder<Database, 'events', O> {
  let q = query;
  if (filter.country) q = q.where('events.country', '=', filter.country.toUpperCase());
  if (filter.from) q = q.where('events.event_date', '>=', filter.from);
  if (filter.to) q = q.where('events.event_date', '<=', filter.to);
  if (filter.source) q = q.where('events.source', '=', filter.source);
  if (filter.type) q = q.where('events.event_type', '=', filter.type);
  if (filter.perpetrator) q = q.where('events.perpetrator_category', '=', filter.perpetrator);
  if (filter.civilianOnly) q = q.where('events.civilian_harm', '=', 1);
  if (filter.admin2) q = q.where('events.admin2_pcode', '=', filter.admin2.toUpperCase());
  if (filter.admin1) {
    const ref = admin1Reference(filter.admin1);
    if (ref.kind === 'pcode') q = q.where('events.admin1_pcode', '=', ref.value);
    else if (ref.kind === 'ne') q = q.where('events.admin1', '=', ref.value);
    else q = q.where((eb) => eb(eb.fn('lower', ['events.source_admin1']), '=', ref.value.toLowerCase()));
  }
  return q;
}
