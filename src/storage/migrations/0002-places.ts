import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/** Boundary sets and their places, protection presences (bases) and monthly aggregates. */
export async function up(db: Kysely<unknown>, d: DialectColumns): Promise<void> {
  await db.schema
    .createTable('boundary_sets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('description', 'text')
    .addColumn('source', 'text')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();

  await d
    .addId(db.schema.createTable('places'))
    .addColumn('set_name', 'text', (c) => c.notNull().references('boundary_sets.name').onDelete('cascade'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('iso3', 'text')
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('geometry_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('places_set_level_code_unique', ['set_name', 'level', 'code'])
    .execute();

  await d
    .addId(db.schema.createTable('bases'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .addColumn('admin1_text', 'text')
    .addColumn('site_type', 'text')
    .addColumn('opened_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('date_quality', 'text')
    .addColumn('sources', 'text')
    .addColumn('notes', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('import_run_id', 'integer', (c) => c.references('import_runs.id'))
    .execute();

  await d
    .addId(db.schema.createTable('monthly_aggregates'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('admin1_pcode', 'text')
    .addColumn('admin1_name', 'text')
    .addColumn('admin2_pcode', 'text', (c) => c.notNull())
    .addColumn('admin2_name', 'text')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('fatalities', 'integer')
    .addColumn('import_run_id', 'integer', (c) => c.notNull().references('import_runs.id'))
    .addUniqueConstraint('monthly_aggregates_key', ['source', 'measure', 'admin2_pcode', 'month'])
    .execute();
  await db.schema
    .createIndex('monthly_aggregates_month_idx')
    .on('monthly_aggregates')
    .columns(['month'])
    .execute();
}
