/**
 * bench/forecast: the Mali admin-1 backtest protocol of issue 6 (civilian fatalities per region, origins
 * 2014-01 … 2018-12, horizons 1–6, 1,000 samples, the eleven VIEWS baselines and vigie's model, block bootstrap
 * of the skill), on the real ACLED export in ../shared/data. Goal: ≤ 60 s (median of BENCH_RUNS runs), peak RSS
 * reported. The store is imported once, outside the timing (bench/out/forecast-mali.db). No DuckDB side: the
 * work is model fitting and scoring in JavaScript, which an SQL engine does not do, so the reference ratio the
 * other benchmarks report does not apply here. BENCH_ROWS is ignored: the data is the real file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.ts';
import { processIo } from '../../src/cli/output.ts';
import { median, type Benchmark, type BenchSummary } from '../harness.ts';

const HERE = 'bench/forecast';
const GOAL_SECONDS = 60;
const ACLED =
  process.env['ACLED_MALI_CSV'] ?? '../shared/data/acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv';

const sideOf = (s: BenchSummary) => s.sides.find((x) => x.name === 'backtest');

export const forecastBenchmark: Benchmark = {
  name: 'forecast',
  description: 'Mali admin-1 forecast backtest, all baselines and the model (issue 6 protocol)',
  async prepare(config) {
    if (!existsSync(ACLED)) throw new Error(`bench/forecast needs the real Mali file at ${ACLED}`);
    const db = join(config.outDir, 'forecast-mali.db');
    if (!existsSync(db)) {
      const code = await runCli(['import', 'acled', ACLED, '--db', db, '--json'], {
        ...processIo(),
        stdout: process.stderr,
      });
      if (code !== 0) throw new Error(`importing ${ACLED} failed with exit code ${code}`);
    }
    return {
      // Scored cells: 12 forecasters × 60 origins × 6 horizons × 9 regions (the rows/s column reads cells/s).
      rows: 12 * 60 * 6 * 9,
      input: { file: ACLED, unit: 'admin1', outcome: 'civilian-fatalities', origins: '2014-01:2018-12' },
      sides: [
        {
          name: 'backtest',
          role: 'subject',
          script: [`${HERE}/child.ts`, db],
          check: (m) => (Number(m['models']) >= 12 ? null : `only ${String(m['models'])} models scored`),
        },
      ],
      goals: [
        {
          label: `backtest ≤ ${GOAL_SECONDS} s (median)`,
          check: (s) => {
            const ms = sideOf(s)?.medianMs ?? Infinity;
            return ms <= GOAL_SECONDS * 1000 ? null : `${(ms / 1000).toFixed(1)} s`;
          },
        },
      ],
    };
  },
  report(s) {
    const side = sideOf(s);
    const first = side?.runs[0];
    if (!side || !first) return '';
    const f = (x: unknown, d = 3) => (typeof x === 'number' ? x.toFixed(d) : String(x));
    const ci = (first['ci95'] as [number, number] | null) ?? [NaN, NaN];
    return [
      `median ${(side.medianMs / 1000).toFixed(1)} s over ${side.runs.length} runs ` +
        `(range ${(side.minMs / 1000).toFixed(1)}–${(side.maxMs / 1000).toFixed(1)} s), ` +
        `peak RSS ${side.peakRssMb.toFixed(0)} MB, ${median(side.runs.map((r) => r.rows ?? 0))} scored cells`,
      `${String(first['candidate'])}: CRPS ${f(first['candidateCrps'])}, IGN ${f(first['candidateIgn'])}; ` +
        `best baseline ${String(first['bestBaseline'])} CRPS ${f(first['bestCrps'])}; ` +
        `skill ${f(Number(first['skill']) * 100, 1)} % [${f(ci[0] * 100, 1)}, ${f(ci[1] * 100, 1)}]`,
      'no DuckDB reference: the work is fitting and scoring, not SQL; the ratio column does not apply',
    ].join('\n');
  },
};
