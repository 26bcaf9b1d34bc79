import type { Kysely } from 'kysely';
import type { ProtectionPort, ProtectionStores } from '../../services/ports/incident-port.ts';
import type { DialectName } from '../dialect.ts';
import type { Database } from '../schema.ts';
import { accountsStore } from './accounts.ts';
import { auditStore } from './audit.ts';
import { incidentsStore } from './incidents.ts';
import { keysStore } from './keys.ts';
import { inTransaction } from './run.ts';

/**
 * Accounts, keys, incidents and the audit chain over Kysely: the same SQL on SQLite and PostgreSQL, apart from
 * how the audit chain is locked. A method called on its own runs on its own (in its own transaction where it
 * writes several rows); `transaction(work)` hands `work` stores bound to one transaction, and inside a
 * transaction a nested `transaction` reuses it. On SQLite every query shares Kysely's one connection, so while a
 * transaction runs, only its own stores may be used: a call on the outer store would wait for it forever.
 */
export function protectionStore(db: Kysely<Database>, dialect: DialectName): ProtectionPort {
  const stores = (on: Kysely<Database>): ProtectionStores => ({
    accounts: accountsStore(on),
    keys: keysStore(on, dialect),
    audit: auditStore(on, dialect),
    incidents: incidentsStore(on, dialect),
  });
  return {
    ...stores(db),
    transaction: (work) => inTransaction(db, dialect, (trx) => work(stores(trx))),
  };
}
