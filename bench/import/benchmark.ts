/**
 * bench/import: vigie importing an N-row ACLED CSV into a fresh SQLite file, against DuckDB loading the same file
 * into a table of a fresh DuckDB file. Goal (issue "bench/import"): vigie ≤ 2× DuckDB's time, peak RSS ≤ 300 MB.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Benchmark, BenchConfig, Goal, Measurement, Side } from '../harness.ts';
import { DUCKDB_VARIANTS, type DuckdbVariant } from './duckdb.ts';
import { GENERATOR_VERSION, generateAcledCsv } from './generate.ts';

const HERE = 'bench/import';
const MAX_RATIO = 2;
const MAX_RSS_MB = 300;

/** The generated file, cached by rows, seed and generator version: generating 1 M rows takes ~40 s. */
export async function cachedInput(
  config: BenchConfig,
  log: (line: string) => void = () => {},
): Promise<string> {
  const path = join(config.outDir, `acled-${config.rows}-s${config.seed}-v${GENERATOR_VERSION}.csv`);
  if (!existsSync(path)) {
    log(`  generating ${path} …`);
    await generateAcledCsv(path, config.rows, config.seed);
  }
  return path;
}

async function removeDb(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal', '.wal'])
    await rm(`${path}${suffix}`, { force: true });
}

function expectRows(rows: number) {
  return (m: Measurement): string | null =>
    m.rows === rows
      ? null
      : `stored ${String(m.rows)} rows, expected ${rows} (${JSON.stringify(m['report'] ?? {}).slice(0, 600)})`;
}

function duckdbVariants(): DuckdbVariant[] {
  const wanted = process.env['BENCH_DUCKDB_VARIANTS']?.split(',').map((v) => v.trim()) ?? [
    ...DUCKDB_VARIANTS,
  ];
  const variants = DUCKDB_VARIANTS.filter((v) => wanted.includes(v));
  if (variants.length === 0)
    throw new Error(`BENCH_DUCKDB_VARIANTS: choose among ${DUCKDB_VARIANTS.join(', ')}`);
  return variants;
}

export const importBenchmark: Benchmark = {
  name: 'import',
  description: 'ACLED CSV → vigie (SQLite, via `vigie import acled --json`) vs DuckDB read_csv → table',
  async prepare(config) {
    const input = await cachedInput(config, (l) => process.stderr.write(`${l}\n`));
    const dbDir = join(config.outDir, 'db');
    await mkdir(dbDir, { recursive: true });
    const vigieDb = join(dbDir, 'vigie-import.db');
    const vigie: Side = {
      name: 'vigie',
      role: 'subject',
      script: [`${HERE}/vigie-child.ts`, input, vigieDb],
      // BENCH_PROFILE=1 writes a CPU profile of each vigie run (slower; summarise with bench/profile.ts).
      ...(process.env['BENCH_PROFILE'] === '1'
        ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(config.outDir, 'profiles')}`] }
        : {}),
      before: () => removeDb(vigieDb),
      after: () => removeDb(vigieDb),
      check: expectRows(config.rows),
    };
    // The first DuckDB variant is the headline reference: `auto` is what a user would type.
    const references: Side[] = duckdbVariants().map((variant) => {
      const db = join(dbDir, `duckdb-${variant}.duckdb`);
      return {
        name: `duckdb-${variant}`,
        role: 'reference',
        script: [`${HERE}/duckdb.ts`, input, db, variant],
        before: () => removeDb(db),
        after: () => removeDb(db),
        check: expectRows(config.rows),
      };
    });
    const headline = references[0]?.name ?? 'duckdb';
    const goals: Goal[] = [
      {
        label: `vigie ≤ ${MAX_RATIO}× ${headline} time`,
        check: (s) => {
          const r = s.ratios.find((x) => x.subject === 'vigie' && x.reference === headline);
          return r !== undefined && r.ofMedians <= MAX_RATIO ? null : `${r?.ofMedians.toFixed(2) ?? '?'}×`;
        },
      },
      {
        label: `vigie peak RSS ≤ ${MAX_RSS_MB} MB`,
        check: (s) => {
          const v = s.sides.find((x) => x.name === 'vigie');
          return v !== undefined && v.peakRssMb <= MAX_RSS_MB ? null : `${v?.peakRssMb.toFixed(0) ?? '?'} MB`;
        },
      },
    ];
    const { size } = await stat(input);
    return {
      rows: config.rows,
      input: { file: input, bytes: size, seed: config.seed },
      sides: [vigie, ...references],
      goals,
    };
  },
};
