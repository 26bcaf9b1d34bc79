import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/** Events, their revisions and tombstones, and the import runs that wrote them. */
export async function up(db: Kysely<unknown>, d: DialectColumns): Promise<void> {
  await d
    .addId(db.schema.createTable('import_runs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text')
    .addColumn('layout', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('issues_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  let events = d
    .addId(db.schema.createTable('events'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull());
  for (const [name, type] of EVENT_COLUMNS) events = events.addColumn(name, type);
  await events
    .addColumn('first_import_run', 'integer', (c) => c.notNull().references('import_runs.id'))
    .addColumn('last_import_run', 'integer', (c) => c.notNull().references('import_runs.id'))
    .addUniqueConstraint('events_source_id_unique', ['source', 'source_id'])
    .execute();
  for (const cols of [
    ['event_date'],
    ['country', 'event_date'],
    ['admin1'],
    ['admin2_pcode'],
    ['h3r5'],
    ['priogrid'],
  ]) {
    await db.schema
      .createIndex(`events_${cols.join('_')}_idx`)
      .on('events')
      .columns(cols)
      .execute();
  }

  await d
    .addId(db.schema.createTable('event_revisions'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('import_run_id', 'integer', (c) => c.notNull().references('import_runs.id'))
    .addColumn('revised_at', 'text', (c) => c.notNull())
    .addColumn('changed_fields', 'text', (c) => c.notNull())
    .addColumn('previous_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_revisions_event_idx').on('event_revisions').column('event_id').execute();

  await d
    .addId(db.schema.createTable('event_tombstones'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.notNull().references('import_runs.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('last_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('event_tombstones_source_idx')
    .on('event_tombstones')
    .columns(['source', 'source_id'])
    .execute();
}

/**
 * Every event column but the key, hash and run references, with its SQL type. NOT NULL is enforced by the
 * importers' validation rather than here, so that a schema change never has to rewrite the table on SQLite.
 */
const EVENT_COLUMNS: ReadonlyArray<readonly [string, 'text' | 'integer' | 'double precision']> = [
  ['source_timestamp', 'integer'],
  ['source_version', 'text'],
  ['event_date', 'text'],
  ['date_end', 'text'],
  ['date_precision', 'text'],
  ['year', 'integer'],
  ['month', 'text'],
  ['country', 'text'],
  ['country_name', 'text'],
  ['source_admin1', 'text'],
  ['source_admin2', 'text'],
  ['source_admin3', 'text'],
  ['location', 'text'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['geo_precision', 'integer'],
  ['coarse_location', 'integer'],
  ['source_event_type', 'text'],
  ['event_type', 'text'],
  ['sub_event_type', 'text'],
  ['disorder_type', 'text'],
  ['civilian_targeting_flag', 'integer'],
  ['violence_type', 'integer'],
  ['actors_json', 'text'],
  ['actor1', 'text'],
  ['actor2', 'text'],
  ['inter1', 'integer'],
  ['inter2', 'integer'],
  ['interaction', 'integer'],
  ['fatalities', 'integer'],
  ['fatalities_low', 'integer'],
  ['fatalities_high', 'integer'],
  ['civilian_deaths', 'integer'],
  ['notes', 'text'],
  ['sources', 'text'],
  ['source_scale', 'text'],
  ['tags', 'text'],
  ['civilian_harm', 'integer'],
  ['civilian_fatalities', 'integer'],
  ['harm_category', 'text'],
  ['perpetrator_category', 'text'],
  ['admin1', 'text'],
  ['admin1_pcode', 'text'],
  ['admin2_pcode', 'text'],
  ['admin3_pcode', 'text'],
  ['h3r4', 'text'],
  ['h3r5', 'text'],
  ['h3r6', 'text'],
  ['h3r7', 'text'],
  ['priogrid', 'integer'],
];
