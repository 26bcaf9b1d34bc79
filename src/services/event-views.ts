import { VigieError } from '../core/errors.ts';
import type { EventFilter } from '../core/filters.ts';
import { coarseEvents, type GroupedCounts } from './grouped-counts.ts';
import type { AnalysisPort, EventDetail, EventPoint, EventRevision } from './ports/analysis-port.ts';

/** One event with its revision history, newest revision first; NOT_FOUND for an id the store does not hold. */
export async function eventDetail(
  port: AnalysisPort,
  id: number,
): Promise<{ event: EventDetail; revisions: EventRevision[] }> {
  const found = await port.event(id);
  if (found === null) throw new VigieError('NOT_FOUND', { id });
  return found;
}

export interface EventPoints {
  points: EventPoint[];
  /** True when more precise events matched than `limit`: the newest are kept. */
  truncated: boolean;
  /** Matching events whose location is too coarse to draw as a point (DESIGN §5). */
  excludedCoarse: number;
}

/** Precisely located events for a point map, newest first, capped so a browser can draw them. */
export async function eventPoints(
  deps: { port: AnalysisPort; counts: GroupedCounts },
  filter: EventFilter,
  limit: number,
): Promise<EventPoints> {
  const [points, excludedCoarse] = await Promise.all([
    deps.port.points(filter, limit + 1),
    coarseEvents(deps.counts, filter),
  ]);
  return { points: points.slice(0, limit), truncated: points.length > limit, excludedCoarse };
}
