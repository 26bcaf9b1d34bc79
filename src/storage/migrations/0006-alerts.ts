import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/** Alerts and their timeline, community SMS (sealed) with the triage queue, and the notification outbox. */
export async function up(db: Kysely<unknown>, _d: DialectColumns): Promise<void> {
  const s = db.schema;
  await s
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_key', 'text')
    .addColumn('admin1', 'text')
    .addColumn('admin1_pcode', 'text')
    .addColumn('admin2_pcode', 'text')
    .addColumn('place_code', 'text')
    .addColumn('place_name', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('harm', 'text', (c) => c.notNull())
    .addColumn('people_count', 'integer')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('required_response', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('evidence_sealed', 'text')
    .addColumn('links_json', 'text', (c) => c.notNull())
    .addColumn('data_key_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('responding_at', 'text')
    .addColumn('responding_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alerts_source_key', ['organisation_id', 'source_key'])
    .execute();
  await s
    .createIndex('alerts_by_org_created')
    .on('alerts')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute();
  await s
    .createTable('alert_steps')
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user', 'text')
    .addPrimaryKeyConstraint('alert_steps_pk', ['alert_id', 'seq'])
    .execute();
  await s
    .createTable('sms_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('gateway_id', 'text', (c) => c.notNull())
    .addColumn('sender_hash', 'text', (c) => c.notNull())
    .addColumn('sender_sealed', 'text')
    .addColumn('text_sealed', 'text')
    .addColumn('data_key_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('parse_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('alert_id', 'text', (c) => c.references('alerts.id'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('sms_gateway_message', ['gateway', 'gateway_id'])
    .execute();
  await s
    .createIndex('sms_by_org_status')
    .on('sms_messages')
    .columns(['organisation_id', 'status', 'received_at'])
    .execute();
  await s
    .createIndex('sms_by_sender')
    .on('sms_messages')
    .columns(['organisation_id', 'sender_hash'])
    .execute();
  await s
    .createTable('alert_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id'))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts_json', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute();
  await s
    .createIndex('alert_deliveries_due')
    .on('alert_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
}
