import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';
import { insertRollups } from '../rollups.ts';
import type { Database } from '../schema.ts';

/**
 * Monthly rollups of events (storage/rollups.ts) and the marks of months whose rollup is out of date. A database
 * that already holds events gets its rollups computed here, so the overview is right from the first start.
 */
export async function up(db: Kysely<unknown>, _d: DialectColumns): Promise<void> {
  await db.schema
    .createTable('event_rollups')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('admin1', 'text')
    .addColumn('admin1_pcode', 'text')
    .addColumn('admin2_pcode', 'text')
    .addColumn('event_type', 'text')
    .addColumn('perpetrator_category', 'text')
    .addColumn('harm_category', 'text')
    .addColumn('civilian_harm', 'integer', (c) => c.notNull())
    .addColumn('coarse_location', 'integer', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('fatalities', 'integer', (c) => c.notNull())
    .addColumn('civilian_fatalities', 'integer', (c) => c.notNull())
    .execute();
  // Refreshes delete by (source, month).
  await db.schema
    .createIndex('event_rollups_source_month_idx')
    .on('event_rollups')
    .columns(['source', 'month'])
    .execute();

  await db.schema
    .createTable('rollup_pending')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rollup_pending_pk', ['source', 'month'])
    .execute();

  await db.schema
    .createTable('rollup_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  const typed = db as Kysely<Database>;
  await typed.insertInto('rollup_state').values({ id: 1, version: 1 }).execute();

  await typed.executeQuery(insertRollups(typed, null, null).compile());
}
