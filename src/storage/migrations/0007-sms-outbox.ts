import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/**
 * The outbox of acknowledgements to community senders (Africa's Talking): one row per stored message, written in
 * the message's transaction and sent by a worker off the webhook's request. The row holds no number: the worker
 * opens the message's sealed sender when it sends. The text is the acknowledgement itself (codes and the alert's
 * reference, the same words the webhook answers with), never the message.
 */
export async function up(db: Kysely<unknown>, _d: DialectColumns): Promise<void> {
  const s = db.schema;
  await s
    .createTable('sms_acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().unique().references('sms_messages.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('gateway', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await s
    .createIndex('sms_acknowledgements_due')
    .on('sms_acknowledgements')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await s
    .createIndex('sms_acknowledgements_by_org')
    .on('sms_acknowledgements')
    .columns(['organisation_id', 'status'])
    .execute();
}
