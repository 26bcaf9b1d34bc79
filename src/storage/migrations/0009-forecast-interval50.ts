import type { Kysely } from 'kysely';
import type { DialectColumns } from '../dialect.ts';

/**
 * The central 50 % interval of each stored forecast value, beside the 90 % one: a fan reads as "likely" and
 * "possible". Null for runs stored before this migration (their samples are not kept, so it cannot be computed).
 */
export async function up(db: Kysely<unknown>, _d: DialectColumns): Promise<void> {
  await db.schema.alterTable('forecast_values').addColumn('lower50', 'double precision').execute();
  await db.schema.alterTable('forecast_values').addColumn('upper50', 'double precision').execute();
}
