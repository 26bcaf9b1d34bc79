/**
 * One admin area's page (`vigie areas show`, GET /api/v1/areas/:unit/:code): its monthly history of civilian
 * fatalities and civilian-harm events, the stored forecast of the newest run for it (issue 6 point 5) and the
 * open alerts placed in it.
 *
 * - The history is read as the forecast reads it (monthlyUnitCounts: the same study area, codes and zeros), so
 *   the months before the forecast are the numbers the model saw. It ends at the last month with any event in the
 *   country, not at today: a month without data is not a month without harm. No event at all is NOT_FOUND.
 * - The forecast is whatever `vigie forecast run` stored last for this unit level and outcome; null when none
 *   was run, so the page can say how to make one rather than fail.
 * - Alerts are only listed for roles that may read alerts (viewers may not: null, not an empty list, so the page
 *   does not claim there are none). The alert list's own region scope applies; a page of 500 open alerts is read.
 */
import type { Principal } from '../core/access.ts';
import type { AlertState } from '../core/alert.ts';
import { VigieError } from '../core/errors.ts';
import type { Alerts } from './alerts-service.ts';
import type { AreaOutcome, AreaParams, AreaUnit } from './area-schema.ts';
import { addMonths, monthsBetween } from './forecast-schema.ts';
import { dataSpan } from './forecast-data.ts';
import { monthlyUnitCounts } from './hotspots.ts';
import { DEFAULT_COUNTRY } from './map-cells.ts';
import type { Language } from './place-names.ts';
import type { Geography } from './geography.ts';
import type { GroupedCounts } from './grouped-counts.ts';
import type { AlertRecord } from './ports/alert-port.ts';
import type { ForecastPort, ForecastRunRecord, ForecastValueRecord } from './ports/forecast-port.ts';

export type AreaRequest = AreaParams & { language: Language };

export interface AreaMonth {
  /** YYYY-MM. */
  month: string;
  civilianFatalities: number;
  civilianEvents: number;
}

export interface AreaProfile {
  unit: AreaUnit;
  code: string;
  name: string;
  country: string;
  outcome: AreaOutcome;
  /** Zero-filled, oldest first. */
  history: AreaMonth[];
  forecast: { run: ForecastRunRecord; values: ForecastValueRecord[] } | null;
  /** Open, acknowledged and responding alerts of this area; null when the reader's role does not read alerts. */
  alerts: AlertRecord[] | null;
}

export interface AreaDeps {
  counts: GroupedCounts;
  geography: Geography;
  forecasts: ForecastPort;
  alerts: Pick<Alerts, 'list'>;
}

const OPEN_STATES: AlertState[] = ['open', 'acknowledged', 'responding'];
const ALERT_PAGE = 500;

/** The last `months` months ending at `last`, never before `first` (the data's span). */
export function historyWindow(
  span: { first: string; last: string },
  months: number,
): { from: string; to: string } {
  const from = addMonths(span.last, -(months - 1));
  return { from: monthsBetween(span.first, from) < 0 ? span.first : from, to: span.last };
}

/**
 * Whether an alert lies in the area. Admin-1 areas carry Natural Earth codes or, once a COD-AB admin-1 set is
 * loaded, P-codes: an alert keeps both, so either may match. Admin-2 areas are COD-AB P-codes.
 */
export function alertInArea(unit: AreaUnit, code: string, alert: AlertRecord): boolean {
  if (unit === 'admin2') return alert.admin2Pcode === code;
  return alert.admin1 === code || alert.admin1Pcode === code;
}

export async function areaProfile(
  deps: AreaDeps,
  by: Principal | null,
  req: AreaRequest,
): Promise<AreaProfile> {
  const country = req.country ?? DEFAULT_COUNTRY;
  const span = await dataSpan(deps.counts, country);
  if (!span) throw new VigieError('NOT_FOUND', { what: `events in ${country}` });
  const window = historyWindow(span, req.months);
  const base = { ...window, unit: req.unit, country, language: req.language };
  const [fatalities, events] = await Promise.all(
    (['civilian-fatalities', 'civilian-events'] as const).map((measure) =>
      monthlyUnitCounts(deps, { ...base, measure }),
    ),
  );
  if (!fatalities || !events) throw new Error('unreachable');
  const index = fatalities.codes.indexOf(req.code);
  if (index < 0) throw new VigieError('NOT_FOUND', { what: `${req.unit} ${req.code} in ${country}` });
  const history: AreaMonth[] = fatalities.months.map((month) => ({
    month,
    civilianFatalities: fatalities.valueOf(req.code, month),
    civilianEvents: events.valueOf(req.code, month),
  }));
  const [forecast, alerts] = await Promise.all([
    areaForecast(deps.forecasts, country, req.unit, req.outcome, req.code),
    openAlerts(deps.alerts, by, req.unit, req.code),
  ]);
  return {
    unit: req.unit,
    code: req.code,
    name: fatalities.names[index] ?? req.code,
    country,
    outcome: req.outcome,
    history,
    forecast,
    alerts,
  };
}

async function areaForecast(
  store: ForecastPort,
  country: string,
  unit: AreaUnit,
  outcome: AreaOutcome,
  code: string,
): Promise<AreaProfile['forecast']> {
  const run = await store.latestRun(country, unit, outcome);
  if (!run) return null;
  const values = (await store.values(run.id))
    .filter((v) => v.unitCode === code)
    .sort((a, b) => a.horizon - b.horizon);
  return { run, values };
}

async function openAlerts(
  alerts: Pick<Alerts, 'list'>,
  by: Principal | null,
  unit: AreaUnit,
  code: string,
): Promise<AlertRecord[] | null> {
  if (by === null || by.role === 'viewer') return null;
  const page = await alerts.list(by, { states: OPEN_STATES, limit: ALERT_PAGE });
  return page.alerts.filter((a) => alertInArea(unit, code, a));
}
