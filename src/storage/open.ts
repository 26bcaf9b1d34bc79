import { Kysely, sql } from 'kysely';
import { VigieError } from '../core/errors.ts';
import type { EventImportPort } from '../services/ports/event-import-port.ts';
import type { ProtectionPort } from '../services/ports/incident-port.ts';
import type { DialectName } from './dialect.ts';
import { migrateToLatest } from './migrations/index.ts';
import { postgresColumns } from './postgres/columns.ts';
import { openPostgres } from './postgres/connect.ts';
import { postgresEventImport } from './postgres/event-import.ts';
import { protectionStore } from './protection/index.ts';
import type { Database } from './schema.ts';
import { sqliteColumns } from './sqlite/columns.ts';
import { openSqliteFile } from './sqlite/connect.ts';
import { sqliteDialect } from './sqlite/dialect.ts';
import { sqliteEventImport } from './sqlite/event-import.ts';

export interface StorageTarget {
  /** SQLite file path (the embedded default). */
  sqlitePath?: string;
  /** postgres://… connection string; wins over sqlitePath when both are given. */
  databaseUrl?: string;
}

/** An open, migrated database: a Kysely handle for queries plus the dialect-specific import writer. */
export interface Storage {
  readonly dialect: DialectName;
  readonly db: Kysely<Database>;
  readonly eventImport: EventImportPort;
  /** Accounts, keys, incidents and the audit chain (protection/index.ts). */
  readonly protection: ProtectionPort;
  /** Human description without secrets (no password in the URL). */
  readonly description: string;
  /** Returns the space of deleted rows to the file system (SQLite VACUUM; PostgreSQL VACUUM FULL of the protected tables), so erased ciphertext does not linger. */
  compact(): Promise<void>;
  close(): Promise<void>;
}

const PROTECTED_TABLES = [
  'data_keys',
  'incidents',
  'incident_sources',
  'victims',
  'evidence',
  'verification_steps',
  'alerts',
  'sms_messages',
];

export async function openStorage(target: StorageTarget): Promise<Storage> {
  const storage = target.databaseUrl ? openPostgresStorage(target.databaseUrl) : openSqliteStorage(target);
  try {
    await migrateToLatest(
      storage.db as unknown as Kysely<unknown>,
      storage.dialect === 'sqlite' ? sqliteColumns : postgresColumns,
    );
  } catch (error) {
    await storage.close();
    throw new VigieError('STORAGE_UNAVAILABLE', { target: storage.description, reason: String(error) });
  }
  return storage;
}

function openSqliteStorage(target: StorageTarget): Storage {
  const path = target.sqlitePath ?? './vigie-data/vigie.db';
  let main;
  try {
    main = openSqliteFile(path);
  } catch (error) {
    throw new VigieError('STORAGE_UNAVAILABLE', { target: path, reason: String(error) });
  }
  const db = new Kysely<Database>({ dialect: sqliteDialect(main) });
  return {
    dialect: 'sqlite',
    db,
    eventImport: sqliteEventImport(() => openSqliteFile(path, { cacheMb: 64 })),
    protection: protectionStore(db, 'sqlite'),
    description: `sqlite:${path}`,
    compact: async () => {
      // The WAL still holds the old pages after VACUUM: checkpoint and truncate it too.
      await sql`VACUUM`.execute(db);
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
    },
    close: () => db.destroy(),
  };
}

function openPostgresStorage(url: string): Storage {
  const db = openPostgres(url);
  return {
    dialect: 'postgres',
    db,
    eventImport: postgresEventImport(db),
    protection: protectionStore(db, 'postgres'),
    description: redactUrl(url),
    compact: async () => {
      for (const table of PROTECTED_TABLES) await sql`VACUUM FULL ${sql.table(table)}`.execute(db);
    },
    close: () => db.destroy(),
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}
