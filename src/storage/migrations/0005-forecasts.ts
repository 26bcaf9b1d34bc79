import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/**
 * Stored forecasts (`vigie forecast run`): one row per run (what was forecast, from which origin, by which model)
 * and one per unit × target month with the predictive summary — mean, median, the central 90 % interval and the
 * probabilities of any harm and of a mass-casualty month. Samples are not kept: the summary is what the map and
 * the area pages show, and a run can be redone from the store.
 */
export async function up(db: Kysely<unknown>, _d: DialectColumns): Promise<void> {
  const s = db.schema;
  await s
    .createTable('forecast_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addColumn('seed', 'bigint', (c) => c.notNull())
    .execute();
  await s
    .createIndex('forecast_runs_latest')
    .on('forecast_runs')
    .columns(['country', 'unit', 'outcome', 'created_at'])
    .execute();
  await s
    .createTable('forecast_values')
    .addColumn('run_id', 'text', (c) => c.notNull().references('forecast_runs.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('target_month', 'text', (c) => c.notNull())
    .addColumn('horizon', 'integer', (c) => c.notNull())
    .addColumn('mean', 'double precision', (c) => c.notNull())
    .addColumn('median', 'double precision', (c) => c.notNull())
    .addColumn('lower90', 'double precision', (c) => c.notNull())
    .addColumn('upper90', 'double precision', (c) => c.notNull())
    .addColumn('p_any', 'double precision', (c) => c.notNull())
    .addColumn('p_mass', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecast_values_pk', ['run_id', 'unit_code', 'target_month'])
    .execute();
}
