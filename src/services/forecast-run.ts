/**
 * `vigie forecast run` and GET /api/v1/forecasts: forecasts of the months after an origin (default: the last month
 * with data) for every unit, by the model the backtest reports (vigie-stack), stored as a predictive summary per
 * unit × target month — mean, median, central 90 % interval, P(any harm), P(≥ 25). The newest run per country,
 * unit and outcome is what the API returns.
 */
import { randomUUID } from 'node:crypto';
import { truncateHistory } from '../analysis/forecast/backtest/run.ts';
import { VIGIE_MODEL, vigieForecaster } from '../analysis/forecast/model/vigie-model.ts';
import { deriveSeed, xoshiro128ss } from '../analysis/forecast/rng.ts';
import { exceedanceProbability } from '../analysis/forecast/scores/binary.ts';
import { centralIntervalSorted, quantileSorted } from '../analysis/forecast/scores/interval.ts';
import { unitSamples } from '../analysis/forecast/series.ts';
import { VigieError } from '../core/errors.ts';
import {
  loadForecastData,
  type ForecastDataDeps,
  type ForecastOutcome,
  type ForecastSource,
  type ForecastUnit,
} from './forecast-data.ts';
import { addMonths, horizonsOfRange } from './forecast-schema.ts';
import type { Language } from './place-names.ts';
import type { ForecastPort, ForecastRunRecord, ForecastValueRecord } from './ports/forecast-port.ts';
import { DEFAULT_COUNTRY } from './map-cells.ts';

export interface ForecastRunRequest {
  unit: ForecastUnit;
  outcome: ForecastOutcome;
  /** Stored events (default) or ACLED's monthly aggregates. */
  source?: ForecastSource;
  /** YYYY-MM; default the last month with data. */
  origin?: string;
  horizons: string;
  samples: number;
  seed: number;
  country?: string;
  language: Language;
}

export interface ForecastSet {
  run: ForecastRunRecord;
  values: ForecastValueRecord[];
}

export interface ForecastRunDeps extends ForecastDataDeps {
  store: ForecastPort;
  now: () => string;
}

export async function forecastRun(deps: ForecastRunDeps, req: ForecastRunRequest): Promise<ForecastSet> {
  const data = await loadForecastData(deps, req);
  const origin = req.origin ?? data.months.at(-1) ?? '';
  const index = data.months.indexOf(origin);
  if (index < 12) {
    throw new VigieError('BAD_USAGE', {
      reason: `origin ${origin} needs 12 months of data before it (data ${data.months[0]} … ${data.months.at(-1)})`,
    });
  }
  const history = truncateHistory(data.history, index);
  const covariates = data.covariates.map((c) => truncateHistory(c, index));
  const forecaster = vigieForecaster({ seed: req.seed });
  const values: ForecastValueRecord[] = [];
  for (const horizon of horizonsOfRange(req.horizons)) {
    const forecast = forecaster({
      history,
      neighbours: data.neighbours,
      covariates,
      request: { origin: index, horizon, samples: req.samples },
      rng: xoshiro128ss(deriveSeed(req.seed, horizon)),
    });
    data.codes.forEach((code, u) => {
      const sorted = Float64Array.from(unitSamples(forecast, u)).sort();
      const interval = centralIntervalSorted(sorted, 0.1);
      const likely = centralIntervalSorted(sorted, 0.5);
      values.push({
        unitCode: code,
        unitName: data.names[u] ?? code,
        targetMonth: addMonths(origin, horizon),
        horizon,
        mean: sorted.reduce((s, x) => s + x, 0) / sorted.length,
        median: quantileSorted(sorted, 0.5),
        lower90: interval.lower,
        upper90: interval.upper,
        lower50: likely.lower,
        upper50: likely.upper,
        pAny: exceedanceProbability(sorted, 1),
        pMass: exceedanceProbability(sorted, 25),
      });
    });
  }
  const run: ForecastRunRecord = {
    id: randomUUID(),
    createdAt: deps.now(),
    country: data.country,
    unit: req.unit,
    outcome: req.outcome,
    source: req.source ?? 'events',
    origin,
    model: VIGIE_MODEL,
    samples: req.samples,
    seed: req.seed,
  };
  await deps.store.saveRun(run, values);
  return { run, values };
}

/** The newest stored run for a country, unit and outcome; NOT_FOUND when none was made. */
export async function latestForecasts(
  store: ForecastPort,
  req: { unit: ForecastUnit; outcome: ForecastOutcome; country?: string },
): Promise<ForecastSet> {
  const country = req.country ?? DEFAULT_COUNTRY;
  const run = await store.latestRun(country, req.unit, req.outcome);
  if (!run)
    throw new VigieError('NOT_FOUND', { what: `${req.outcome} forecasts by ${req.unit} for ${country}` });
  return { run, values: await store.values(run.id) };
}
