/**
 * Which area profile: `vigie areas show admin1 ML07` and GET /api/v1/areas/admin1/ML07 validate the same way.
 * Only admin units have a page: grid cells have no name a protection officer would look up.
 */
import { z } from 'zod';
import { FORECAST_OUTCOMES, type ForecastOutcome } from './forecast-data.ts';
import { parseInput } from './parse-input.ts';
import { countryCode } from './param-schemas.ts';

export const AREA_UNITS = ['admin1', 'admin2'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

/** Every forecast outcome: civilian harm from stored events, or all political violence from either source. */
export const AREA_OUTCOMES = FORECAST_OUTCOMES;
export type AreaOutcome = ForecastOutcome;

/** Natural Earth codes ("ML-7"), OCHA P-codes ("ML0701"); nothing that could smuggle a path or a query. */
export const areaParamsObject = z
  .object({
    unit: z.enum(AREA_UNITS),
    code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'an admin code such as ML07 or ML-7'),
  })
  .strict();

export const areaQueryObject = z
  .object({
    outcome: z.enum(AREA_OUTCOMES).default('civilian-fatalities'),
    months: z.coerce.number().int().min(12).max(120).default(36),
    country: countryCode.optional(),
  })
  .strict();

export type AreaParams = z.infer<typeof areaParamsObject> & z.infer<typeof areaQueryObject>;

export function parseAreaParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): AreaParams {
  const { unit, code: areaCode, ...query } = (input ?? {}) as Record<string, unknown>;
  return {
    ...parseInput(areaParamsObject, { unit, code: areaCode }, code),
    ...parseInput(areaQueryObject, query, code),
  };
}
