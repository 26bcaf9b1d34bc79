/**
 * The reference: DuckDB loading the same CSV into a table of a fresh on-disk database, alone in its process so that
 * its peak RSS is its own:
 *
 *   node --import tsx bench/import/duckdb.ts FILE DBPATH [auto|explicit|auto-1thread]
 *
 * - auto: `read_csv(..., auto_detect = true)`, DuckDB sniffing types from a sample, as a user would type it;
 * - explicit: the column types spelled out, auto-detection off (skips the sniffing pass);
 * - auto-1thread: as auto with `threads = 1`, to compare with vigie's single thread of work.
 *
 * The time covers opening the database file, the CREATE TABLE … AS, a CHECKPOINT and closing: the data is in the
 * file when the clock stops, as it is in vigie's SQLite file when its import commits.
 * Prints one JSON line: { ms, ctasMs, maxRssMb, rows, threads, variant, duckdb }.
 */
import duckdb, { DuckDBInstance } from '@duckdb/node-api';

export const DUCKDB_VARIANTS = ['auto', 'explicit', 'auto-1thread'] as const;
export type DuckdbVariant = (typeof DUCKDB_VARIANTS)[number];

/** The generator's columns (2020 API layout with the pandas index column, named `idx` here). */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['idx', 'BIGINT'],
  ['data_id', 'BIGINT'],
  ['iso', 'INTEGER'],
  ['event_id_cnty', 'VARCHAR'],
  ['event_id_no_cnty', 'BIGINT'],
  ['event_date', 'DATE'],
  ['year', 'INTEGER'],
  ['time_precision', 'INTEGER'],
  ['event_type', 'VARCHAR'],
  ['sub_event_type', 'VARCHAR'],
  ['actor1', 'VARCHAR'],
  ['assoc_actor_1', 'VARCHAR'],
  ['inter1', 'INTEGER'],
  ['actor2', 'VARCHAR'],
  ['assoc_actor_2', 'VARCHAR'],
  ['inter2', 'INTEGER'],
  ['interaction', 'INTEGER'],
  ['region', 'VARCHAR'],
  ['country', 'VARCHAR'],
  ['admin1', 'VARCHAR'],
  ['admin2', 'VARCHAR'],
  ['admin3', 'VARCHAR'],
  ['location', 'VARCHAR'],
  ['latitude', 'DOUBLE'],
  ['longitude', 'DOUBLE'],
  ['geo_precision', 'INTEGER'],
  ['source', 'VARCHAR'],
  ['source_scale', 'VARCHAR'],
  ['notes', 'VARCHAR'],
  ['fatalities', 'INTEGER'],
  ['timestamp', 'BIGINT'],
  ['iso3', 'VARCHAR'],
];

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function loadSql(file: string, variant: DuckdbVariant): string {
  if (variant === 'explicit') {
    const spec = COLUMNS.map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ');
    return (
      `CREATE TABLE events AS SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, ` +
      `delim = ',', quote = '"', escape = '"', columns = {${spec}})`
    );
  }
  return `CREATE TABLE events AS SELECT * FROM read_csv(${sqlString(file)}, header = true, auto_detect = true)`;
}

async function main(): Promise<void> {
  const [file, dbPath, variantArg = 'auto'] = process.argv.slice(2);
  const variant = DUCKDB_VARIANTS.find((v) => v === variantArg);
  if (file === undefined || dbPath === undefined || variant === undefined) {
    throw new Error(
      `usage: node --import tsx bench/import/duckdb.ts FILE DBPATH [${DUCKDB_VARIANTS.join('|')}]`,
    );
  }
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(dbPath, variant === 'auto-1thread' ? { threads: '1' } : {});
  const connection = await instance.connect();
  const threadsReader = await connection.runAndReadAll("SELECT current_setting('threads')");
  const threads = Number(threadsReader.getRows()[0]?.[0]);
  const t1 = performance.now();
  await connection.run(loadSql(file, variant));
  const ctasMs = performance.now() - t1;
  await connection.run('CHECKPOINT');
  const countReader = await connection.runAndReadAll('SELECT count(*) FROM events');
  const rows = Number(countReader.getRows()[0]?.[0]);
  connection.closeSync();
  instance.closeSync();
  const ms = performance.now() - t0;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ ms, ctasMs, maxRssMb, rows, threads, variant, duckdb: duckdb.version() })}\n`,
  );
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
