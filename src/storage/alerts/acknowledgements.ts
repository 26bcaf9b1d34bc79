import type { SmsAckRecord, SmsAcksStore } from '../../services/ports/sms-ack-port.ts';
import { changed, type Db } from '../protection/run.ts';
import type { SmsAcknowledgementsTable } from './schema.ts';

function toAck(r: SmsAcknowledgementsTable): SmsAckRecord {
  return {
    id: r.id,
    messageId: r.message_id,
    organisationId: r.organisation_id,
    gateway: r.gateway as SmsAckRecord['gateway'],
    text: r.text,
    status: r.status as SmsAckRecord['status'],
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    sentAt: r.sent_at,
  };
}

function toRow(a: SmsAckRecord): SmsAcknowledgementsTable {
  return {
    id: a.id,
    message_id: a.messageId,
    organisation_id: a.organisationId,
    gateway: a.gateway,
    text: a.text,
    status: a.status,
    attempts: a.attempts,
    next_attempt_at: a.nextAttemptAt,
    last_error: a.lastError,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    sent_at: a.sentAt,
  };
}

/** The acknowledgement outbox over Kysely, the same SQL on both dialects (ISO text times compare as strings). */
export function smsAcksStore(db: Db): SmsAcksStore {
  return {
    async add(a) {
      await db.insertInto('sms_acknowledgements').values(toRow(a)).execute();
    },
    async forMessage(messageId) {
      const row = await db
        .selectFrom('sms_acknowledgements')
        .selectAll()
        .where('message_id', '=', messageId)
        .executeTakeFirst();
      return row ? toAck(row) : null;
    },
    async due(at, limit) {
      const rows = await db
        .selectFrom('sms_acknowledgements')
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toAck);
    },
    async nextDue() {
      const row = await db
        .selectFrom('sms_acknowledgements')
        .select((eb) => eb.fn.min('next_attempt_at').as('at'))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return row?.at ?? null;
    },
    async claim(id, expected, leaseUntil) {
      const result = await db
        .updateTable('sms_acknowledgements')
        .set({ next_attempt_at: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '=', expected)
        .executeTakeFirst();
      return changed(result) === 1;
    },
    async save(a) {
      const { id: _id, ...row } = toRow(a);
      await db.updateTable('sms_acknowledgements').set(row).where('id', '=', a.id).execute();
    },
    async counts(organisationId) {
      let query = db
        .selectFrom('sms_acknowledgements')
        .select((eb) => [
          'status',
          eb.fn.countAll<string | number>().as('n'),
          eb.fn.min('created_at').as('oldest'),
          eb.fn.min('next_attempt_at').as('next'),
        ])
        .groupBy('status');
      if (organisationId !== null) query = query.where('organisation_id', '=', organisationId);
      const rows = await query.execute();
      const of = (status: string) => rows.find((r) => r.status === status);
      const pending = of('pending');
      return {
        pending: Number(of('pending')?.n ?? 0),
        sent: Number(of('sent')?.n ?? 0),
        failed: Number(of('failed')?.n ?? 0),
        oldestPendingAt: pending?.oldest ?? null,
        nextAttemptAt: pending?.next ?? null,
      };
    },
  };
}
