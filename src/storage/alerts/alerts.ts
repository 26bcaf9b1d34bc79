import type { AlertRecord, AlertStep, AlertsStore } from '../../services/ports/alert-port.ts';
import { changed, type Db } from '../protection/run.ts';
import type { AlertsTable } from './schema.ts';

const COLUMNS: Record<keyof Omit<AlertRecord, 'links'>, keyof AlertsTable> = {
  id: 'id',
  organisationId: 'organisation_id',
  reference: 'reference',
  source: 'source',
  sourceKey: 'source_key',
  admin1: 'admin1',
  admin1Pcode: 'admin1_pcode',
  admin2Pcode: 'admin2_pcode',
  placeCode: 'place_code',
  placeName: 'place_name',
  latitude: 'latitude',
  longitude: 'longitude',
  harm: 'harm',
  peopleCount: 'people_count',
  severity: 'severity',
  ownerId: 'owner_id',
  requiredResponse: 'required_response',
  deadline: 'deadline',
  state: 'state',
  outcome: 'outcome',
  evidenceSealed: 'evidence_sealed',
  dataKeyId: 'data_key_id',
  createdBy: 'created_by',
  createdAt: 'created_at',
  acknowledgedAt: 'acknowledged_at',
  acknowledgedBy: 'acknowledged_by',
  respondingAt: 'responding_at',
  respondingBy: 'responding_by',
  closedAt: 'closed_at',
  closedBy: 'closed_by',
  updatedAt: 'updated_at',
};

function toRow(change: Partial<AlertRecord>): Partial<AlertsTable> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(change)) {
    if (key === 'links') row['links_json'] = JSON.stringify(value);
    else row[COLUMNS[key as keyof typeof COLUMNS]] = value;
  }
  return row;
}

function toAlert(row: AlertsTable): AlertRecord {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS)) out[key] = row[column];
  out['links'] = JSON.parse(row.links_json) as AlertRecord['links'];
  // PostgreSQL answers double precision as numbers and integers as numbers; nothing else to convert.
  return out as unknown as AlertRecord;
}

export function alertsStore(db: Db): AlertsStore {
  return {
    async nextReference(year) {
      const prefix = `ALR-${year}-`;
      const row = await db
        .selectFrom('alerts')
        .select((eb) => eb.fn.max('reference').as('last'))
        .where('reference', 'like', `${prefix}%`)
        .executeTakeFirst();
      const last = row?.last ? Number.parseInt(row.last.slice(prefix.length), 10) : 0;
      return `${prefix}${String((Number.isFinite(last) ? last : 0) + 1).padStart(6, '0')}`;
    },
    async insert(alert) {
      await db
        .insertInto('alerts')
        .values(toRow(alert) as AlertsTable)
        .execute();
    },
    async update(id, expected, change) {
      const result = await db
        .updateTable('alerts')
        .set(toRow(change))
        .where('id', '=', id)
        .where('state', '=', expected)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    async get(id) {
      const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAlert(row) : null;
    },
    async bySourceKey(organisationId, sourceKey) {
      const row = await db
        .selectFrom('alerts')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('source_key', '=', sourceKey)
        .executeTakeFirst();
      return row ? toAlert(row) : null;
    },
    async list(f) {
      let q = db.selectFrom('alerts').selectAll().where('organisation_id', '=', f.organisationId);
      if (f.states && f.states.length > 0) q = q.where('state', 'in', [...f.states]);
      if (f.from) q = q.where('created_at', '>=', f.from);
      if (f.to) q = q.where('created_at', '<', f.to);
      const before = f.before;
      if (before)
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        );
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
      return rows.map(toAlert);
    },
    async addStep(step) {
      await db
        .insertInto('alert_steps')
        .values({
          alert_id: step.alertId,
          seq: step.seq,
          action: step.action,
          state: step.state,
          at: step.at,
          by_user: step.by,
        })
        .execute();
    },
    async steps(alertId) {
      const rows = await db
        .selectFrom('alert_steps')
        .selectAll()
        .where('alert_id', '=', alertId)
        .orderBy('seq')
        .execute();
      return rows.map((r): AlertStep => ({
        alertId: r.alert_id,
        seq: r.seq,
        action: r.action as AlertStep['action'],
        state: r.state as AlertStep['state'],
        at: r.at,
        by: r.by_user,
      }));
    },
  };
}
