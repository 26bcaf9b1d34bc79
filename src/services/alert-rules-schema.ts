/**
 * Alert-rule parameters, validated the same way for the CLI flags and the HTTP query string.
 * Rates are a comma-separated list of alarm rates per unit-year (default "0.5,1,2": most rules fire only on a
 * month with a count, and Mali's admin-1 civilian fatalities have ~1–2 such months per unit-year); the lead window k runs 0–6
 * months (default 3). `forecast=vigie` adds the forecast model as a rule (one forecast per month of the window).
 * `tuneTo` (YYYY-MM) splits the months: sensitivities are tuned on from … tuneTo and scored on tuneTo + 1 … to;
 * without it they are tuned on the scored months themselves (in sample).
 */
import { z } from 'zod';
import { FORECAST_OUTCOMES, FORECAST_SOURCES, FORECAST_UNITS } from './forecast-data.ts';
import { parseInput } from './parse-input.ts';
import { boundedInt, countryCode, monthParam } from './param-schemas.ts';

const month = monthParam;
const int = boundedInt;
const country = countryCode.optional();

export const ALERT_FORECASTS = ['none', 'vigie'] as const;

export const evaluationParamsObject = z
  .object({
    unit: z.enum(FORECAST_UNITS).default('admin1'),
    outcome: z.enum(FORECAST_OUTCOMES).default('civilian-fatalities'),
    source: z.enum(FORECAST_SOURCES).default('events'),
    from: month.optional(),
    to: month.optional(),
    tuneTo: month.optional(),
    lead: int(0, 6, 3),
    rates: z
      .string()
      .regex(/^\d+(\.\d+)?(,\d+(\.\d+)?){0,5}$/, 'comma-separated alarm rates per unit-year, e.g. 1,2,4')
      .transform((v) => v.split(',').map(Number))
      .refine((xs) => xs.every((x) => x > 0 && x <= 12), 'each rate in (0, 12] alarms per unit-year')
      .default([0.5, 1, 2]),
    forecast: z.enum(ALERT_FORECASTS).default('none'),
    samples: int(100, 2000, 500),
    seed: int(0, 2 ** 32 - 1, 1),
    country,
  })
  .strict();

export const evaluationOrder = (v: { from?: string | undefined; to?: string | undefined }) =>
  v.from === undefined || v.to === undefined || v.from <= v.to;
export const evaluationOrderMessage = { message: 'from must not be after to', path: ['from'] };
/** The tuning months end before the scored ones: from ≤ tuneTo < to. */
export const tuningOrder = (v: {
  from?: string | undefined;
  to?: string | undefined;
  tuneTo?: string | undefined;
}) =>
  v.tuneTo === undefined ||
  ((v.from === undefined || v.from <= v.tuneTo) && (v.to === undefined || v.tuneTo < v.to));
export const tuningOrderMessage = {
  message: 'tuneTo must be between from and the month before to',
  path: ['tuneTo'],
};

export type EvaluationParams = z.infer<typeof evaluationParamsObject>;

export function parseEvaluationParams(
  input: unknown,
  code: 'BAD_USAGE' | 'VALIDATION_FAILED',
): EvaluationParams {
  return parseInput(
    evaluationParamsObject
      .refine(evaluationOrder, evaluationOrderMessage)
      .refine(tuningOrder, tuningOrderMessage),
    input,
    code,
  );
}

export const scanParamsObject = z
  .object({
    unit: z.enum(FORECAST_UNITS).default('admin1'),
    outcome: z.enum(FORECAST_OUTCOMES).default('civilian-fatalities'),
    source: z.enum(FORECAST_SOURCES).default('events'),
    month: month.optional(),
    forecast: z.enum(ALERT_FORECASTS).default('none'),
    samples: int(100, 2000, 500),
    seed: int(0, 2 ** 32 - 1, 1),
    country,
  })
  .strict();

export type ScanParams = z.infer<typeof scanParamsObject>;

export function parseScanParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): ScanParams {
  return parseInput(scanParamsObject, input, code);
}
