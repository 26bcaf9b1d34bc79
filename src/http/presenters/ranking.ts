import { z } from 'zod';
import { HOTSPOT_CLASSES } from '../../services/hotspots.ts';
import { EXCLUSION_REASONS, type RankingResult } from '../../services/presence-ranking.ts';

const weight = z.number();

/** The open-presence ranking with its formula, as `vigie drawdown --ranking --json` prints it. */
export const rankingSchema = z.object({
  source: z.enum(['events', 'acled-monthly-admin2']),
  measure: z.enum(['civilian-harm-events', 'political-violence-events']),
  from: z.string(),
  to: z.string(),
  formula: z.object({
    expression: z.string(),
    weights: z.object({ trend: weight, level: weight, hotspot: weight, forecast: weight }),
    hotspotScores: z.record(z.enum(HOTSPOT_CLASSES), z.number()),
    unknownHotspotScore: z.number(),
    months: z.number().int(),
  }),
  presences: z.array(
    z.object({
      name: z.string(),
      rank: z.number().int(),
      score: z.number(),
      latitude: z.number(),
      longitude: z.number(),
      admin2: z.string(),
      admin2Name: z.string(),
      trend: z.object({
        previous: z.number(),
        recent: z.number(),
        change: z.number().nullable(),
        score: z.number(),
      }),
      level: z.object({ recent: z.number(), score: z.number() }),
      hotspot: z.object({ class: z.enum(HOTSPOT_CLASSES).nullable(), score: z.number() }),
      forecast: z.object({ value: z.number().nullable(), score: z.number() }),
    }),
  ),
  excluded: z.array(z.object({ name: z.string(), reason: z.enum(EXCLUSION_REASONS) })),
});

export function presentRanking(r: RankingResult): z.infer<typeof rankingSchema> {
  return rankingSchema.parse(r);
}
