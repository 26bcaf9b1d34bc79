/**
 * One run of bench/hotspots: builds a side × side queen grid (CSR, built directly: arrays of arrays for 4 M units
 * would cost more than the statistic) and skewed counts with planted clusters, then times the analytic Gi*
 * z-scores (median of several passes, the grid's construction outside the timing) and, separately, the
 * permutation p-values on a 200 × 200 corner of the same counts. Prints the measurement as its last JSON line.
 */
import { pathToFileURL } from 'node:url';
import { giStarPermutationP, giStarZ, mulberry32 } from '../../src/analysis/gi-star.ts';
import type { Neighbours } from '../../src/core/neighbours.ts';
import { median } from '../harness.ts';

export function queenGrid(rows: number, cols: number): Neighbours {
  const offsets = new Int32Array(rows * cols + 1);
  const indices = new Int32Array(8 * rows * cols);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      for (let dr = -1; dr <= 1; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= rows) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const cc = c + dc;
          if ((dr === 0 && dc === 0) || cc < 0 || cc >= cols) continue;
          indices[k++] = rr * cols + cc;
        }
      }
      offsets[r * cols + c + 1] = k;
    }
  }
  return { offsets, indices: indices.subarray(0, k) };
}

/** Mostly zeros and ones, with a few hundred dense blobs: the shape of event counts on a fine grid. */
function counts(side: number, seed: number): Float64Array {
  const random = mulberry32(seed);
  const x = new Float64Array(side * side);
  for (let i = 0; i < x.length; i++) x[i] = random() < 0.05 ? 1 + Math.floor(-Math.log(1 - random()) * 2) : 0;
  for (let b = 0; b < 300; b++) {
    const r0 = Math.floor(random() * side);
    const c0 = Math.floor(random() * side);
    for (let r = Math.max(0, r0 - 5); r < Math.min(side, r0 + 5); r++)
      for (let c = Math.max(0, c0 - 5); c < Math.min(side, c0 + 5); c++) x[r * side + c]! += 5;
  }
  return x;
}

function main(): void {
  const side = Number(process.argv[2] ?? 2000);
  const seed = Number(process.argv[3] ?? 1);
  const passes = 5;
  let t = performance.now();
  const nb = queenGrid(side, side);
  const x = counts(side, seed);
  const buildMs = performance.now() - t;
  const times: number[] = [];
  let checksum = 0;
  for (let p = 0; p < passes; p++) {
    t = performance.now();
    const z = giStarZ(x, nb);
    times.push(performance.now() - t);
    checksum = z.reduce((s, v) => s + Math.abs(v), 0);
  }
  const small = 200;
  const corner = new Float64Array(small * small);
  for (let r = 0; r < small; r++) corner.set(x.subarray(r * side, r * side + small), r * small);
  const permutations = 99;
  t = performance.now();
  giStarPermutationP(corner, queenGrid(small, small), permutations, seed);
  const permutationMs = performance.now() - t;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({
      ms: median(times),
      maxRssMb,
      rows: side * side,
      buildMs,
      checksum,
      permutationCells: small * small,
      permutations,
      permutationMs,
    })}\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
