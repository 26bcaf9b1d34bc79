import type { VictimCount } from '../../core/incident.ts';
import type { CountedIncident } from '../../services/ports/incident-port.ts';
import { toCount, toIncident } from './incident-rows.ts';
import type { Db } from './run.ts';

/**
 * Incidents with their victim counts, members and whether any individual victim withheld public consent: the
 * input of the public release (verified, every organisation) and of an organisation's internal aggregates.
 */
export async function countedIncidents(
  db: Db,
  scope: { organisationId: string | null; verifiedOnly: boolean },
): Promise<CountedIncident[]> {
  let query = db
    .selectFrom('incidents')
    .leftJoin('victim_counts', 'victim_counts.incident_id', 'incidents.id')
    .selectAll('incidents')
    .select([
      'victim_counts.harm',
      'victim_counts.sex',
      'victim_counts.age_group',
      'victim_counts.status as count_status',
      'victim_counts.count',
    ]);
  if (scope.verifiedOnly) query = query.where('incidents.status', '=', 'verified');
  if (scope.organisationId !== null)
    query = query.where('incidents.organisation_id', '=', scope.organisationId);
  const rows = await query
    .orderBy('incidents.date_from')
    .orderBy('incidents.id')
    .orderBy('victim_counts.harm')
    .orderBy('victim_counts.sex')
    .orderBy('victim_counts.age_group')
    .orderBy('victim_counts.status')
    .execute();
  let restrictedQuery = db
    .selectFrom('victims')
    .innerJoin('incidents', 'incidents.id', 'victims.incident_id')
    .select('victims.incident_id')
    .where('victims.consent', '!=', 'public_anonymised');
  if (scope.verifiedOnly) restrictedQuery = restrictedQuery.where('incidents.status', '=', 'verified');
  const restricted = new Set((await restrictedQuery.execute()).map((r) => r.incident_id));
  let membersQuery = db
    .selectFrom('incident_members')
    .innerJoin('incidents', 'incidents.id', 'incident_members.incident_id')
    .select(['incident_members.incident_id', 'incident_members.user_id']);
  if (scope.organisationId !== null)
    membersQuery = membersQuery.where('incidents.organisation_id', '=', scope.organisationId);
  const members = new Map<string, string[]>();
  for (const m of await membersQuery.execute())
    members.set(m.incident_id, [...(members.get(m.incident_id) ?? []), m.user_id]);

  const cells: CountedIncident[] = [];
  for (const r of rows) {
    let cell = cells[cells.length - 1];
    if (cell?.id !== r.id) {
      const victimCounts: VictimCount[] = [];
      cell = {
        ...toIncident(r),
        victimCounts,
        restrictedConsent: restricted.has(r.id),
        members: members.get(r.id) ?? [],
      };
      cells.push(cell);
    }
    if (
      r.harm !== null &&
      r.sex !== null &&
      r.age_group !== null &&
      r.count_status !== null &&
      r.count !== null
    ) {
      cell.victimCounts.push(
        toCount({
          incident_id: r.id,
          harm: r.harm,
          sex: r.sex,
          age_group: r.age_group,
          status: r.count_status,
          count: r.count,
        }),
      );
    }
  }
  return cells;
}
