import { VigieError } from '../../core/errors.ts';
import type { DataKeyRecord, KeysPort } from '../../services/ports/protection-port.ts';
import type { DialectName } from '../dialect.ts';
import type { DataKeysTable } from '../schema-protection.ts';
import { lockAuditChain } from './audit.ts';
import { changed, inTransaction, type Db } from './run.ts';

/**
 * Wrapped data keys, and the duress wipe. Erasing deletes the keys (which crypto-erases everything they sealed)
 * and nulls every sealed column too, so nothing sealed is left even for a key-encryption key that leaked. The
 * old values can survive in free pages (SQLite) or dead tuples (PostgreSQL) until a VACUUM, which the caller runs.
 */
export function keysStore(db: Db, dialect: DialectName): KeysPort {
  return {
    async addDataKey(key) {
      await db
        .insertInto('data_keys')
        .values({ id: key.id, purpose: key.purpose, wrapped: key.wrapped, created_at: key.createdAt })
        .execute();
    },

    async dataKey(id) {
      const row = await db.selectFrom('data_keys').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toKey(row) : null;
    },

    async auditKey() {
      // In a transaction the audit key is looked up under the chain's lock, so of two transactions that both find
      // none and create one, the second waits and then sees the first one's: a chain never mixes two keys.
      if (db.isTransaction) await lockAuditChain(db, dialect);
      const row = await db
        .selectFrom('data_keys')
        .selectAll()
        .where('purpose', '=', 'audit')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? toKey(row) : null;
    },

    async allDataKeys() {
      const rows = await db.selectFrom('data_keys').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map(toKey);
    },

    async rewrapAll(keys) {
      await inTransaction(db, dialect, async (trx) => {
        for (const key of keys) {
          const result = await trx
            .updateTable('data_keys')
            .set({ wrapped: key.wrapped })
            .where('id', '=', key.id)
            .executeTakeFirst();
          // A key that vanished mid-rotation means another writer: roll the whole rotation back.
          if (changed(result) === 0) throw new VigieError('CONFLICT', { dataKey: key.id });
        }
      });
    },

    async eraseProtectedData() {
      return inTransaction(db, dialect, async (trx) => {
        const dataKeys = changed(await trx.deleteFrom('data_keys').executeTakeFirst());
        const incidents = changed(
          await trx
            .updateTable('incidents')
            .set({ narrative_sealed: null, data_key_id: null })
            .where((eb) => eb.or([eb('narrative_sealed', 'is not', null), eb('data_key_id', 'is not', null)]))
            .executeTakeFirst(),
        );
        await trx
          .updateTable('incident_sources')
          .set({ description_sealed: null })
          .where('description_sealed', 'is not', null)
          .execute();
        const victims = changed(
          await trx
            .updateTable('victims')
            .set({ name_sealed: null, contact_sealed: null, address_sealed: null, testimony_sealed: null })
            .where((eb) =>
              eb.or([
                eb('name_sealed', 'is not', null),
                eb('contact_sealed', 'is not', null),
                eb('address_sealed', 'is not', null),
                eb('testimony_sealed', 'is not', null),
              ]),
            )
            .executeTakeFirst(),
        );
        const evidence = changed(
          await trx
            .updateTable('evidence')
            .set({ file_name_sealed: null, content_sealed: null })
            .where((eb) =>
              eb.or([eb('file_name_sealed', 'is not', null), eb('content_sealed', 'is not', null)]),
            )
            .executeTakeFirst(),
        );
        await trx
          .updateTable('verification_steps')
          .set({ reason_sealed: null })
          .where('reason_sealed', 'is not', null)
          .execute();
        return { dataKeys, incidents, victims, evidence };
      });
    },
  };
}

function toKey(r: DataKeysTable): DataKeyRecord {
  return {
    id: r.id,
    purpose: r.purpose as DataKeyRecord['purpose'],
    wrapped: r.wrapped,
    createdAt: r.created_at,
  };
}
