import { z } from 'zod';
import { EMERGING_STEPS } from './emerging-hotspots.ts';
import { HOTSPOT_MEASURES, HOTSPOT_UNITS } from './hotspots.ts';
import { parseInput } from './parse-input.ts';
import { boundedInt, countryCode, monthParam } from './param-schemas.ts';

const month = monthParam;
const count = boundedInt;

/**
 * Hotspot parameters, validated the same way for the CLI flags and the HTTP query string. Permutations are capped
 * at 9,999: beyond that p no longer changes at any threshold an analyst reads, and an H3 request could run minutes.
 */
export const hotspotParamsObject = z
  .object({
    unit: z.enum(HOTSPOT_UNITS).default('admin1'),
    measure: z.enum(HOTSPOT_MEASURES).default('events'),
    from: month,
    to: month,
    permutations: count(99, 9999, 999),
    seed: count(0, 2 ** 32 - 1, 1),
    country: countryCode.optional(),
  })
  .strict();

/** The period check, applied to the object and to the route's extension of it (refined objects cannot extend). */
export const monthOrder = <T extends { from: string; to: string }>(v: T) => v.from <= v.to;
export const monthOrderMessage = { message: 'from must not be after to', path: ['from'] };

export const hotspotParamsSchema = hotspotParamsObject.refine(monthOrder, monthOrderMessage);

export type HotspotParams = z.infer<typeof hotspotParamsSchema>;

export function parseHotspotParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): HotspotParams {
  return parseInput(hotspotParamsSchema, input, code);
}

/** Emerging hot spot parameters (CLI and HTTP): no permutations, the p-values are analytic. */
export const emergingParamsObject = hotspotParamsObject
  .omit({ permutations: true, seed: true })
  .extend({ step: z.enum(EMERGING_STEPS).default('quarter') });

export const emergingParamsSchema = emergingParamsObject.refine(monthOrder, monthOrderMessage);

export type EmergingParams = z.infer<typeof emergingParamsSchema>;

export function parseEmergingParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): EmergingParams {
  return parseInput(emergingParamsSchema, input, code);
}
