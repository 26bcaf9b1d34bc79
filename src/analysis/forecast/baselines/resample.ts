/**
 * Resampling baselines: the predictive distribution is the empirical distribution of past counts, so its support
 * is exactly what was seen. From the VIEWS 2023/24 challenge family (Hegre et al., "The 2023/24 VIEWS prediction
 * challenge", arXiv 2407.11045; benchmark.py of https://github.com/prio-data/prediction_competition_2023):
 *
 * - conflictology: draws with replacement from the unit's own last 12 months;
 * - conflictology with neighbours: from the unit's and its neighbours' last 12 months, pooled — a unit that was
 *   quiet beside a burning one is not certain to stay quiet;
 * - global bootstrap: from every unit's last k months (k = 12 or 240), the challenge's "boot" benchmark
 *   (np.random.choice over all units' months before the window). With 240 it is a long-run climatology.
 */
import type { Neighbours } from '../../../core/neighbours.ts';
import { randomIndex, type Rng } from '../rng.ts';
import {
  checkRequest,
  emptySamples,
  pastWindow,
  type CountHistory,
  type ForecastRequest,
  type SampleMatrix,
} from '../series.ts';

function drawFrom(pool: ArrayLike<number>, out: Float64Array, offset: number, n: number, rng: Rng): void {
  for (let s = 0; s < n; s++) out[offset + s] = pool[randomIndex(rng, pool.length)] ?? 0;
}

export function conflictology(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  months = 12,
): SampleMatrix {
  checkRequest(history, request);
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) {
    drawFrom(pastWindow(history, u, request.origin, months), out.values, u * out.samples, out.samples, rng);
  }
  return out;
}

export function conflictologyWithNeighbours(
  history: CountHistory,
  neighbours: Neighbours,
  request: ForecastRequest,
  rng: Rng,
  months = 12,
): SampleMatrix {
  checkRequest(history, request);
  if (neighbours.offsets.length !== history.units + 1) {
    throw new RangeError('the neighbour lists do not cover the units of the history');
  }
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) {
    const from = neighbours.offsets[u] ?? 0;
    const to = neighbours.offsets[u + 1] ?? from;
    const pool: number[] = Array.from(pastWindow(history, u, request.origin, months));
    for (let k = from; k < to; k++) {
      for (const x of pastWindow(history, neighbours.indices[k] ?? 0, request.origin, months)) pool.push(x);
    }
    drawFrom(pool, out.values, u * out.samples, out.samples, rng);
  }
  return out;
}

export function globalBootstrap(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  months: number,
): SampleMatrix {
  checkRequest(history, request);
  const pool: number[] = [];
  for (let u = 0; u < history.units; u++)
    for (const x of pastWindow(history, u, request.origin, months)) pool.push(x);
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) drawFrom(pool, out.values, u * out.samples, out.samples, rng);
  return out;
}
