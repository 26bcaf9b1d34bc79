import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.ts';

// COUNT(*) and SUM() come back as int8/numeric, which pg returns as strings to avoid precision loss. vigie's
// counts stay far below 2^53, so they are read as numbers and both dialects answer with the same types.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function openPostgres(connectionString: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle pooled connection that the server closes (a restart, a failover, an administrator ending sessions)
  // is emitted as an 'error' on the pool; unheard, it would crash the whole process. The pool drops that client
  // and the next query opens a fresh one, so there is nothing else to do here.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
