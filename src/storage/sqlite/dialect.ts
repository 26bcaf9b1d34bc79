import { SqliteAdapter, SqliteDialect, type DialectAdapter } from 'kysely';
import type { SqliteDatabase } from './connect.ts';

/**
 * SQLite runs DDL inside transactions, but Kysely's SQLite adapter says it does not, so its migrator would apply
 * migrations statement by statement: a process killed halfway through a migration (a laptop's battery, a
 * SIGKILL) left half its tables, and every later start failed on "table already exists". Saying so makes the
 * migrator run all pending migrations and their bookkeeping rows in one transaction: all or nothing.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

export function sqliteDialect(database: SqliteDatabase): SqliteDialect {
  return new TransactionalSqliteDialect({ database });
}
