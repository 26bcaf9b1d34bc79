/**
 * bench/wipe: how long a duress wipe (`vigie wipe --duress`) takes on a laptop's store of N incidents (N =
 * BENCH_ROWS / 100, at most 10,000 — a country's records are 10^3–10^5), each with a narrative, a source and two
 * individual victims. The store is seeded once (bench/out/wipe-template) and copied before each run, outside the
 * timing. Goal: under 5 s, so it can be done while someone is at the door. No DuckDB side: a crypto-erase is not
 * a query an analytical engine runs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Benchmark, BenchSummary } from '../harness.ts';

const GOAL_MS = 5000;
const sideOf = (s: BenchSummary) => s.sides.find((x) => x.name === 'wipe');

export const wipeBenchmark: Benchmark = {
  name: 'wipe',
  description: 'duress wipe of a store of incidents (keys, sealed fields, key file, VACUUM)',
  prepare(config) {
    const n = Math.min(10_000, Math.max(100, Math.round(config.rows / 100)));
    const template = join(config.outDir, `wipe-template-${n}`);
    const work = join(config.outDir, 'wipe-work');
    if (!existsSync(join(template, 'vigie.db'))) {
      rmSync(template, { recursive: true, force: true });
      execFileSync(
        process.execPath,
        ['--import', 'tsx', 'bench/wipe/child.ts', 'seed', template, String(n)],
        {
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
    }
    return Promise.resolve({
      rows: n,
      input: { incidents: n, victimsPerIncident: 2 },
      sides: [
        {
          name: 'wipe',
          role: 'subject',
          script: ['bench/wipe/child.ts', 'wipe', work],
          before: () => {
            rmSync(work, { recursive: true, force: true });
            cpSync(template, work, { recursive: true });
            return Promise.resolve();
          },
          after: () => {
            // The point of the exercise: nothing of a narrative may be left in the file.
            const leaked = readFileSync(join(work, 'vigie.db')).includes(Buffer.from('Récit 1'));
            rmSync(work, { recursive: true, force: true });
            return leaked ? Promise.reject(new Error('plaintext found after the wipe')) : Promise.resolve();
          },
          check: (m) => (m['incidents'] === n ? null : `erased ${String(m['incidents'])} of ${n} incidents`),
        },
      ],
      goals: [
        {
          label: `wipe ≤ ${GOAL_MS / 1000} s (median)`,
          check: (s) => {
            const ms = sideOf(s)?.medianMs ?? Infinity;
            return ms <= GOAL_MS ? null : `${(ms / 1000).toFixed(2)} s`;
          },
        },
      ],
    });
  },
  report(s) {
    const side = sideOf(s);
    if (!side) return '';
    return [
      `median ${side.medianMs.toFixed(0)} ms over ${side.runs.length} runs (range ${side.minMs.toFixed(0)}–${side.maxMs.toFixed(0)} ms), peak RSS ${side.peakRssMb.toFixed(0)} MB`,
      'no DuckDB reference: a crypto-erase is not a query; the ratio column does not apply',
    ].join('\n');
  },
};
