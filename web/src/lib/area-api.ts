import { allOf, type ApiResponse, type Item } from './api-types.ts';

/** GET /api/v1/areas/:unit/:code (docs/openapi.json, tag forecast): one region or cercle. */
export type AreaProfile = ApiResponse<'/api/v1/areas/{unit}/{code}'>;
export type AreaUnit = AreaProfile['unit'];
/** Civilian harm (stored events), or all political violence (stored events or ACLED's monthly aggregates). */
export type ForecastOutcome = AreaProfile['outcome'];
export const FORECAST_OUTCOMES = allOf<ForecastOutcome>()([
  'civilian-fatalities',
  'civilian-events',
  'fatalities',
  'events',
]);

/** Counts a fatalities-like outcome (the other one counts events). */
export const countsFatalities = (o: ForecastOutcome): boolean =>
  o === 'civilian-fatalities' || o === 'fatalities';

/** Civilian fatalities and civilian-harm events, or all political-violence fatalities and events (`family`). */
export type AreaMonth = Item<AreaProfile['history']>;
/** null: the reader's role does not read alerts. */
export type AreaAlert = Item<NonNullable<AreaProfile['alerts']>>;

const part = (x: string) => encodeURIComponent(x);

export const areaApi = {
  profile: (unit: AreaUnit, code: string, outcome: ForecastOutcome) =>
    `/api/v1/areas/${unit}/${part(code)}?outcome=${outcome}`,
};

/** The web page of an area; the map, the forecasts page and alert pages link to it. */
export const areaPath = (unit: AreaUnit, code: string): string => `/areas/${unit}/${part(code)}`;

/** The unit and code of an area page's path, or null. */
export function parseAreaPath(path: string): { unit: AreaUnit; code: string } | null {
  const m = /^\/areas\/(admin1|admin2)\/([A-Za-z0-9._%-]{1,96})$/.exec(path);
  if (!m) return null;
  try {
    return { unit: m[1] as AreaUnit, code: decodeURIComponent(m[2]!) };
  } catch {
    return null;
  }
}
