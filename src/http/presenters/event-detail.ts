import { z } from 'zod';
import type { EventPoints } from '../../services/event-views.ts';
import type { EventDetail, EventRevision } from '../../services/ports/analysis-port.ts';
import { eventSchema } from './events.ts';

/** One event in full: the list's fields plus the source's remaining ones. Public-source data, every role. */
export const eventDetailSchema = z.object({
  event: eventSchema.extend({
    dateEnd: z.string().nullable(),
    countryName: z.string().nullable(),
    sourceAdmin3: z.string().nullable(),
    admin3Pcode: z.string().nullable(),
    disorderType: z.string().nullable(),
    civilianTargetingFlag: z.boolean().nullable(),
    violenceType: z.number().nullable(),
    interaction: z.number().nullable(),
    inter1: z.number().nullable(),
    inter2: z.number().nullable(),
    fatalitiesLow: z.number().nullable(),
    fatalitiesHigh: z.number().nullable(),
    civilianDeaths: z.number().nullable(),
    sourceScale: z.string().nullable(),
    tags: z.string().nullable(),
    sourceTimestamp: z.number().nullable(),
    sourceVersion: z.string().nullable(),
    h3r4: z.string(),
    h3r6: z.string(),
    h3r7: z.string(),
  }),
  revisions: z.array(
    z.object({
      revisedAt: z.string(),
      changedFields: z.array(z.string()),
      previous: z.record(z.string(), z.unknown()),
    }),
  ),
});

export const eventPointsSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.number(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      properties: z.object({
        id: z.number(),
        date: z.string(),
        eventType: z.string().nullable(),
        fatalities: z.number(),
        civilianHarm: z.boolean(),
        civilianFatalities: z.number(),
        perpetratorCategory: z.string().nullable(),
        location: z.string().nullable(),
        source: z.string(),
      }),
    }),
  ),
  excludedCoarse: z.number(),
  truncated: z.boolean(),
});

export function presentEventDetail(d: {
  event: EventDetail;
  revisions: EventRevision[];
}): z.infer<typeof eventDetailSchema> {
  return eventDetailSchema.parse(d);
}

/** Built field by field from the port's points, which name nothing else: the construction is the whitelist. */
export function presentEventPoints(p: EventPoints): z.infer<typeof eventPointsSchema> {
  return {
    type: 'FeatureCollection',
    features: p.points.map((e) => ({
      type: 'Feature',
      id: e.id,
      geometry: { type: 'Point', coordinates: [e.longitude, e.latitude] },
      properties: {
        id: e.id,
        date: e.date,
        eventType: e.eventType,
        fatalities: e.fatalities,
        civilianHarm: e.civilianHarm,
        civilianFatalities: e.civilianFatalities,
        perpetratorCategory: e.perpetratorCategory,
        location: e.location,
        source: e.source,
      },
    })),
    excludedCoarse: p.excludedCoarse,
    truncated: p.truncated,
  };
}
