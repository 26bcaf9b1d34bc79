import { Kysely, Migrator, sql } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteFile } from './connect.ts';
import { sqliteDialect } from './dialect.ts';

describe('SQLite migrations', () => {
  it('apply all pending migrations in one transaction: a failure leaves no half-made schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-ddl-'));
    const db = new Kysely<unknown>({ dialect: sqliteDialect(openSqliteFile(join(dir, 'v.db'))) });
    try {
      const migrator = new Migrator({
        db,
        provider: {
          getMigrations: () =>
            Promise.resolve({
              '0001-a': {
                up: (k: Kysely<unknown>) => k.schema.createTable('a').addColumn('x', 'integer').execute(),
              },
              '0002-b': {
                up: async (k: Kysely<unknown>) => {
                  await k.schema.createTable('b').addColumn('x', 'integer').execute();
                  throw new Error('killed halfway');
                },
              },
            }),
        },
      });
      const { error } = await migrator.migrateToLatest();
      expect(String(error)).toContain('killed halfway');
      const tables = await sql<{
        name: string;
      }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')`.execute(db);
      expect(tables.rows).toEqual([]);
      const done = await sql<{ n: number }>`SELECT count(*) AS n FROM kysely_migration`.execute(db);
      expect(done.rows[0]?.n).toBe(0);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
