/**
 * A stacked ensemble: a linear pool of forecasters (the model and baselines) whose weights are learnt, for each
 * origin and horizon, only from forecasts that could have been scored at that origin (stack-weights.ts).
 *
 * For origin o and horizon h the training cells are the forecasts every part made at the `window` earlier origins
 * o′ = o − h, o − h − 1, … for horizon h — each from the history cut at o′, scored against the month o′ + h ≤ o.
 * Nothing after o is read: the weights are those an analyst could have computed on the day. The output draws
 * round(M·w_k) of its M samples from part k.
 *
 * Forecasts of earlier origins are kept (as 200 sorted order statistics per unit and part) in a cache of the
 * forecaster instance, so a rolling backtest fits each part once per (origin, horizon) instead of `window` times.
 * The cache is keyed by origin and horizon only: make one instance per history (the services do).
 */
import type { Forecaster, ForecastContext } from '../baselines/registry.ts';
import { truncateHistory } from '../backtest/run.ts';
import { deriveSeed, xoshiro128ss } from '../rng.ts';
import { countAt, emptySamples, unitSamples, type CountHistory, type SampleMatrix } from '../series.ts';
import { addCell, emptyStackStats, stackWeights, type StackStats } from './stack-weights.ts';

export interface StackOptions {
  /** Past origins per horizon that train the weights (default 24). */
  window?: number;
  /** Earliest origin used for training: the parts need some history (default 24). */
  minOrigin?: number;
  /** Order statistics kept per unit and part (default 200). */
  keep?: number;
  /** Shrinkage of the learnt weights towards equal ones, in [0, 1] (default 0). */
  shrink?: number;
  seed?: number;
  /**
   * Horizons whose past forecasts train the weights (default: the forecast's own). Pooling horizons gives more
   * training cells when there are few units, at the price of one set of weights for every horizon.
   */
  trainHorizons?: readonly number[];
  /** Called with the weights chosen at each (origin, horizon). */
  onWeights?: (origin: number, horizon: number, weights: Float64Array) => void;
}

interface Entry {
  /** Per part, per unit: sorted order statistics; dropped once the entry is scored. */
  sorted: Float64Array[][] | null;
  /** The entry's training sums, once its target month is in the history (it never changes after that). */
  stats: StackStats | null;
}

/** `keep` evenly spaced order statistics of a unit's samples (all of them when there are fewer). */
function orderStatistics(samples: Float64Array, keep: number): Float64Array {
  const sorted = Float64Array.from(samples).sort();
  if (sorted.length <= keep) return sorted;
  const out = new Float64Array(keep);
  for (let i = 0; i < keep; i++) out[i] = sorted[Math.floor(((i + 0.5) * sorted.length) / keep)] ?? 0;
  return out;
}

function summarise(forecast: SampleMatrix, keep: number): Float64Array[] {
  return Array.from({ length: forecast.units }, (_, u) => orderStatistics(unitSamples(forecast, u), keep));
}

export function stackedForecaster(parts: readonly Forecaster[], options: StackOptions = {}): Forecaster {
  if (parts.length === 0) throw new RangeError('a stack needs at least one part');
  const window = options.window ?? 24;
  const minOrigin = options.minOrigin ?? 24;
  const keep = options.keep ?? 200;
  const shrink = options.shrink ?? 0;
  const seed = options.seed ?? 1;
  const cache = new Map<string, Entry>();

  const pastEntry = (context: ForecastContext, origin: number, horizon: number): Entry => {
    const key = `${origin}:${horizon}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const history = truncateHistory(context.history, origin);
    const covariates = (context.covariates ?? []).map((c) => truncateHistory(c, origin));
    const sorted = parts.map((part, k) =>
      summarise(
        part({
          history,
          neighbours: context.neighbours,
          covariates,
          request: { origin, horizon, samples: keep },
          rng: xoshiro128ss(deriveSeed(seed, k, origin, horizon)),
        }),
        keep,
      ),
    );
    const entry: Entry = { sorted, stats: null };
    cache.set(key, entry);
    return entry;
  };

  const weightsAt = (context: ForecastContext): Float64Array => {
    const { origin, horizon } = context.request;
    const stats = emptyStackStats(parts.length);
    for (const h of options.trainHorizons ?? [horizon]) {
      for (let k = 0; k < window; k++) {
        const past = origin - h - k;
        if (past < minOrigin) break;
        const entry = pastEntry(context, past, h);
        if (!entry.stats) {
          const own = emptyStackStats(parts.length);
          for (let u = 0; u < context.history.units; u++) {
            const y = countAt(context.history, u, past + h);
            addCell(
              own,
              (entry.sorted ?? []).map((p) => p[u] ?? new Float64Array(0)),
              y,
            );
          }
          entry.stats = own;
          entry.sorted = null;
        }
        mergeStats(stats, entry.stats);
      }
    }
    const w = stackWeights(stats);
    for (let k = 0; k < w.length; k++) w[k] = (1 - shrink) * (w[k] ?? 0) + shrink / w.length;
    return w;
  };

  return (context) => {
    const { origin, horizon, samples } = context.request;
    const w = weightsAt(context);
    options.onWeights?.(origin, horizon, w);
    // Every part draws the full M samples: the pool takes the first share of each (the draws are independent),
    // and the full draw is what later origins are trained on.
    const draws = parts.map((part) => part({ ...context, request: { origin, horizon, samples } }));
    cache.set(`${origin}:${horizon}`, { sorted: draws.map((d) => summarise(d, keep)), stats: null });
    for (const key of cache.keys()) {
      if (Number(key.split(':')[0]) < origin - window - 48) cache.delete(key);
    }
    return pool(draws, w, context.history, samples);
  };
}

function mergeStats(into: StackStats, from: StackStats): void {
  for (let i = 0; i < into.a.length; i++) into.a[i] = (into.a[i] ?? 0) + (from.a[i] ?? 0);
  for (let i = 0; i < into.d.length; i++) into.d[i] = (into.d[i] ?? 0) + (from.d[i] ?? 0);
  into.cells += from.cells;
}

function pool(
  draws: readonly SampleMatrix[],
  w: Float64Array,
  history: CountHistory,
  n: number,
): SampleMatrix {
  const out = emptySamples(history.units, n);
  let offset = 0;
  draws.forEach((d, k) => {
    const m = k === draws.length - 1 ? n - offset : Math.min(n - offset, Math.round(n * (w[k] ?? 0)));
    if (m <= 0) return;
    for (let u = 0; u < out.units; u++) out.values.set(d.values.subarray(u * n, u * n + m), u * n + offset);
    offset += m;
  });
  return out;
}
