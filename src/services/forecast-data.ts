/**
 * The history a forecast reads: a zero-filled unit × month matrix of the outcome from the store, for every unit of
 * the study area (the same study area as the hotspots: monthlyUnitCounts in hotspots.ts), with its neighbours and
 * covariate series on the same grid.
 *
 * - Outcome "civilian-fatalities" is the stored civilian_fatalities; "civilian-events" counts events with civilian
 *   harm (core/taxonomy/civilian-harm.ts decides which, once, at import).
 * - Covariates: all political-violence events (battles, explosions, riots … — the "other violence types" the
 *   issue names, as one series) and the other civilian-harm measure. Both are read up to the origin only; the
 *   backtest core cuts them with the history.
 * - The history runs from the first month with any event in the country to the last such month. A month without
 *   events inside that span is a true zero (the event store records events); months before the first event are
 *   not invented zeros.
 */
import { VigieError } from '../core/errors.ts';
import type { Neighbours } from '../core/neighbours.ts';
import type { CountHistory } from '../analysis/forecast/series.ts';
import type { Geography } from './geography.ts';
import type { GroupedCounts } from './grouped-counts.ts';
import { monthlyUnitCounts, type CountMeasure } from './hotspots.ts';
import { loadAggregateForecastData } from './forecast-data-aggregates.ts';
import type { ReferencePort } from './ports/reference-port.ts';
import { DEFAULT_COUNTRY } from './map-cells.ts';
import { parseEventFilter } from './filter-schema.ts';
import type { Language } from './place-names.ts';

export const FORECAST_UNITS = ['admin1', 'admin2', 'priogrid'] as const;
export type ForecastUnit = (typeof FORECAST_UNITS)[number];

/** Civilian harm from stored events; all political violence ("fatalities", "events") from either source. */
export const FORECAST_OUTCOMES = ['civilian-fatalities', 'civilian-events', 'fatalities', 'events'] as const;
export type ForecastOutcome = (typeof FORECAST_OUTCOMES)[number];

/** Where the monthly counts come from: the event store, or ACLED's monthly admin-2 aggregates. */
export const FORECAST_SOURCES = ['events', 'aggregates'] as const;
export type ForecastSource = (typeof FORECAST_SOURCES)[number];

export interface ForecastData {
  country: string;
  /** YYYY-MM of month index 0 … months − 1. */
  months: string[];
  codes: string[];
  names: string[];
  neighbours: Neighbours;
  history: CountHistory;
  covariates: CountHistory[];
}

export interface ForecastDataDeps {
  counts: GroupedCounts;
  geography: Geography;
  monthly: ReferencePort['monthlyAggregates'];
}

/** First and last month with any event in the country, or null for an empty store. */
export async function dataSpan(
  counts: GroupedCounts,
  country: string,
): Promise<{ first: string; last: string } | null> {
  const filter = parseEventFilter({ country }, 'BAD_USAGE');
  const { rows } = await counts.count(['month'], filter, 'all');
  const months = rows
    .filter((r) => r.events > 0)
    .map((r) => r.keys[0])
    .filter((m): m is string => typeof m === 'string')
    .sort();
  const first = months[0];
  const last = months[months.length - 1];
  return first === undefined || last === undefined ? null : { first, last };
}

export async function loadForecastData(
  deps: ForecastDataDeps,
  req: {
    unit: ForecastUnit;
    outcome: ForecastOutcome;
    source?: ForecastSource;
    country?: string;
    language: Language;
  },
): Promise<ForecastData> {
  const country = req.country ?? DEFAULT_COUNTRY;
  if (req.source === 'aggregates') {
    if (req.unit === 'priogrid' || (req.outcome !== 'fatalities' && req.outcome !== 'events')) {
      throw new VigieError('BAD_USAGE', {
        reason:
          'the monthly aggregates give political-violence fatalities or events per admin-1 or admin-2 unit',
      });
    }
    return loadAggregateForecastData(deps, { ...req, unit: req.unit, outcome: req.outcome, country });
  }
  const span = await dataSpan(deps.counts, country);
  if (!span) throw new VigieError('NOT_FOUND', { what: `events in ${country}` });
  const measures = measuresOf(req.outcome);
  const base = { unit: req.unit, from: span.first, to: span.last, country, language: req.language };
  const series = await Promise.all(measures.map((measure) => monthlyUnitCounts(deps, { ...base, measure })));
  // The events series spans the widest study area (PRIO-GRID adds every cell holding an event): the grid of all.
  const main = series[measures.indexOf('events')];
  const outcome = series[0];
  if (!main || !outcome) throw new Error('unreachable');
  const matrix = (s: (typeof series)[number]): CountHistory => {
    const units = main.codes.length;
    const months = main.months.length;
    const counts = new Float64Array(units * months);
    main.codes.forEach((code, u) => {
      main.months.forEach((m, t) => {
        counts[u * months + t] = s.valueOf(code, m);
      });
    });
    return { units, months, counts };
  };
  return {
    country,
    months: main.months,
    codes: main.codes,
    names: main.names,
    neighbours: main.neighbours,
    history: matrix(outcome),
    covariates: series.slice(1).map(matrix),
  };
}

/**
 * The outcome, then its covariates: all political-violence events (the "other violence types"; its series is also
 * the grid of all) and the other measure of the same family. Existing backtests depend on this order.
 */
function measuresOf(outcome: ForecastOutcome): CountMeasure[] {
  switch (outcome) {
    case 'civilian-fatalities':
      return ['civilian-fatalities', 'events', 'civilian-events'];
    case 'civilian-events':
      return ['civilian-events', 'events', 'civilian-fatalities'];
    case 'fatalities':
      return ['fatalities', 'events'];
    case 'events':
      return ['events', 'fatalities'];
  }
}
