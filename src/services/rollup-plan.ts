import type { RollupFilter } from '../analysis/rollup-cube.ts';
import { admin1Reference, type EventFilter } from '../core/filters.ts';

/**
 * How a count is split between the monthly rollup and `events`, written once so the choice is visible and
 * tested. Counts add up over disjoint periods, so a period is cut into whole months (rollup) and the partial
 * months at either end (events, one month's index range each). Either part may be empty.
 */
export interface CountPlan {
  /** The whole months, as the rollup answers them; null when there are none. */
  rollup: RollupFilter | null;
  /** Pieces `events` must answer: the partial edge months, or the whole filter when the rollup cannot. */
  events: EventFilter[];
}

/**
 * The rollup answers everything in its key (country, admin-1 by Natural Earth code or P-code, admin-2 P-code,
 * source, event type, perpetrator, civilian harm, precision of location) over whole months. Admin-1 given as a
 * name as the source wrote it is matched on `events.source_admin1`, which the rollup does not keep: such a
 * filter reads `events` whole.
 */
export function planCounts(filter: EventFilter): CountPlan {
  const key = rollupKeyFilter(filter);
  if (key === null) return { rollup: null, events: [filter] };
  const { from, to } = filter;
  const events: EventFilter[] = [];
  let fromMonth = from?.slice(0, 7);
  let toMonth = to?.slice(0, 7);
  const fromCut = from !== undefined && !startsMonth(from);
  if (from !== undefined && fromCut) {
    // Day 31 bounds every month from above, whatever its length.
    const monthEnd = `${from.slice(0, 7)}-31`;
    events.push({ ...filter, to: to !== undefined && to < monthEnd ? to : monthEnd });
    fromMonth = shiftMonth(from.slice(0, 7), 1);
  }
  if (to !== undefined && !endsMonth(to)) {
    // When from and to fall in the same month, the piece above already covers it.
    if (!(fromCut && from?.slice(0, 7) === to.slice(0, 7))) {
      const monthStart = `${to.slice(0, 7)}-01`;
      events.push({ ...filter, from: from !== undefined && from > monthStart ? from : monthStart, to });
    }
    toMonth = shiftMonth(to.slice(0, 7), -1);
  }
  const empty = fromMonth !== undefined && toMonth !== undefined && fromMonth > toMonth;
  const rollup: RollupFilter | null = empty
    ? null
    : {
        ...key,
        ...(fromMonth !== undefined ? { fromMonth } : {}),
        ...(toMonth !== undefined ? { toMonth } : {}),
      };
  return { rollup, events };
}

/** The filter's non-date part in the rollup's terms, or null when the rollup cannot answer it. */
function rollupKeyFilter(filter: EventFilter): RollupFilter | null {
  const r: RollupFilter = {};
  if (filter.admin1 !== undefined) {
    const ref = admin1Reference(filter.admin1);
    if (ref.kind === 'name') return null;
    if (ref.kind === 'pcode') r.admin1Pcode = ref.value;
    else r.admin1 = ref.value;
  }
  // Normalised as applyEventFilter normalises them, so both paths compare the same strings.
  if (filter.country !== undefined) r.country = filter.country.toUpperCase();
  if (filter.admin2 !== undefined) r.admin2 = filter.admin2.toUpperCase();
  if (filter.source !== undefined) r.source = filter.source;
  if (filter.type !== undefined) r.type = filter.type;
  if (filter.perpetrator !== undefined) r.perpetrator = filter.perpetrator;
  if (filter.civilianOnly === true) r.civilianOnly = true;
  return r;
}

/** `event_date >= day` keeps exactly the months from day's month on when day is its month's first (or 00). */
function startsMonth(day: string): boolean {
  return day.slice(8) <= '01';
}

/** `event_date <= day` keeps exactly the months up to day's month when day is on or after its last day. */
function endsMonth(day: string): boolean {
  const [year, month, dayOfMonth] = [day.slice(0, 4), day.slice(5, 7), day.slice(8)].map(Number) as [
    number,
    number,
    number,
  ];
  if (!(month >= 1 && month <= 12)) return false;
  return dayOfMonth >= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The month after or before, as text. Months outside 01–12 (which the filter's pattern lets through) move the
 * way string comparison of event dates does: "2019-13" is after December, "2019-00" before January.
 */
function shiftMonth(month: string, by: 1 | -1): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) + by;
  if (by === 1 && m > 12) [y, m] = [y + 1, 1];
  if (by === -1 && m < 1) [y, m] = [y - 1, 12];
  if (by === -1 && m > 12) m = 12;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}
