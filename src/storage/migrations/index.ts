import { Migrator, type Kysely, type Migration } from 'kysely';
import type { DialectColumns } from '../dialect.ts';
import * as m0001 from './0001-events.ts';
import * as m0002 from './0002-places.ts';
import * as m0003 from './0003-rollups.ts';
import * as m0004 from './0004-protection.ts';
import * as m0005 from './0005-forecasts.ts';
import * as m0006 from './0006-alerts.ts';
import * as m0007 from './0007-sms-outbox.ts';
import * as m0008 from './0008-forecast-source.ts';
import * as m0009 from './0009-forecast-interval50.ts';

type DialectMigration = (db: Kysely<unknown>, d: DialectColumns) => Promise<void>;

/** Migrations in order; each receives the dialect's column helpers so the SQL that differs stays in sqlite/ and postgres/. */
const MIGRATIONS: ReadonlyArray<readonly [string, DialectMigration]> = [
  ['0001-events', m0001.up],
  ['0002-places', m0002.up],
  ['0003-rollups', m0003.up],
  ['0004-protection', m0004.up],
  ['0005-forecasts', m0005.up],
  ['0006-alerts', m0006.up],
  ['0007-sms-outbox', m0007.up],
  ['0008-forecast-source', m0008.up],
  ['0009-forecast-interval50', m0009.up],
];

export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectColumns): Promise<void> {
  const migrations: Record<string, Migration> = {};
  for (const [name, up] of MIGRATIONS) migrations[name] = { up: (k) => up(k, dialect) };
  const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
