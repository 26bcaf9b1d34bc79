/**
 * The monthly history an area page shows beside its forecast, read as the forecast reads it: the same source
 * (stored events or ACLED's monthly aggregates), the same study area, codes and zeros.
 *
 * - Civilian outcomes show civilian fatalities and civilian-harm events; the political-violence outcomes
 *   ("fatalities", "events") show all political-violence fatalities and events.
 * - The source is the stored run's. Without a run, civilian harm comes from stored events, and political
 *   violence from whichever source reaches later (an old event file beside current monthly aggregates).
 * - The window ends at the last month of the source's data, not at today: a month without data is not a month
 *   without harm.
 */
import { VigieError } from '../core/errors.ts';
import { addMonths, monthsBetween } from '../core/months.ts';
import type { AreaUnit } from './area-schema.ts';
import { AGGREGATE_MEASURE, loadAggregateForecastData } from './forecast-data-aggregates.ts';
import {
  dataSpan,
  type ForecastDataDeps,
  type ForecastOutcome,
  type ForecastSource,
} from './forecast-data.ts';
import { monthlyUnitCounts } from './hotspots.ts';
import type { Language } from './place-names.ts';

export type AreaFamily = 'civilian' | 'political-violence';

export interface AreaMonth {
  /** YYYY-MM. */
  month: string;
  /** Civilian fatalities, or all political-violence fatalities (see the profile's family). */
  fatalities: number;
  /** Civilian-harm events, or all political-violence events. */
  events: number;
}

export interface AreaSeries {
  family: AreaFamily;
  source: ForecastSource;
  codes: string[];
  names: string[];
  /** Zero-filled, oldest first. */
  history: (code: string) => AreaMonth[];
}

export function familyOf(outcome: ForecastOutcome): AreaFamily {
  return outcome === 'fatalities' || outcome === 'events' ? 'political-violence' : 'civilian';
}

/** The last `months` months ending at `last`, never before `first` (the data's span). */
export function historyWindow(
  span: { first: string; last: string },
  months: number,
): { from: string; to: string } {
  const from = addMonths(span.last, -(months - 1));
  return { from: monthsBetween(span.first, from) < 0 ? span.first : from, to: span.last };
}

/** Without a run, political violence is read from whichever source reaches later: old events or current aggregates. */
async function newerSource(
  deps: ForecastDataDeps,
  country: string,
  span: { last: string } | null,
): Promise<ForecastSource> {
  let last: string | null = null;
  for (const r of await deps.monthly(AGGREGATE_MEASURE)) {
    if (r.country === country && (last === null || r.month > last)) last = r.month;
  }
  return last !== null && (span === null || last > span.last) ? 'aggregates' : 'events';
}

export async function areaSeries(
  deps: ForecastDataDeps,
  req: {
    unit: AreaUnit;
    outcome: ForecastOutcome;
    /** The stored run's source, when there is a run. */
    source: ForecastSource | null;
    months: number;
    country: string;
    language: Language;
  },
): Promise<AreaSeries> {
  // Choosing the source and reading it both need the aggregates: read the table once per request.
  const read = new Map<string, ReturnType<ForecastDataDeps['monthly']>>();
  const { monthly } = deps;
  deps = {
    ...deps,
    monthly: (measure) => read.get(measure) ?? read.set(measure, monthly(measure)).get(measure)!,
  };
  const family = familyOf(req.outcome);
  const span = req.source === 'aggregates' ? null : await dataSpan(deps.counts, req.country);
  const source: ForecastSource =
    req.source ?? (family === 'political-violence' ? await newerSource(deps, req.country, span) : 'events');
  if (source === 'aggregates') {
    const data = await loadAggregateForecastData(deps, { ...req, outcome: 'fatalities' });
    const first = Math.max(0, data.months.length - req.months);
    const months = data.months.slice(first);
    const events = data.covariates[0];
    if (!events) throw new Error('unreachable: the aggregates carry events beside fatalities');
    return {
      family,
      source,
      codes: data.codes,
      names: data.names,
      history: (code) => {
        const u = data.codes.indexOf(code);
        return months.map((month, k) => ({
          month,
          fatalities: data.history.counts[u * data.months.length + first + k] ?? 0,
          events: events.counts[u * data.months.length + first + k] ?? 0,
        }));
      },
    };
  }
  if (!span) throw new VigieError('NOT_FOUND', { what: `events in ${req.country}` });
  const base = {
    ...historyWindow(span, req.months),
    unit: req.unit,
    country: req.country,
    language: req.language,
  };
  const measures =
    family === 'civilian'
      ? (['civilian-fatalities', 'civilian-events'] as const)
      : (['fatalities', 'events'] as const);
  const [fatalities, events] = await Promise.all(
    measures.map((measure) => monthlyUnitCounts(deps, { ...base, measure })),
  );
  if (!fatalities || !events) throw new Error('unreachable');
  return {
    family,
    source,
    codes: fatalities.codes,
    names: fatalities.names,
    history: (code) =>
      fatalities.months.map((month) => ({
        month,
        fatalities: fatalities.valueOf(code, month),
        events: events.valueOf(code, month),
      })),
  };
}
