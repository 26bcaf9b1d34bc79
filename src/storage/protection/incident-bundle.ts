import type { IncidentBundle } from '../../services/ports/incident-port.ts';
import { evidenceOf } from './evidence.ts';
import { toCount, toIncident, toSource, toStep, toVictim } from './incident-rows.ts';
import type { Db } from './run.ts';

/** An incident with everything attached to it, each list in a stable order; evidence without its content. */
export async function readBundle(db: Db, id: string): Promise<IncidentBundle | null> {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  // One query after another: on SQLite they queue on the one connection anyway, and on PostgreSQL a bundle
  // read should not hold seven pooled connections.
  const members = await db
    .selectFrom('incident_members')
    .select('user_id')
    .where('incident_id', '=', id)
    .orderBy('added_at')
    .orderBy('user_id')
    .execute();
  const sources = await db
    .selectFrom('incident_sources')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('position')
    .execute();
  const counts = await db
    .selectFrom('victim_counts')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('harm')
    .orderBy('sex')
    .orderBy('age_group')
    .orderBy('status')
    .execute();
  const victims = await db
    .selectFrom('victims')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const evidence = await evidenceOf(db, id);
  const steps = await db
    .selectFrom('verification_steps')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('id')
    .execute();
  const links = await db
    .selectFrom('incident_event_links')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('event_id')
    .execute();
  const bundle: IncidentBundle = {
    incident: toIncident(row),
    members: members.map((m) => m.user_id),
    sources: sources.map(toSource),
    victimCounts: counts.map(toCount),
    victims: victims.map(toVictim),
    evidence,
    steps: steps.map(toStep),
    eventLinks: links.map((l) => ({
      eventId: l.event_id,
      confirmedBy: l.confirmed_by,
      confirmedAt: l.confirmed_at,
    })),
  };
  return bundle;
}
