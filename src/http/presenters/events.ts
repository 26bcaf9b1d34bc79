import { z } from 'zod';
import type { EventStats, EventView } from '../../services/ports/event-query-port.ts';

/**
 * Presenters whitelist what leaves the server: a field reaches a response only when it is named here. Imported
 * events are public-source data, so every role sees the same fields; protected incident data will get
 * role-dependent presenters.
 */
export const eventSchema = z.object({
  id: z.number(),
  source: z.string(),
  sourceId: z.string(),
  date: z.string(),
  datePrecision: z.string(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  admin1Pcode: z.string().nullable(),
  admin2Pcode: z.string().nullable(),
  sourceAdmin1: z.string().nullable(),
  sourceAdmin2: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.number(),
  longitude: z.number(),
  geoPrecision: z.number().nullable(),
  coarseLocation: z.boolean(),
  eventType: z.string().nullable(),
  subEventType: z.string().nullable(),
  sourceEventType: z.string().nullable(),
  actor1: z.string().nullable(),
  actor2: z.string().nullable(),
  actors: z.array(z.object({ name: z.string(), role: z.string(), inter: z.number().nullable() })),
  fatalities: z.number(),
  civilianHarm: z.boolean(),
  civilianFatalities: z.number(),
  harmCategory: z.string().nullable(),
  perpetratorCategory: z.string().nullable(),
  h3r5: z.string(),
  priogrid: z.number(),
  notes: z.string().nullable(),
  sources: z.string().nullable(),
});

export const eventPageSchema = z.object({ events: z.array(eventSchema), nextCursor: z.string().nullable() });

export const statsSchema = z.object({
  events: z.number(),
  fatalities: z.number(),
  civilianEvents: z.number(),
  civilianFatalities: z.number(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  bySource: z.record(
    z.string(),
    z.object({
      events: z.number(),
      fatalities: z.number(),
      firstDate: z.string().nullable(),
      lastDate: z.string().nullable(),
    }),
  ),
  unassigned: z.object({ admin1: z.number(), admin2: z.number(), coarseLocation: z.number() }),
});

/** `parse` drops every key the schema does not name: the whitelist is the schema. */
export function presentEvent(e: EventView): z.infer<typeof eventSchema> {
  return eventSchema.parse(e);
}

export function presentStats(s: EventStats): z.infer<typeof statsSchema> {
  return statsSchema.parse(s);
}
