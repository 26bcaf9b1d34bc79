import { z } from 'zod';
import { ALERT_OUTCOMES, ALERT_SEVERITIES } from '../core/alert.ts';
import { INCIDENT_HARM_TYPES } from '../core/incident.ts';

export const ALERT_HARMS = [...INCIDENT_HARM_TYPES, 'armed_attack', 'unspecified'] as const;

const pcode = z.string().regex(/^[A-Z]{2}[0-9A-Z]{0,10}$/);

/** A new alert (HTTP body, CLI flags, rule firings): the area by P-code or point, what and how grave, who and when. */
export const alertInputSchema = z
  .object({
    area: z
      .object({
        pcode: pcode.optional(),
        name: z.string().min(1).max(120).optional(),
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
      })
      .strict()
      .refine((a) => a.pcode !== undefined || (a.latitude !== undefined && a.longitude !== undefined), {
        message: 'a P-code or a point (latitude and longitude)',
      }),
    severity: z.enum(ALERT_SEVERITIES),
    harm: z.enum(ALERT_HARMS).default('unspecified'),
    peopleCount: z.number().int().min(0).max(1_000_000).optional(),
    evidence: z
      .object({
        /** Sealed at rest; opened for monitors and admins only. */
        text: z.string().max(5000).optional(),
        events: z.array(z.number().int().min(1)).max(200).default([]),
        incidents: z.array(z.uuid()).max(200).default([]),
        firings: z.array(z.string().min(1).max(200)).max(200).default([]),
      })
      .strict()
      .default({ events: [], incidents: [], firings: [] }),
    ownerId: z.uuid().optional(),
    requiredResponse: z.string().min(1).max(500),
    deadline: z.iso.datetime({ offset: true }).optional(),
    /** Idempotence: a second alert with the same key returns the first (rule firings use their own key). */
    sourceKey: z.string().min(1).max(200).optional(),
  })
  .strict();
export type AlertInput = z.output<typeof alertInputSchema>;

export const closeSchema = z
  .object({ outcome: z.enum(ALERT_OUTCOMES), note: z.string().max(2000).optional() })
  .strict();
export type CloseInput = z.output<typeof closeSchema>;

/** A rule firing as the rules engine hands it over: one call turns a batch into alerts. */
export interface RuleFiring {
  /** Stable across scans, so the same firing never makes two alerts. */
  key: string;
  rule: string;
  pcode: string;
  areaName?: string;
  severity: z.output<typeof alertInputSchema>['severity'];
  /** What the rule saw, e.g. "12 civilian fatalities in 2024-05 against 2.1 expected (p = 0.001)". */
  summary: string;
  events?: number[];
  requiredResponse?: string;
  deadline?: string;
}
