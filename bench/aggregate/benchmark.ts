/**
 * bench/aggregate: the overview's aggregates at scale. vigie answers over HTTP from a SQLite file holding N
 * generated ACLED rows (imported once and cached), DuckDB answers the same questions over the same classified
 * events loaded into memory. Goals (issue 3): the overview's p95 ≤ 50 ms, and vigie no slower than DuckDB.
 *
 * Each side runs in its own process, BENCH_RUNS times; a vigie run sends every query 60 times (BENCH_REPEATS).
 */
import {
  median,
  type Benchmark,
  type BenchSummary,
  type Goal,
  type Measurement,
  type Side,
} from '../harness.ts';
import { cachedDatabase, cachedExport } from './prepare-data.ts';
import { QUERIES } from './queries.ts';

const HERE = 'bench/aggregate';
const MAX_P95_MS = 50;

type QueryResults = Record<string, { checksum: [number, number, number]; p50Ms?: number; medianMs?: number }>;

function side(summary: BenchSummary, name: string) {
  return summary.sides.find((s) => s.name === name);
}

/** Per query: vigie's p50/p95 over HTTP (median over runs) beside DuckDB's median, and the path vigie took. */
function report(s: BenchSummary): string {
  const vigie = side(s, 'vigie')?.runs ?? [];
  const duck = side(s, 'duckdb')?.runs ?? [];
  const of = (runs: Measurement[], query: string, field: string) =>
    median(
      runs.map((r) => Number((r['queries'] as Record<string, Record<string, unknown>>)[query]?.[field])),
    );
  const lines = QUERIES.map((q) => {
    const path = (vigie[0]?.['queries'] as Record<string, { answeredBy: string }> | undefined)?.[q.name]
      ?.answeredBy;
    return `| ${q.name} | ${of(vigie, q.name, 'p50Ms').toFixed(1)} | ${of(vigie, q.name, 'p95Ms').toFixed(1)} | ${of(duck, q.name, 'medianMs').toFixed(1)} | ${path ?? '?'} |`;
  });
  const start = median(vigie.map((r) => Number(r['listenMs']) + Number(r['coldMs'])));
  const load = median(duck.map((r) => Number(r['loadMs'])));
  return [
    '| query | vigie p50 ms | vigie p95 ms | DuckDB median ms | vigie answered from |',
    '|---|---|---|---|---|',
    ...lines,
    '',
    `vigie from start to the first overview answer (open, migrate, listen, rollup into memory): ${start.toFixed(0)} ms; ` +
      `DuckDB CSV load (untimed above): ${load.toFixed(0)} ms`,
  ].join('\n');
}

export const aggregateBenchmark: Benchmark = {
  report,
  name: 'aggregate',
  description:
    'overview aggregates over HTTP from vigie (SQLite + monthly rollups) vs DuckDB GROUP BY in memory',
  async prepare(config) {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const db = await cachedDatabase(config, log);
    const csv = await cachedExport(db, log);
    const repeats = process.env['BENCH_REPEATS'] ?? '60';
    const expectRows = (m: Measurement) =>
      m.rows === config.rows ? null : `answered over ${String(m.rows)} events, expected ${config.rows}`;
    const sides: Side[] = [
      { name: 'vigie', role: 'subject', script: [`${HERE}/vigie-child.ts`, db, repeats], check: expectRows },
      { name: 'duckdb', role: 'reference', script: [`${HERE}/duckdb-child.ts`, csv], check: expectRows },
    ];
    const goals: Goal[] = [
      {
        label: `vigie overview p95 ≤ ${MAX_P95_MS} ms (median over runs)`,
        check: (s) => {
          const p95 = median(side(s, 'vigie')?.runs.map((r) => Number(r['p95Ms'])) ?? []);
          return p95 <= MAX_P95_MS ? null : `${p95.toFixed(1)} ms`;
        },
      },
      {
        label: 'vigie overview p50 no slower than DuckDB’s median for the same aggregate',
        check: (s) => {
          const r = s.ratios.find((x) => x.subject === 'vigie' && x.reference === 'duckdb');
          return r !== undefined && r.ofMedians <= 1 ? null : `${r?.ofMedians.toFixed(2) ?? '?'}×`;
        },
      },
      {
        label: 'vigie and DuckDB give the same totals for every query',
        check: (s) => {
          const v = side(s, 'vigie')?.runs[0]?.['queries'] as QueryResults | undefined;
          const d = side(s, 'duckdb')?.runs[0]?.['queries'] as QueryResults | undefined;
          const differ = QUERIES.filter(
            (q) => JSON.stringify(v?.[q.name]?.checksum) !== JSON.stringify(d?.[q.name]?.checksum),
          );
          return differ.length === 0 ? null : `differ on ${differ.map((q) => q.name).join(', ')}`;
        },
      },
    ];
    return {
      rows: config.rows,
      input: {
        database: db,
        duckdbCsv: csv,
        seed: config.seed,
        queries: QUERIES.map((q) => ({ name: q.name, url: q.url })),
      },
      sides,
      goals,
    };
  },
};
