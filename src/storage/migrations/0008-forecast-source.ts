import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/**
 * Where a stored forecast's counts came from: the event store ("events") or ACLED's monthly aggregates
 * ("aggregates"). Runs stored before this migration read events, the only source there was.
 */
export async function up(db: Kysely<unknown>, _d: DialectColumns): Promise<void> {
  await db.schema
    .alterTable('forecast_runs')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('events'))
    .execute();
}
