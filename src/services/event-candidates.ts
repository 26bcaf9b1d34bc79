import { VIEW_RANK, incidentView, type Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { IncidentHarmType } from '../core/incident.ts';
import { haversineKm } from '../geo/distance.ts';
import { accessFacts, readableBundle, type IncidentDeps } from './incidents.ts';
import type { EventPoint } from './ports/analysis-port.ts';

/** Imported events within 50 km and 7 days of the incident are candidates; closer in space, time and kind rank first. */
const MAX_KM = 50;
const MAX_DAYS = 7;

export interface EventCandidate {
  eventId: number;
  date: string;
  source: string;
  eventType: string | null;
  location: string | null;
  fatalities: number;
  /** Null for readers below the narrative level (see eventCandidates). */
  distanceKm: number | null;
  dayGap: number;
  civilianHarm: boolean;
  /** 0–1: 0.4 distance, 0.3 time, 0.3 civilian harm matching a violent harm type; null as distanceKm. */
  score: number | null;
}

const VIOLENT: readonly IncidentHarmType[] = [
  'killing',
  'injury',
  'abduction_disappearance',
  'crsv',
  'torture_ill_treatment',
];

function dayShift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Pure ranking, kept apart so it can be checked on plain points. */
export function rankCandidates(
  incident: {
    latitude: number;
    longitude: number;
    dateFrom: string;
    dateTo: string | null;
    harmTypes: readonly IncidentHarmType[];
  },
  points: readonly EventPoint[],
): EventCandidate[] {
  const start = Date.parse(incident.dateFrom);
  const end = Date.parse(incident.dateTo ?? incident.dateFrom);
  const violent = incident.harmTypes.some((h) => VIOLENT.includes(h));
  const out: EventCandidate[] = [];
  for (const p of points) {
    const distanceKm = haversineKm(incident.latitude, incident.longitude, p.latitude, p.longitude);
    const t = Date.parse(p.date);
    const dayGap = t < start ? (start - t) / 86_400_000 : t > end ? (t - end) / 86_400_000 : 0;
    if (distanceKm > MAX_KM || dayGap > MAX_DAYS) continue;
    const kind = violent === p.civilianHarm ? 1 : 0;
    const score = 0.4 * (1 - distanceKm / MAX_KM) + 0.3 * (1 - dayGap / MAX_DAYS) + 0.3 * kind;
    out.push({
      eventId: p.id,
      date: p.date,
      source: p.source,
      eventType: p.eventType,
      location: p.location,
      fatalities: p.fatalities,
      distanceKm: Math.round(distanceKm * 10) / 10,
      dayGap: Math.round(dayGap),
      civilianHarm: p.civilianHarm,
      score: Math.round(score * 1000) / 1000,
    });
  }
  return out.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.eventId - b.eventId).slice(0, 20);
}

/**
 * Candidates for any reader of the incident (analysts confirm links). Distances and scores would let a reader
 * triangulate the exact point from public event coordinates, so below the narrative level they are left out
 * and only the order remains.
 */
export async function eventCandidates(
  deps: IncidentDeps & {
    points: (filter: { from: string; to: string }, limit: number) => Promise<EventPoint[]>;
  },
  by: Principal,
  id: string,
): Promise<EventCandidate[]> {
  const bundle = await readableBundle(deps, by, id);
  const exact = VIEW_RANK[incidentView(by, accessFacts(bundle))] >= VIEW_RANK.narrative;
  const r = bundle.incident;
  if (r.latitude === null || r.longitude === null) return [];
  const points = await deps.points(
    { from: dayShift(r.dateFrom, -MAX_DAYS), to: dayShift(r.dateTo ?? r.dateFrom, MAX_DAYS) },
    20_000,
  );
  const ranked = rankCandidates({ ...r, latitude: r.latitude, longitude: r.longitude }, points);
  return exact ? ranked : ranked.map((c) => ({ ...c, distanceKm: null, score: null }));
}

/** An analyst (or monitor) confirms that an imported event is this incident. */
export async function linkEvent(
  deps: IncidentDeps & { eventExists: (id: number) => Promise<boolean> },
  by: Principal,
  id: string,
  eventId: number,
): Promise<void> {
  const bundle = await readableBundle(deps, by, id);
  if (by.readOnly || by.role === 'viewer') throw new VigieError('FORBIDDEN');
  if (!(await deps.eventExists(eventId))) throw new VigieError('NOT_FOUND');
  if (bundle.eventLinks.some((l) => l.eventId === eventId)) return;
  const at = deps.now();
  await deps.port.transaction(async (s) => {
    await s.incidents.linkEvent(id, eventId, by.userId, at);
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.link',
      targetType: 'incident',
      targetId: id,
      details: { eventId },
    });
  });
}
