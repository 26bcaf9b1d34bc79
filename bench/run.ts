/**
 * `npm run bench`: runs every registered benchmark and writes bench/out/results-<name>.json.
 *
 * Environment: BENCH_ROWS (default 1,000,000; 100,000 for a quick run), BENCH_RUNS (default 3), BENCH_SEED
 * (default 1), BENCH_ONLY (comma-separated benchmark names), BENCH_DUCKDB_VARIANTS, BENCH_PROFILE=1.
 */
import { execFileSync } from 'node:child_process';
import { writeFile, mkdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { formatTable, runBenchmark, type Benchmark, type BenchConfig } from './harness.ts';
import { aggregateBenchmark } from './aggregate/benchmark.ts';
import { hotspotsBenchmark } from './hotspots/benchmark.ts';
import { forecastBenchmark } from './forecast/benchmark.ts';
import { importBenchmark } from './import/benchmark.ts';
import { wipeBenchmark } from './wipe/benchmark.ts';

const BENCHMARKS: readonly Benchmark[] = [
  importBenchmark,
  aggregateBenchmark,
  hotspotsBenchmark,
  forecastBenchmark,
  wipeBenchmark,
];

function intFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, not "${text}"`);
  return value;
}

const config: BenchConfig = {
  runs: intFromEnv('BENCH_RUNS', 3),
  rows: intFromEnv('BENCH_ROWS', 1_000_000),
  seed: intFromEnv('BENCH_SEED', 1),
  outDir: 'bench/out',
};
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim());
const selected = BENCHMARKS.filter((b) => only === undefined || only.includes(b.name));
/** The code measured: commit plus the number of changed files (benchmarks often run on uncommitted work). */
function gitState(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean).length;
    return changed > 0 ? `${commit} + ${changed} changed files` : commit;
  } catch {
    return 'unknown';
  }
}

const machine = {
  code: gitState(),
  node: process.version,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? '?',
  memoryGb: Math.round(totalmem() / 1e9),
  platform: `${process.platform}-${process.arch}`,
};

await mkdir(config.outDir, { recursive: true });
let failedGoals = 0;
for (const bench of selected) {
  console.log(`\n## ${bench.name}: ${bench.description}`);
  console.log(
    `   ${config.rows.toLocaleString('en')} rows, ${config.runs} runs, seed ${config.seed}, ${machine.cpus} CPUs, Node ${machine.node}`,
  );
  const started = new Date().toISOString();
  const { summary, prepared } = await runBenchmark(bench, config, (line) => console.log(line));
  console.log(`\n${formatTable(summary)}\n`);
  if (bench.report) console.log(`${bench.report(summary)}\n`);
  const goals = prepared.goals.map((g) => ({ goal: g.label, reached: g.check(summary) }));
  for (const g of goals)
    console.log(
      `goal ${g.reached === null ? 'met    ' : 'NOT met'}: ${g.goal}${g.reached ? ` (reached ${g.reached})` : ''}`,
    );
  failedGoals += goals.filter((g) => g.reached !== null).length;
  const file = join(config.outDir, `results-${bench.name}.json`);
  const results = {
    benchmark: bench.name,
    started,
    finished: new Date().toISOString(),
    config,
    machine,
    input: prepared.input,
    goals,
    summary,
  };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`results: ${file}`);
}
// Goals are reported, not enforced: an unmet goal is a finding, and CI machines vary too much to gate on it.
if (failedGoals > 0) console.log(`\n${failedGoals} goal(s) not met.`);
