import { z } from 'zod';
import type { DrawdownResult } from '../../services/drawdown.ts';

const beforeAfter = { before: z.number(), after: z.number(), change: z.number() };

/** One difference-in-differences estimate per base with a closure date, as `vigie drawdown --json` prints them. */
export const drawdownSchema = z.object({
  bases: z.array(
    z.object({
      base: z.string(),
      closedOn: z.string(),
      dateQuality: z.string().nullable(),
      latitude: z.number(),
      longitude: z.number(),
      admin2: z.string(),
      admin2Name: z.string(),
      source: z.enum(['acled-monthly-admin2', 'events']),
      area: z.enum(['admin2', 'radius']),
      radiusKm: z.number().nullable(),
      window: z.number().int(),
      measure: z.enum(['events', 'fatalities']),
      treated: z.object(beforeAfter),
      comparison: z.object({ units: z.number().int(), ...beforeAfter }),
      did: z.number(),
      ci95: z.tuple([z.number(), z.number()]),
      series: z.object({
        months: z.array(z.string()),
        treated: z.array(z.number()),
        comparison: z.array(z.number()),
      }),
      comparisonUnits: z.array(z.string()),
    }),
  ),
});

export function presentDrawdown(bases: readonly DrawdownResult[]): z.infer<typeof drawdownSchema> {
  return drawdownSchema.parse({ bases });
}
