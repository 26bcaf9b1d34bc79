import { z } from 'zod';
import type { PerpetratorLeadersResult } from '../../services/perpetrator-trends.ts';

/** The leader table: per period, the leading armed-actor category and how far ahead it is. */
export const perpetratorLeadersSchema = z.object({
  by: z.enum(['month', 'year']),
  measure: z.string(),
  answeredBy: z.enum(['rollup', 'events', 'rollup+events']),
  periods: z.array(
    z.object({
      period: z.string(),
      leader: z.string().nullable(),
      value: z.number(),
      share: z.number().nullable(),
      runnerUp: z.string().nullable(),
      runnerUpValue: z.number(),
      margin: z.number().nullable(),
      tied: z.array(z.string()),
      total: z.number(),
      unidentified: z.object({
        value: z.number(),
        share: z.number().nullable(),
        exceedsLeader: z.boolean(),
      }),
    }),
  ),
  ledPeriods: z.record(z.string(), z.number()),
});

export function presentPerpetratorLeaders(
  r: PerpetratorLeadersResult,
): z.infer<typeof perpetratorLeadersSchema> {
  return perpetratorLeadersSchema.parse(r);
}
