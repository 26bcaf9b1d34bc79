import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStorage, type Storage } from '../../src/storage/open.ts';

/**
 * Real databases for medium tests: a fresh SQLite file in a temporary folder, and a fresh database on the local
 * PostgreSQL server (VIGIE_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres). Under CI an
 * unreachable PostgreSQL fails the run; elsewhere its tests are skipped with the reason printed.
 */
export const PG_ADMIN_URL = process.env['VIGIE_TEST_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  open(): Promise<Storage>;
  /** Connection options as the CLI takes them. */
  cliArgs: string[];
  drop(): Promise<void>;
}

export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env['CI'])
      throw new Error(`CI is set but PostgreSQL is unreachable at ${PG_ADMIN_URL}: ${String(error)}`);
    console.warn(`skipping PostgreSQL tests: ${PG_ADMIN_URL} unreachable (${String(error)})`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-test-'));
  const path = join(dir, 'vigie.db');
  return {
    name: 'sqlite',
    open: () => openStorage({ sqlitePath: path }),
    cliArgs: ['--db', path],
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

export async function postgresDatabase(): Promise<TestDatabase> {
  const name = `vigie_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    open: () => openStorage({ databaseUrl: url.toString() }),
    cliArgs: ['--database-url', url.toString()],
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const pgUp = await postgresAvailable();

/** The dialects to loop a contract suite over: SQLite always, PostgreSQL when its server answers. */
export const DIALECTS: ReadonlyArray<{ name: 'sqlite' | 'postgres'; create: () => Promise<TestDatabase> }> = [
  { name: 'sqlite', create: () => Promise.resolve(sqliteDatabase()) },
  ...(pgUp ? [{ name: 'postgres' as const, create: postgresDatabase }] : []),
];
