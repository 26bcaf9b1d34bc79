import { z } from 'zod';
import { EMERGING_CLASSES, EMERGING_STEPS, type EmergingResult } from '../../services/emerging-hotspots.ts';
import {
  HOTSPOT_CLASSES,
  HOTSPOT_MEASURES,
  HOTSPOT_UNITS,
  type HotspotResult,
} from '../../services/hotspots.ts';

/** The same fields as `vigie hotspots --json`, so a script can switch between the CLI and the API. */
export const hotspotsSchema = z.object({
  unit: z.enum(HOTSPOT_UNITS),
  measure: z.enum(HOTSPOT_MEASURES),
  from: z.string(),
  to: z.string(),
  cells: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      value: z.number(),
      z: z.number(),
      p: z.number(),
      pFdr: z.number(),
      class: z.enum(HOTSPOT_CLASSES),
    }),
  ),
});

export function presentHotspots(r: HotspotResult): z.infer<typeof hotspotsSchema> {
  return {
    unit: r.unit,
    measure: r.measure,
    from: r.from,
    to: r.to,
    cells: r.cells.map((c) => ({
      code: c.code,
      name: c.name,
      value: c.value,
      z: c.z,
      p: c.p,
      pFdr: c.pFdr,
      class: c.class,
    })),
  };
}

/** The same fields as `vigie hotspots --emerging --json`. */
export const emergingHotspotsSchema = z.object({
  unit: z.enum(HOTSPOT_UNITS),
  measure: z.enum(HOTSPOT_MEASURES),
  from: z.string(),
  to: z.string(),
  step: z.enum(EMERGING_STEPS),
  steps: z.array(z.string()),
  cells: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      class: z.enum(EMERGING_CLASSES),
      trendZ: z.number(),
      trendP: z.number(),
      hotSteps: z.array(z.string()),
      coldSteps: z.array(z.string()),
    }),
  ),
});

export function presentEmergingHotspots(r: EmergingResult): z.infer<typeof emergingHotspotsSchema> {
  return {
    unit: r.unit,
    measure: r.measure,
    from: r.from,
    to: r.to,
    step: r.step,
    steps: r.steps,
    cells: r.cells.map((c) => ({
      code: c.code,
      name: c.name,
      class: c.class,
      trendZ: c.trendZ,
      trendP: c.trendP,
      hotSteps: c.hotSteps,
      coldSteps: c.coldSteps,
    })),
  };
}
