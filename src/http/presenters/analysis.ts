import { z } from 'zod';
import type { AggregateResult } from '../../services/aggregates.ts';
import type { MapResult } from '../../services/map-cells.ts';
import type { Vigie } from '../../services/vigie.ts';

/** Aggregates, map cells and coverage: counts of public-source events, the same for every role. */
const measures = {
  events: z.number(),
  fatalities: z.number(),
  civilianEvents: z.number(),
  civilianFatalities: z.number(),
};

export const aggregatesSchema = z.object({
  by: z.enum(['month', 'year']),
  group: z.string().nullable(),
  answeredBy: z.enum(['rollup', 'events', 'rollup+events']),
  series: z.array(z.object({ period: z.string(), key: z.string(), ...measures })),
  keys: z.array(z.object({ key: z.string(), label: z.string(), events: z.number() })),
  periods: z.array(z.string()),
});

const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.array(z.number()))),
});

export const mapSchema = z.object({
  unit: z.string(),
  measure: z.string(),
  boundarySet: z.string().nullable(),
  answeredBy: z.enum(['rollup', 'events', 'rollup+events']),
  cells: z.array(
    z.object({ code: z.string(), name: z.string(), ...measures, geometry: polygonSchema.optional() }),
  ),
  excludedCoarse: z.number(),
  unassigned: z.number(),
});

export const coverageSchema = z.object({
  sources: z.array(
    z.object({
      source: z.string(),
      firstDate: z.string().nullable(),
      lastDate: z.string().nullable(),
      events: z.number(),
    }),
  ),
  aggregates: z.array(
    z.object({
      source: z.string(),
      measure: z.string(),
      firstMonth: z.string().nullable(),
      lastMonth: z.string().nullable(),
      rows: z.number(),
    }),
  ),
});

/**
 * Series and cells are built field by field rather than parsed: they are the hot path of the overview (thousands
 * of points per answer), and naming each field here is the same whitelist as a schema's `parse`.
 */
const measuresOf = (m: z.infer<z.ZodObject<typeof measures>>) => ({
  events: m.events,
  fatalities: m.fatalities,
  civilianEvents: m.civilianEvents,
  civilianFatalities: m.civilianFatalities,
});

export function presentAggregates(a: AggregateResult): z.infer<typeof aggregatesSchema> {
  return {
    by: a.by,
    group: a.group,
    answeredBy: a.answeredBy,
    series: a.series.map((p) => ({ period: p.period, key: p.key, ...measuresOf(p) })),
    keys: a.keys.map((k) => ({ key: k.key, label: k.label, events: k.events })),
    periods: [...a.periods],
  };
}

export function presentMap(m: MapResult): z.infer<typeof mapSchema> {
  return {
    unit: m.unit,
    measure: m.measure,
    boundarySet: m.boundarySet,
    answeredBy: m.answeredBy,
    cells: m.cells.map((c) => ({
      code: c.code,
      name: c.name,
      ...measuresOf(c),
      ...(c.geometry ? { geometry: c.geometry } : {}),
    })),
    excludedCoarse: m.excludedCoarse,
    unassigned: m.unassigned,
  };
}

/** `parse` drops every key the schema does not name: the whitelist is the schema. */
export function presentCoverage(c: Awaited<ReturnType<Vigie['coverage']>>): z.infer<typeof coverageSchema> {
  return coverageSchema.parse(c);
}
