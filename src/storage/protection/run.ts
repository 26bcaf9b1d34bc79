import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../dialect.ts';
import type { Database } from '../schema.ts';

export type Db = Kysely<Database>;

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (nested calls reuse it), else a new one.
 * On SQLite the new transaction takes the write lock first, as BEGIN IMMEDIATE would (Kysely opens a deferred
 * one): a transaction that reads before it writes then waits on busy_timeout for another connection (an import,
 * the CLI) instead of failing with SQLITE_BUSY_SNAPSHOT when it upgrades. On PostgreSQL the statements that
 * need serialising lock what they read (audit.ts).
 */
export async function inTransaction<T>(
  db: Db,
  dialect: DialectName,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(async (trx) => {
    if (dialect === 'sqlite') await sql`UPDATE audit_head SET seq = seq WHERE id = 0`.execute(trx);
    return work(trx);
  });
}

/** Rows a write changed, as a number on both drivers (better-sqlite3 answers with a bigint). */
export function changed(result: { numUpdatedRows: bigint } | { numDeletedRows: bigint }): number {
  return Number('numUpdatedRows' in result ? result.numUpdatedRows : result.numDeletedRows);
}

export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number): boolean => value !== 0;
