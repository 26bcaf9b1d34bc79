/**
 * The history a forecast reads when its source is ACLED's monthly political-violence aggregates per admin-2 unit
 * (the HDX files, `vigie import acled-monthly`) instead of the event store. They run to the latest month ACLED
 * published (Mali: 2026-04), years past any event file the model was designed on, so they are where the model
 * is scored on months nobody tuned it to, and where current forecasts come from when no recent events are stored.
 *
 * - Outcome "fatalities" or "events": all political violence (battles, explosions/remote violence, violence
 *   against civilians), as ACLED aggregates it; the other one is the covariate.
 * - Units: the loaded admin-2 set (codes in 2017 terms: Ménaka's four 2021 cercles are cercle ML0704), or admin-1
 *   (the COD-AB set when loaded, else Natural Earth through the P-code crosswalk).
 * - The files list every unit-month, zeros included, so a missing row is not a zero: a month some unit of the
 *   study area lacks is refused rather than filled.
 */
import { VigieError } from '../core/errors.ts';
import { queenContiguity } from '../geo/neighbours.ts';
import { neAdmin1ForPcode, normalisePcode2021To2017 } from '../geo/mali-crosswalk.ts';
import type { CountHistory } from '../analysis/forecast/series.ts';
import { addMonths } from '../core/months.ts';
import type { ForecastData } from './forecast-data.ts';
import type { Geography } from './geography.ts';
import type { Language } from './place-names.ts';
import type { ReferencePort } from './ports/reference-port.ts';

export const AGGREGATE_MEASURE = 'political_violence';

export interface AggregateForecastDeps {
  geography: Geography;
  monthly: ReferencePort['monthlyAggregates'];
}

export interface AggregateForecastRequest {
  unit: 'admin1' | 'admin2';
  outcome: 'fatalities' | 'events';
  country: string;
  language: Language;
}

export async function loadAggregateForecastData(
  deps: AggregateForecastDeps,
  req: AggregateForecastRequest,
): Promise<ForecastData> {
  const rows = (await deps.monthly(AGGREGATE_MEASURE)).filter((r) => r.country === req.country);
  if (rows.length === 0) {
    throw new VigieError('NOT_FOUND', {
      what: `monthly political-violence aggregates for ${req.country}`,
      reason: 'import them with vigie import acled-monthly FILE',
    });
  }
  const shapes = await deps.geography.unitShapes(req.unit === 'admin1' ? 1 : 2, req.country, req.language);
  if (shapes.units.length === 0) {
    throw new VigieError('NOT_FOUND', {
      what: `${req.unit} boundaries`,
      reason: 'no COD-AB admin-2 set is loaded (vigie import boundaries FILE --level 2 --set NAME)',
    });
  }
  const naturalEarth = req.unit === 'admin1' && shapes.units.every((u) => !/^[A-Z]{2}\d{2}$/.test(u.code));
  const unitOf = (pcode: string): string | null => {
    if (naturalEarth) return neAdmin1ForPcode(pcode);
    const code = normalisePcode2021To2017(pcode) ?? pcode;
    return req.unit === 'admin1' ? code.slice(0, 4) : code;
  };
  const codes = shapes.units.map((u) => normalisePcode2021To2017(u.code) ?? u.code);
  const index = new Map(codes.map((c, i) => [c, i]));

  const sorted = rows.map((r) => r.month).sort();
  const first = sorted[0] ?? '';
  const last = sorted[sorted.length - 1] ?? '';
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  const monthIndex = new Map(months.map((m, t) => [m, t]));

  const blank = (): CountHistory => ({
    units: codes.length,
    months: months.length,
    counts: new Float64Array(codes.length * months.length),
  });
  const fatalities = blank();
  const events = blank();
  const seen = new Uint8Array(codes.length * months.length);
  const unplaced = new Set<string>();
  for (const r of rows) {
    const code = unitOf(r.admin2Pcode);
    const u = code === null ? undefined : index.get(code);
    const t = monthIndex.get(r.month);
    if (u === undefined || t === undefined) {
      if (r.events > 0 || (r.fatalities ?? 0) > 0) unplaced.add(r.admin2Pcode);
      continue;
    }
    const at = u * months.length + t;
    seen[at] = 1;
    events.counts[at] = (events.counts[at] ?? 0) + r.events;
    fatalities.counts[at] = (fatalities.counts[at] ?? 0) + (r.fatalities ?? 0);
  }
  if (unplaced.size > 0) {
    throw new VigieError('NOT_FOUND', {
      what: `${req.unit} units for aggregate P-codes ${[...unplaced].sort().slice(0, 5).join(', ')}`,
      reason: 'the loaded boundary set does not hold these codes; load the COD-AB set the aggregates use',
    });
  }
  const gap = seen.indexOf(0);
  if (gap >= 0) {
    throw new VigieError('NOT_FOUND', {
      what: `aggregate rows for ${codes[Math.floor(gap / months.length)]} in ${months[gap % months.length]}`,
      reason: 'the aggregates list every unit-month with zeros; a missing month is not read as a zero',
    });
  }
  const outcome = req.outcome === 'fatalities' ? fatalities : events;
  const other = req.outcome === 'fatalities' ? events : fatalities;
  return {
    country: req.country,
    months,
    codes,
    names: shapes.units.map((u) => u.name),
    neighbours: queenContiguity(shapes.units.map((u) => u.geometry)),
    history: outcome,
    covariates: [other],
  };
}
