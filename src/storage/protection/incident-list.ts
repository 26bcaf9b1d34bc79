import type { ExpressionBuilder } from 'kysely';
import { VigieError } from '../../core/errors.ts';
import type { IncidentListFilter, IncidentRecord } from '../../services/ports/incident-port.ts';
import type { Database } from '../schema.ts';
import { toIncident } from './incident-rows.ts';
import type { Db } from './run.ts';

type Listed = IncidentRecord & { members: string[] };

/**
 * An organisation's incidents, newest first, a page at a time: keyset pagination on (created_at, id), so a page
 * is as fast deep in the list as at its top and an incident added meanwhile never shifts the next page.
 */
export async function listIncidents(
  db: Db,
  filter: IncidentListFilter,
): Promise<{ incidents: Listed[]; nextCursor: string | null }> {
  const limit = Math.max(1, Math.floor(filter.limit));
  let query = db.selectFrom('incidents').selectAll().where('organisation_id', '=', filter.organisationId);
  if (filter.status !== null) query = query.where('status', '=', filter.status);
  if (filter.from !== null) query = query.where('date_from', '>=', filter.from);
  if (filter.to !== null) query = query.where('date_from', '<=', filter.to);
  const isMember = (eb: ExpressionBuilder<Database, 'incidents'>, userId: string) =>
    eb.exists(
      eb
        .selectFrom('incident_members')
        .select('incident_members.user_id')
        .whereRef('incident_members.incident_id', '=', 'incidents.id')
        .where('incident_members.user_id', '=', userId),
    );
  if (filter.regions.length > 0) {
    const regions = [...filter.regions];
    const exempt = filter.regionsUnlessMember;
    query = query.where((eb) =>
      eb.or([
        eb('admin1', 'in', regions),
        eb('admin1_pcode', 'in', regions),
        ...(exempt === null ? [] : [isMember(eb, exempt)]),
      ]),
    );
  }
  const member = filter.excludeCrsvUnlessMember;
  if (member !== null) query = query.where((eb) => eb.or([eb('crsv', '=', 0), isMember(eb, member)]));
  if (filter.cursor !== null) {
    const [createdAt, id] = decodeCursor(filter.cursor);
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const members = new Map<string, string[]>();
  if (page.length > 0) {
    const found = await db
      .selectFrom('incident_members')
      .select(['incident_id', 'user_id'])
      .where(
        'incident_id',
        'in',
        page.map((r) => r.id),
      )
      .orderBy('added_at')
      .orderBy('user_id')
      .execute();
    for (const m of found) members.set(m.incident_id, [...(members.get(m.incident_id) ?? []), m.user_id]);
  }
  const last = page[page.length - 1];
  return {
    incidents: page.map((r) => ({ ...toIncident(r), members: members.get(r.id) ?? [] })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** Opaque to clients: the last row's sort key, base64url-encoded. */
function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // falls through to the error below
  }
  throw new VigieError('VALIDATION_FAILED', { cursor: 'invalid' });
}
