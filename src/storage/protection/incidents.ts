import type { IncidentsPort } from '../../services/ports/incident-port.ts';
import type { DialectName } from '../dialect.ts';
import { evidenceStore } from './evidence.ts';
import { readBundle } from './incident-bundle.ts';
import { listIncidents } from './incident-list.ts';
import { countRow, incidentRow, sourceRow, stepRow, toIncident, victimRow } from './incident-rows.ts';
import { changed, inTransaction, type Db } from './run.ts';
import { countedIncidents } from './verified-cells.ts';

/**
 * Writes of incidents with their members, sources, counts and victims. Reads live next door: incident-bundle.ts,
 * incident-list.ts, verified-cells.ts; evidence and custody in evidence.ts.
 */
export function incidentsStore(db: Db, dialect: DialectName): IncidentsPort {
  return {
    async nextReference(year) {
      // The highest number of the year + 1 (not a count, so a gap never makes it collide); `reference` is unique,
      // so two writers racing for the same number fail loudly rather than share it.
      const prefix = `INC-${year}-`;
      const row = await db
        .selectFrom('incidents')
        .select((eb) => eb.fn.max('reference').as('last'))
        .where('reference', 'like', `${prefix}%`)
        .executeTakeFirst();
      const last = row?.last ? Number.parseInt(row.last.slice(prefix.length), 10) : 0;
      return `${prefix}${String((Number.isFinite(last) ? last : 0) + 1).padStart(6, '0')}`;
    },

    async insert(bundle) {
      const { incident } = bundle;
      await inTransaction(db, dialect, async (trx) => {
        await trx.insertInto('incidents').values(incidentRow(incident)).execute();
        if (bundle.members.length > 0) {
          await trx
            .insertInto('incident_members')
            .values(
              [...new Set(bundle.members)].map((userId) => ({
                incident_id: incident.id,
                user_id: userId,
                added_by: incident.reportedBy,
                added_at: incident.createdAt,
              })),
            )
            .execute();
        }
        if (bundle.sources.length > 0) {
          await trx
            .insertInto('incident_sources')
            .values(bundle.sources.map((s) => sourceRow(incident.id, s)))
            .execute();
        }
        if (bundle.victimCounts.length > 0) {
          await trx
            .insertInto('victim_counts')
            .values(bundle.victimCounts.map((c) => countRow(incident.id, c)))
            .execute();
        }
        if (bundle.victims.length > 0) {
          await trx
            .insertInto('victims')
            .values(bundle.victims.map((v) => victimRow(incident.id, v)))
            .execute();
        }
      });
    },

    async byClientId(organisationId, clientId) {
      const row = await db
        .selectFrom('incidents')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('client_id', '=', clientId)
        .executeTakeFirst();
      return row ? toIncident(row) : null;
    },

    bundle: (id) => readBundle(db, id),

    list: (filter) => listIncidents(db, filter),

    async setStatus(id, expectedVersion, step) {
      return inTransaction(db, dialect, async (trx) => {
        const result = await trx
          .updateTable('incidents')
          .set((eb) => ({
            status: step.toStatus,
            standard_of_proof: step.standardOfProof,
            version: eb('version', '+', 1),
            updated_at: step.decidedAt,
          }))
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (changed(result) === 0) return false;
        await trx.insertInto('verification_steps').values(stepRow(id, step)).execute();
        return true;
      });
    },

    async addMember(incidentId, userId, addedBy, at) {
      await db
        .insertInto('incident_members')
        .values({ incident_id: incidentId, user_id: userId, added_by: addedBy, added_at: at })
        .onConflict((oc) => oc.columns(['incident_id', 'user_id']).doNothing())
        .execute();
    },

    async addVictims(incidentId, victims, at) {
      if (victims.length === 0) return;
      await inTransaction(db, dialect, async (trx) => {
        await trx
          .insertInto('victims')
          .values(victims.map((v) => victimRow(incidentId, v)))
          .execute();
        // The record changed, but not its verification: `version` guards the status workflow only.
        await trx.updateTable('incidents').set({ updated_at: at }).where('id', '=', incidentId).execute();
      });
    },

    ...evidenceStore(db),

    async linkEvent(incidentId, eventId, by, at) {
      await db
        .insertInto('incident_event_links')
        .values({ incident_id: incidentId, event_id: eventId, confirmed_by: by, confirmed_at: at })
        .onConflict((oc) => oc.columns(['incident_id', 'event_id']).doNothing())
        .execute();
    },

    verifiedCells: () => countedIncidents(db, { organisationId: null, verifiedOnly: true }),
    organisationIncidents: (organisationId) => countedIncidents(db, { organisationId, verifiedOnly: false }),
  };
}
