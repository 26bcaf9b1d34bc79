import { canSeeInternalAggregates, incidentView, type Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { IncidentHarmType } from '../core/incident.ts';
import { accessFacts, type IncidentDeps } from './incidents.ts';
import type { CountedIncident } from './ports/incident-port.ts';

export interface IncidentAggregateRequest {
  from?: string; // YYYY-MM
  to?: string; // YYYY-MM
  verifiedOnly: boolean;
}

export interface IncidentAggregateCell {
  month: string;
  admin1Pcode: string | null;
  harm: IncidentHarmType;
  incidents: number;
  victims: number;
}

/**
 * Counts inside the organisation by month × admin-1 × harm, over the incidents the reader may see at all
 * (so an analyst's counts leave out CRSV cases, as their list does). Not suppressed: these never leave the
 * organisation; the public release is the suppressed path.
 */
export function aggregateIncidents(
  incidents: readonly CountedIncident[],
  request: IncidentAggregateRequest,
): IncidentAggregateCell[] {
  const cells = new Map<string, IncidentAggregateCell>();
  for (const i of incidents) {
    if (request.verifiedOnly && i.status !== 'verified') continue;
    const month = i.dateFrom.slice(0, 7);
    if ((request.from && month < request.from) || (request.to && month > request.to)) continue;
    for (const harm of i.harmTypes) {
      const key = `${month}|${i.admin1Pcode ?? ''}|${harm}`;
      const cell = cells.get(key) ?? { month, admin1Pcode: i.admin1Pcode, harm, incidents: 0, victims: 0 };
      cell.incidents += 1;
      cell.victims += i.victimCounts.filter((c) => c.harm === harm).reduce((s, c) => s + c.count, 0);
      cells.set(key, cell);
    }
  }
  return [...cells.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      (a.admin1Pcode ?? '').localeCompare(b.admin1Pcode ?? '') ||
      a.harm.localeCompare(b.harm),
  );
}

export async function incidentAggregates(
  deps: IncidentDeps,
  by: Principal,
  request: IncidentAggregateRequest,
): Promise<IncidentAggregateCell[]> {
  if (!canSeeInternalAggregates(by)) throw new VigieError('FORBIDDEN');
  const all = await deps.port.incidents.organisationIncidents(by.organisationId);
  const visible = all.filter(
    (i) => incidentView(by, accessFacts({ incident: i, members: i.members })) !== 'none',
  );
  await deps.port.transaction((s) =>
    deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.aggregate',
      targetType: 'incident',
      targetId: null,
      details: { incidents: visible.length },
    }),
  );
  return aggregateIncidents(visible, request);
}
