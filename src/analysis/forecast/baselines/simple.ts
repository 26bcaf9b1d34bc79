/**
 * The simplest baselines of the VIEWS 2023/24 challenge family: no conflict, persistence and short climatologies.
 * A forecast that cannot beat these is not worth an analyst's attention. None depends on the horizon: each says
 * "the next months look like the recent past", whatever their distance.
 *
 * - zero: every sample 0 (the challenge's "no change from peace" floor; CRPS = y).
 * - last observed, point: every sample = the count at the origin.
 * - last observed, Poisson: Poisson(count at the origin), the challenge's "hist" benchmark
 *   (np.random.poisson(value, 1000) in benchmark.py of https://github.com/prio-data/prediction_competition_2023).
 * - average of the last k months (k = 3 or 12) as the mean of a Poisson.
 */
import type { Rng } from '../rng.ts';
import { samplePoisson } from '../sample.ts';
import {
  checkRequest,
  countAt,
  emptySamples,
  pastWindow,
  type CountHistory,
  type ForecastRequest,
  type SampleMatrix,
} from '../series.ts';
import { mean } from '../math.ts';

export function zeroBaseline(history: CountHistory, request: ForecastRequest): SampleMatrix {
  checkRequest(history, request);
  return emptySamples(history.units, request.samples);
}

export function lastObservedPoint(history: CountHistory, request: ForecastRequest): SampleMatrix {
  checkRequest(history, request);
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) {
    out.values.fill(countAt(history, u, request.origin), u * out.samples, (u + 1) * out.samples);
  }
  return out;
}

/** Poisson samples around a mean per unit, computed from the unit's past by `meanOf`. */
function poissonAround(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  meanOf: (u: number) => number,
): SampleMatrix {
  checkRequest(history, request);
  const out = emptySamples(history.units, request.samples);
  for (let u = 0; u < history.units; u++) {
    const lambda = meanOf(u);
    for (let s = 0; s < out.samples; s++) out.values[u * out.samples + s] = samplePoisson(rng, lambda);
  }
  return out;
}

export function lastObservedPoisson(history: CountHistory, request: ForecastRequest, rng: Rng): SampleMatrix {
  return poissonAround(history, request, rng, (u) => countAt(history, u, request.origin));
}

/** Poisson with the mean of the unit's last `months` months (3 and 12 in the challenge family). */
export function recentMeanPoisson(
  history: CountHistory,
  request: ForecastRequest,
  rng: Rng,
  months: number,
): SampleMatrix {
  return poissonAround(history, request, rng, (u) => mean(pastWindow(history, u, request.origin, months)));
}
