/**
 * bench/hotspots: throughput of the analytic Getis–Ord Gi* z-scores (src/analysis/gi-star.ts) on a generated
 * side × side queen grid — 2,000 × 2,000 = 4 M cells by default (BENCH_HOTSPOT_SIDE), far beyond any country's
 * PRIO-GRID (Mali: ~435 cells) or H3 resolution-7 cover (~240,000), so the statistic is never the slow part of a
 * hotspot request. Goal: ≥ 1,000,000 cells/s. No DuckDB side: DuckDB has no Gi*, and a hand-written SQL self-join
 * would measure the join, not the statistic. The permutation p-values (99 draws on 200 × 200 cells) are reported
 * beside it, since they, not z, dominate a request's time.
 */
import { median, type Benchmark, type BenchSummary, type Side } from '../harness.ts';

const HERE = 'bench/hotspots';
const GOAL_CELLS_PER_SECOND = 1_000_000;

const sideOf = (s: BenchSummary) => s.sides.find((x) => x.name === 'gi-star');

export const hotspotsBenchmark: Benchmark = {
  name: 'hotspots',
  description: 'analytic Gi* z-scores on a generated queen grid (cells/s)',
  prepare(config) {
    const side = Number(process.env['BENCH_HOTSPOT_SIDE'] ?? 2000);
    if (!Number.isInteger(side) || side < 10) throw new Error(`BENCH_HOTSPOT_SIDE must be an integer ≥ 10`);
    const cells = side * side;
    const sides: Side[] = [
      {
        name: 'gi-star',
        role: 'subject',
        script: [`${HERE}/child.ts`, String(side), String(config.seed)],
        check: (m) => (m.rows === cells ? null : `computed ${String(m.rows)} cells, expected ${cells}`),
      },
    ];
    return Promise.resolve({
      rows: cells,
      input: { grid: `${side} × ${side} queen`, cells, seed: config.seed },
      sides,
      goals: [
        {
          label: `analytic Gi* ≥ ${GOAL_CELLS_PER_SECOND.toLocaleString('en')} cells/s (median)`,
          check: (s) => {
            const rate = sideOf(s)?.rowsPerSecond ?? 0;
            return rate >= GOAL_CELLS_PER_SECOND ? null : `${Math.round(rate).toLocaleString('en')} cells/s`;
          },
        },
      ],
    });
  },
  report(s) {
    const runs = sideOf(s)?.runs ?? [];
    const build = median(runs.map((r) => Number(r['buildMs'])));
    const perm = median(runs.map((r) => Number(r['permutationMs'])));
    const permCells = Number(runs[0]?.['permutationCells'] ?? 0);
    const permutations = Number(runs[0]?.['permutations'] ?? 0);
    return [
      `grid and counts built in ${build.toFixed(0)} ms (untimed above)`,
      `permutation p-values: ${permCells.toLocaleString('en')} cells × ${permutations} permutations in ` +
        `${perm.toFixed(0)} ms (${Math.round((permCells * permutations) / (perm / 1000)).toLocaleString('en')} cell-permutations/s)`,
    ].join('\n');
  },
};
