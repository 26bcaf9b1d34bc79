import { sql, type Selectable } from 'kysely';
import type { AuditEntryRecord, AuditHead, AuditPort } from '../../services/ports/protection-port.ts';
import type { DialectName } from '../dialect.ts';
import type { AuditLogTable } from '../schema-protection.ts';
import { inTransaction, type Db } from './run.ts';

const PAGE = 1000;

/**
 * The audit chain. Appends are serialised: PostgreSQL locks `audit_head` for the rest of the transaction (a table
 * lock, so it also holds before the first head row exists; plain reads of the head are not blocked); SQLite holds
 * the database write lock. The head is read after the lock, so each `link` sees the previous append's head.
 */
export function auditStore(db: Db, dialect: DialectName): AuditPort {
  return {
    async append(link) {
      await inTransaction(db, dialect, async (trx) => {
        await lockAuditChain(trx, dialect);
        const { entry, head } = link(await readHead(trx));
        await trx
          .insertInto('audit_log')
          .values({
            seq: entry.seq,
            at: entry.at,
            actor_id: entry.actorId,
            action: entry.action,
            target_type: entry.targetType,
            target_id: entry.targetId,
            details_json: JSON.stringify(entry.details),
            mac: entry.mac,
          })
          .execute();
        await trx
          .insertInto('audit_head')
          .values({ id: 1, seq: head.seq, mac: head.mac, signature: head.signature })
          .onConflict((oc) =>
            oc.column('id').doUpdateSet({ seq: head.seq, mac: head.mac, signature: head.signature }),
          )
          .execute();
      });
    },

    async *entries() {
      // Every row, in id order, a page at a time (no lower bound on the first page: a row slipped in with a
      // low or negative id must still reach the verifier).
      let after: number | null = null;
      for (;;) {
        let query = db.selectFrom('audit_log').selectAll().orderBy('id').limit(PAGE);
        if (after !== null) query = query.where('id', '>', after);
        const rows = await query.execute();
        for (const row of rows) yield toEntry(row);
        const last = rows[rows.length - 1];
        if (rows.length < PAGE || last === undefined) return;
        after = last.id;
      }
    },

    head: () => readHead(db),

    async recent(limit, targetId, organisationId = null) {
      let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
      if (targetId !== null) query = query.where('target_id', '=', targetId);
      // An organisation's admin sees what its own people did, never another organisation's trail.
      if (organisationId !== null)
        query = query.where(
          'actor_id',
          'in',
          db.selectFrom('users').select('id').where('organisation_id', '=', organisationId),
        );
      const rows = await query.execute();
      return rows.map(toEntry);
    },
  };
}

/** Holds the chain's lock until the transaction `trx` ends. */
export async function lockAuditChain(trx: Db, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') await sql`LOCK TABLE audit_head IN EXCLUSIVE MODE`.execute(trx);
  else await sql`UPDATE audit_head SET seq = seq WHERE id = 0`.execute(trx);
}

async function readHead(db: Db): Promise<AuditHead | null> {
  const row = await db
    .selectFrom('audit_head')
    .select(['seq', 'mac', 'signature'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ?? null;
}

function toEntry(r: Selectable<AuditLogTable>): AuditEntryRecord {
  return {
    seq: r.seq,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: JSON.parse(r.details_json) as AuditEntryRecord['details'],
    mac: r.mac,
  };
}
