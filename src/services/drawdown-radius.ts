/**
 * The radius variant of the drawdown estimate (`vigie drawdown --radius-km N`): monthly counts of stored events
 * within N km of the base, against circles of the same radius centred inside the comparison admin-2 units. Equal
 * areas make the changes comparable in size, which whole cercles of very different extents are not. Only event
 * data has coordinates, so this variant reads the events table (the HDX aggregates are per cercle); coarse
 * locations (ACLED geo_precision 3, UCDP where_prec ≥ 4) are left out, as on grid maps. The count is political
 * violence as ACLED's aggregates define it — battles, explosions/remote violence, violence against civilians — so
 * the radius and the cercle answers measure the same thing (protests, riots and strategic developments are not
 * counted; ACLED also counts mob violence, a riot sub-type, which is left out here).
 */
import { haversineKm, degreeBox } from '../geo/distance.ts';

export interface EventPoint {
  latitude: number;
  longitude: number;
  date: string;
  fatalities: number;
  coarseLocation: boolean;
  eventType: string | null;
}

export const POLITICAL_VIOLENCE_TYPES: ReadonlySet<string> = new Set([
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
]);

/** Stored events dated within [from, to] (YYYY-MM-DD, inclusive). */
export type EventPointsBetween = (from: string, to: string) => AsyncIterable<EventPoint>;

export interface Centre {
  lat: number;
  lon: number;
}

/** Last day of a YYYY-MM month. */
function lastDay(month: string): string {
  return new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).toISOString().slice(0, 10);
}

/**
 * Per centre, the monthly count (events or fatalities) of precise events within `radiusKm` over `months`; an
 * event near two centres counts for both. Also how many events of the window were too coarse to place.
 */
export async function circleSeries(
  events: EventPointsBetween,
  centres: readonly Centre[],
  radiusKm: number,
  months: readonly string[],
  measure: 'events' | 'fatalities',
): Promise<{ series: number[][]; excludedCoarse: number }> {
  const series = centres.map(() => months.map(() => 0));
  const index = new Map(months.map((m, i) => [m, i]));
  const boxes = centres.map((c) => ({ ...c, ...degreeBox(c.lat, radiusKm) }));
  let excludedCoarse = 0;
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return { series, excludedCoarse };
  for await (const e of events(`${first}-01`, lastDay(last))) {
    const t = index.get(e.date.slice(0, 7));
    if (t === undefined || e.eventType === null || !POLITICAL_VIOLENCE_TYPES.has(e.eventType)) continue;
    if (e.coarseLocation) {
      excludedCoarse++;
      continue;
    }
    boxes.forEach((b, k) => {
      if (Math.abs(e.latitude - b.lat) > b.dLat || Math.abs(e.longitude - b.lon) > b.dLon) return;
      if (haversineKm(b.lat, b.lon, e.latitude, e.longitude) > radiusKm) return;
      const row = series[k]!;
      row[t] = (row[t] ?? 0) + (measure === 'events' ? 1 : e.fatalities);
    });
  }
  return { series, excludedCoarse };
}
