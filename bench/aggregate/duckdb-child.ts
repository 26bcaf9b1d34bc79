/**
 * The reference: DuckDB answering the same aggregates over the same classified events, alone in its process.
 *
 *   node --import tsx bench/aggregate/duckdb-child.ts EVENTS_CSV [REPEATS]
 *
 * The CSV is loaded into an in-memory table first (untimed, reported as loadMs); then each query runs REPEATS
 * times (default 15) and its median is kept. Times include reading the result into JavaScript, as vigie's include
 * sending it. Prints one JSON line: { ms (overview median), queries: { name: { medianMs, p95Ms, checksum } }, … }.
 */
import duckdb, { DuckDBInstance } from '@duckdb/node-api';
import { median } from '../harness.ts';
import { EXPORT_COLUMNS, QUERIES, type Checksum } from './queries.ts';

async function main(): Promise<void> {
  const [file, repeatsArg = '15'] = process.argv.slice(2);
  if (file === undefined)
    throw new Error('usage: node --import tsx bench/aggregate/duckdb-child.ts EVENTS_CSV [REPEATS]');
  const repeats = Number(repeatsArg);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const threads = Number(
    (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]?.[0],
  );
  const spec = EXPORT_COLUMNS.map(([name, type]) => `'${name}': '${type}'`).join(', ');
  const t0 = performance.now();
  await connection.run(
    `CREATE TABLE events AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true, auto_detect = false, columns = {${spec}})`,
  );
  const loadMs = performance.now() - t0;
  const rows = Number((await connection.runAndReadAll('SELECT count(*) FROM events')).getRows()[0]?.[0]);
  const queries: Record<string, { medianMs: number; p95Ms: number; checksum: Checksum }> = {};
  for (const q of QUERIES) {
    const times: number[] = [];
    let checksum: Checksum = [0, 0, 0];
    for (let i = 0; i < repeats; i++) {
      const start = performance.now();
      const result = (await connection.runAndReadAll(q.duckdb)).getRowObjectsJS();
      times.push(performance.now() - start);
      checksum = [
        result.length,
        result.reduce((n, r) => n + Number(r['events']), 0),
        result.reduce((n, r) => n + Number(r['fatalities']), 0),
      ];
    }
    const sorted = [...times].sort((a, b) => a - b);
    queries[q.name] = {
      medianMs: median(times),
      p95Ms: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number,
      checksum,
    };
  }
  connection.closeSync();
  instance.closeSync();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const ms = queries['overview']?.medianMs ?? Number.NaN;
  process.stdout.write(
    `${JSON.stringify({ ms, maxRssMb, rows, loadMs, threads, repeats, queries, duckdb: duckdb.version() })}\n`,
  );
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
