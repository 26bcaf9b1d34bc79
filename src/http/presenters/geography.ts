import { z } from 'zod';
import type { BaseView, BoundaryCollection } from '../../services/geography.ts';

/** Boundaries and bases are public reference data: the same for every role. */
const geometrySchema = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
]);

export const boundariesSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({
        code: z.string(),
        name: z.string(),
        level: z.number(),
        set: z.string(),
        parentCode: z.string().nullable(),
      }),
      geometry: geometrySchema,
    }),
  ),
});

export const baseSchema = z.object({
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  siteType: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  dateQuality: z.string().nullable(),
  sources: z.string().nullable(),
  notes: z.string().nullable(),
  admin1Text: z.string().nullable(),
  origin: z.enum(['import', 'facts']),
  closureOrder: z.string().nullable(),
  withdrawal2023: z.boolean().nullable(),
});

export const basesSchema = z.object({ bases: z.array(baseSchema) });

/**
 * Boundaries are whitelisted by construction (the service builds each feature from named fields) and can weigh
 * megabytes, so they are not re-parsed here; the schema documents them in the OpenAPI document.
 */
export function presentBoundaries(c: BoundaryCollection): z.infer<typeof boundariesSchema> {
  return c;
}

export function presentBases(bases: readonly BaseView[]): z.infer<typeof basesSchema> {
  return basesSchema.parse({ bases });
}
