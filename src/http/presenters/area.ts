import { z } from 'zod';
import { ALERT_STATES } from '../../core/alert.ts';
import type { AreaProfile } from '../../services/area-profile.ts';
import { AREA_OUTCOMES, AREA_UNITS } from '../../services/area-schema.ts';
import { FORECAST_SOURCES } from '../../services/forecast-data.ts';
import { forecastSetSchema } from './forecast.ts';

/**
 * One area's page. Alerts are reduced to what a list row needs (no evidence, no links, no people): the alert's
 * own page, behind its own access rules, holds the rest.
 */
export const areaProfileSchema = z.object({
  unit: z.enum(AREA_UNITS),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  outcome: z.enum(AREA_OUTCOMES),
  /** civilian: civilian fatalities and civilian-harm events; political-violence: all fatalities and events. */
  family: z.enum(['civilian', 'political-violence']),
  source: z.enum(FORECAST_SOURCES),
  history: z.array(z.object({ month: z.string(), fatalities: z.number(), events: z.number() })),
  forecast: forecastSetSchema.nullable(),
  alerts: z
    .array(
      z.object({
        id: z.string(),
        reference: z.string(),
        state: z.enum(ALERT_STATES),
        severity: z.string(),
        harm: z.string(),
        placeName: z.string().nullable(),
        deadline: z.string(),
        createdAt: z.string(),
      }),
    )
    .nullable(),
});

export function presentArea(p: AreaProfile): z.infer<typeof areaProfileSchema> {
  return areaProfileSchema.parse({
    unit: p.unit,
    code: p.code,
    name: p.name,
    country: p.country,
    outcome: p.outcome,
    family: p.family,
    source: p.source,
    history: p.history.map((h) => ({ month: h.month, fatalities: h.fatalities, events: h.events })),
    forecast: p.forecast,
    alerts:
      p.alerts?.map((a) => ({
        id: a.id,
        reference: a.reference,
        state: a.state,
        severity: a.severity,
        harm: a.harm,
        placeName: a.placeName,
        deadline: a.deadline,
        createdAt: a.createdAt,
      })) ?? null,
  });
}
