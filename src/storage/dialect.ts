import type { CreateTableBuilder } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The few column definitions that differ between SQLite and PostgreSQL. Each dialect folder exports one of these
 * (sqlite/columns.ts, postgres/columns.ts); migrations use it and stay otherwise identical.
 */
export interface DialectColumns {
  name: DialectName;
  /** Adds an auto-incrementing integer primary key named `id`. */
  addId<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
}
