/**
 * The geo step of an import: from an event's coordinates and named country to the EventPlacement vigie stores
 * (admin codes, H3 cells res 4–7, PRIO-GRID gid), plus the issue code an importer should record when the point is
 * doubtful. One call per event, so importers and re-assignment jobs (after a user loads new boundaries) agree.
 */
import type { EventPlacement } from '../core/event.ts';
import type { IssueCode } from '../core/issues.ts';
import type { AdminAssigner, AssignVerdict } from './assign.ts';
import { h3Cells } from './h3.ts';
import { priogridGid } from './priogrid.ts';

export interface PlacementResult {
  /** Null when the coordinates cannot be placed at all (out of range, not numbers). */
  placement: EventPlacement | null;
  verdict: AssignVerdict;
  /** Coordinates the placement is for: the swapped pair when the verdict is 'swapped'. */
  lat: number;
  lon: number;
  /** Issue to record with the row, or null. 'near' and 'unchecked' are not issues: they are counted, not flagged. */
  issue: IssueCode | null;
}

const ISSUE_OF: Record<AssignVerdict, IssueCode | null> = {
  inside: null,
  near: null,
  unchecked: null,
  swapped: 'COORDINATES_SWAPPED',
  outside: 'COORDINATES_OUTSIDE_COUNTRY',
  out_of_range: 'COORDINATES_OUT_OF_RANGE',
};

export function placeEvent(
  assigner: AdminAssigner,
  lat: number,
  lon: number,
  countryIso3: string | null,
): PlacementResult {
  const a = assigner.assign(lat, lon, countryIso3);
  const gid = priogridGid(a.lat, a.lon);
  if (a.verdict === 'out_of_range' || gid === null) {
    return { placement: null, verdict: a.verdict, lat: a.lat, lon: a.lon, issue: ISSUE_OF[a.verdict] };
  }
  return {
    placement: {
      admin1: a.admin1,
      admin1Pcode: a.admin1Pcode,
      admin2Pcode: a.admin2Pcode,
      admin3Pcode: a.admin3Pcode,
      ...h3Cells(a.lat, a.lon),
      priogrid: gid,
    },
    verdict: a.verdict,
    lat: a.lat,
    lon: a.lon,
    issue: ISSUE_OF[a.verdict],
  };
}
