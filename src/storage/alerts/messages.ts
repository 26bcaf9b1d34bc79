import type {
  DeliveriesStore,
  DeliveryRecord,
  SmsRecord,
  SmsStore,
} from '../../services/ports/alert-port.ts';
import { changed, type Db } from '../protection/run.ts';
import type { AlertDeliveriesTable, SmsMessagesTable } from './schema.ts';

function toSms(r: SmsMessagesTable): SmsRecord {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    gateway: r.gateway as SmsRecord['gateway'],
    gatewayId: r.gateway_id,
    senderHash: r.sender_hash,
    // A wiped message keeps its codes; its sealed fields are gone (the service then answers it as erased).
    senderSealed: r.sender_sealed ?? '',
    textSealed: r.text_sealed ?? '',
    dataKeyId: r.data_key_id,
    receivedAt: r.received_at,
    parseJson: r.parse_json,
    status: r.status as SmsRecord['status'],
    alertId: r.alert_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export function smsStore(db: Db): SmsStore {
  return {
    async byGatewayId(gateway, gatewayId) {
      const row = await db
        .selectFrom('sms_messages')
        .selectAll()
        .where('gateway', '=', gateway)
        .where('gateway_id', '=', gatewayId)
        .executeTakeFirst();
      return row ? toSms(row) : null;
    },
    async get(id) {
      const row = await db.selectFrom('sms_messages').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toSms(row) : null;
    },
    async insert(m) {
      await db
        .insertInto('sms_messages')
        .values({
          id: m.id,
          organisation_id: m.organisationId,
          gateway: m.gateway,
          gateway_id: m.gatewayId,
          sender_hash: m.senderHash,
          sender_sealed: m.senderSealed,
          text_sealed: m.textSealed,
          data_key_id: m.dataKeyId,
          received_at: m.receivedAt,
          parse_json: m.parseJson,
          status: m.status,
          alert_id: m.alertId,
          decided_by: m.decidedBy,
          decided_at: m.decidedAt,
        })
        .execute();
    },
    async decide(id, change) {
      const result = await db
        .updateTable('sms_messages')
        .set({
          status: change.status,
          alert_id: change.alertId,
          decided_by: change.decidedBy,
          decided_at: change.decidedAt,
        })
        .where('id', '=', id)
        .where('status', '=', 'triage')
        .executeTakeFirst();
      return changed(result) === 1;
    },
    async triage(organisationId, limit) {
      const rows = await db
        .selectFrom('sms_messages')
        .selectAll()
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'triage')
        .orderBy('received_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toSms);
    },
    async forAlert(alertId) {
      const rows = await db
        .selectFrom('sms_messages')
        .selectAll()
        .where('alert_id', '=', alertId)
        .orderBy('received_at')
        .execute();
      return rows.map(toSms);
    },
    async countBySender(organisationId, senderHash) {
      const row = await db
        .selectFrom('sms_messages')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('organisation_id', '=', organisationId)
        .where('sender_hash', '=', senderHash)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}

function toDelivery(r: AlertDeliveriesTable): DeliveryRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    event: r.event,
    channel: r.channel as DeliveryRecord['channel'],
    target: r.target,
    payloadJson: r.payload_json,
    status: r.status as DeliveryRecord['status'],
    attempts: JSON.parse(r.attempts_json) as DeliveryRecord['attempts'],
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    deliveredAt: r.delivered_at,
  };
}

function toDeliveryRow(d: DeliveryRecord): AlertDeliveriesTable {
  return {
    id: d.id,
    alert_id: d.alertId,
    event: d.event,
    channel: d.channel,
    target: d.target,
    payload_json: d.payloadJson,
    status: d.status,
    attempts_json: JSON.stringify(d.attempts),
    next_attempt_at: d.nextAttemptAt,
    created_at: d.createdAt,
    delivered_at: d.deliveredAt,
  };
}

export function deliveriesStore(db: Db): DeliveriesStore {
  return {
    async add(d) {
      await db.insertInto('alert_deliveries').values(toDeliveryRow(d)).execute();
    },
    async get(id) {
      const row = await db.selectFrom('alert_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toDelivery(row) : null;
    },
    async due(at, limit) {
      const rows = await db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },
    async save(d) {
      const { id: _id, ...row } = toDeliveryRow(d);
      await db.updateTable('alert_deliveries').set(row).where('id', '=', d.id).execute();
    },
    async claim(id, expected, leaseUntil) {
      const result = await db
        .updateTable('alert_deliveries')
        .set({ next_attempt_at: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', expected)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    async forAlert(alertId) {
      const rows = await db
        .selectFrom('alert_deliveries')
        .selectAll()
        .where('alert_id', '=', alertId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toDelivery);
    },
  };
}
