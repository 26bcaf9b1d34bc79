import type { AlertPort, AlertStores } from '../../services/ports/alert-port.ts';
import type { DialectName } from '../dialect.ts';
import { auditStore } from '../protection/audit.ts';
import { keysStore } from '../protection/keys.ts';
import { changed, inTransaction, type Db } from '../protection/run.ts';
import { smsAcksStore } from './acknowledgements.ts';
import { alertsStore } from './alerts.ts';
import { deliveriesStore, smsStore } from './messages.ts';

/**
 * Alerts, community messages and deliveries over Kysely, one implementation for both dialects. The keys and the
 * audit chain are the protection stores bound to the same transaction, so an alert, its sealed fields' data key
 * and its audit entry commit together (protection/index.ts explains why, inside a transaction, only the
 * stores handed to `work` may be used).
 */
export function alertStore(db: Db, dialect: DialectName): AlertPort {
  const stores = (on: Db): AlertStores => ({
    alerts: alertsStore(on),
    sms: smsStore(on),
    deliveries: deliveriesStore(on),
    smsAcks: smsAcksStore(on),
    keys: keysStore(on, dialect),
    audit: auditStore(on, dialect),
    async organisationId(name) {
      if (name !== null) {
        const row = await on
          .selectFrom('organisations')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirst();
        return row?.id ?? null;
      }
      const rows = await on.selectFrom('organisations').select('id').limit(2).execute();
      return rows.length === 1 ? rows[0]!.id : null;
    },
    async userInOrganisation(userId, organisationId) {
      const row = await on
        .selectFrom('users')
        .select('id')
        .where('id', '=', userId)
        .where('organisation_id', '=', organisationId)
        .where('disabled', '=', 0)
        .executeTakeFirst();
      return row !== undefined;
    },
    async eraseSealed() {
      const alerts = await on
        .updateTable('alerts')
        .set({ evidence_sealed: null })
        .where('evidence_sealed', 'is not', null)
        .executeTakeFirst();
      const messages = await on
        .updateTable('sms_messages')
        .set({ sender_sealed: null, text_sealed: null })
        .where('sender_sealed', 'is not', null)
        .executeTakeFirst();
      return { alerts: changed(alerts), messages: changed(messages) };
    },
  });
  return { ...stores(db), transaction: (work) => inTransaction(db, dialect, (trx) => work(stores(trx))) };
}
