/**
 * Backtest parameters, validated the same way for the CLI flags and the HTTP query string. Origins are a month
 * range "YYYY-MM:YYYY-MM" (every month in it is an origin); horizons a range "1-6" or a single month "3".
 * Samples are capped at 5,000 (the CRPS of 1,000 samples is already within ~1 % of its limit) and origins at
 * 240, so one request stays under a minute on admin-1 and a few minutes on PRIO-GRID.
 */
import { z } from 'zod';
import { FORECAST_OUTCOMES, FORECAST_SOURCES, FORECAST_UNITS } from './forecast-data.ts';
import { parseInput } from './parse-input.ts';
import { addMonths } from '../core/months.ts';
import { boundedInt, countryCode, monthParam } from './param-schemas.ts';

export { addMonths, monthsBetween } from '../core/months.ts';

const originRange = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2]):\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM:YYYY-MM')
  .refine((v) => v.slice(0, 7) <= v.slice(8), 'the first origin must not be after the last');

const horizonRange = z
  .string()
  .regex(/^[1-9]\d?(-[1-9]\d?)?$/, 'N or N-M')
  .refine((v) => {
    const [a, b] = v.split('-').map(Number);
    return (b ?? a ?? 0) >= (a ?? 0) && (b ?? a ?? 0) <= 24;
  }, 'horizons run from 1 to at most 24, first ≤ last');

const int = boundedInt;

export const backtestParamsObject = z
  .object({
    unit: z.enum(FORECAST_UNITS).default('admin1'),
    outcome: z.enum(FORECAST_OUTCOMES).default('civilian-fatalities'),
    source: z.enum(FORECAST_SOURCES).default('events'),
    origins: originRange.default('2014-01:2018-12'),
    horizons: horizonRange.default('1-6'),
    samples: int(100, 5000, 1000),
    seed: int(0, 2 ** 32 - 1, 1),
    country: countryCode.optional(),
  })
  .strict();

export type BacktestParams = z.infer<typeof backtestParamsObject>;

export function parseBacktestParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): BacktestParams {
  return parseInput(backtestParamsObject, input, code);
}

/** Every month of "YYYY-MM:YYYY-MM", in order. */
export function monthsOfRange(range: string): string[] {
  const out: string[] = [];
  for (let m = range.slice(0, 7); m <= range.slice(8); m = addMonths(m, 1)) out.push(m);
  return out;
}

export function horizonsOfRange(range: string): number[] {
  const [a, b] = range.split('-').map(Number);
  const first = a ?? 1;
  const last = b ?? first;
  return Array.from({ length: last - first + 1 }, (_, k) => first + k);
}

const month = monthParam;

/** `vigie forecast run` flags: the backtest's, with one optional origin instead of a range. */
export const runParamsObject = backtestParamsObject
  .omit({ origins: true })
  .extend({ origin: month.optional() });
export type RunParams = z.infer<typeof runParamsObject>;

export function parseRunParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): RunParams {
  return parseInput(runParamsObject, input, code);
}

/** GET /api/v1/forecasts: which stored forecasts. */
export const forecastsQueryObject = backtestParamsObject.pick({ unit: true, outcome: true, country: true });
