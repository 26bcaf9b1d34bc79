import { z } from 'zod';
import { ALERT_SEVERITIES, ALERT_STATES } from '../../core/alert.ts';
import { ALERT_HARMS } from '../../services/alerts-input.ts';
import type { AlertDetail } from '../../services/alerts-detail.ts';
import type { AlertRecord } from '../../services/ports/alert-port.ts';
import type { TriageItem } from '../../services/sms.ts';

/** Output whitelists for alerts: sealed columns, key ids and sender hashes can never leave through these. */
const timingsSchema = z.object({ toAcknowledge: z.number().nullable(), toRespond: z.number().nullable() });

export const alertSchema = z.object({
  id: z.string(),
  reference: z.string(),
  source: z.string(),
  state: z.enum(ALERT_STATES),
  severity: z.enum(ALERT_SEVERITIES),
  harm: z.enum(ALERT_HARMS),
  peopleCount: z.number().nullable(),
  area: z.object({
    placeCode: z.string().nullable(),
    name: z.string().nullable(),
    admin1: z.string().nullable(),
    admin1Pcode: z.string().nullable(),
    admin2Pcode: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
  }),
  ownerId: z.string().nullable(),
  requiredResponse: z.string(),
  deadline: z.string(),
  outcome: z.string().nullable(),
  links: z.object({
    events: z.array(z.number()),
    incidents: z.array(z.string()),
    firings: z.array(z.string()),
    messages: z.array(z.string()),
  }),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  respondingAt: z.string().nullable(),
  respondingBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  updatedAt: z.string(),
  timings: timingsSchema,
});

export const alertPageSchema = z.object({ alerts: z.array(alertSchema), nextCursor: z.string().nullable() });

export const alertDetailSchema = alertSchema.extend({
  timeline: z.array(
    z.object({
      seq: z.number(),
      action: z.string(),
      state: z.enum(ALERT_STATES),
      at: z.string(),
      by: z.string().nullable(),
    }),
  ),
  evidenceText: z.string().nullable(),
  messages: z.array(
    z.object({ id: z.string(), gateway: z.string(), receivedAt: z.string(), text: z.string().nullable() }),
  ),
  deliveries: z.array(
    z.object({
      event: z.string(),
      channel: z.string(),
      status: z.string(),
      attempts: z.array(
        z.object({
          at: z.string(),
          ok: z.boolean(),
          status: z.number().nullable(),
          error: z.string().nullable(),
        }),
      ),
      deliveredAt: z.string().nullable(),
    }),
  ),
});

export const triageSchema = z.object({
  messages: z.array(
    z.object({
      id: z.string(),
      gateway: z.string(),
      receivedAt: z.string(),
      text: z.string().nullable(),
      sender: z.string(),
      messagesFromSender: z.number(),
      parse: z.object({
        outcome: z.string(),
        reasons: z.array(z.string()),
        keyword: z.boolean(),
        place: z.object({ code: z.string(), name: z.string(), level: z.number() }).nullable(),
        candidates: z.array(
          z.object({
            code: z.string(),
            name: z.string(),
            level: z.number(),
            parentCode: z.string().nullable(),
          }),
        ),
        harm: z.string().nullable(),
        harms: z.array(z.string()),
        count: z.number().nullable(),
        severity: z.string(),
      }),
    }),
  ),
});

/** A queued message resolved into an alert (its id and reference) or dismissed. */
export const triageResolutionSchema = z.object({
  status: z.enum(['resolved', 'dismissed']),
  alertId: z.string().nullable(),
  reference: z.string().nullable(),
});

export const metricsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  alerts: z.number(),
  acknowledged: z.number(),
  responded: z.number(),
  medianToAcknowledge: z.number().nullable(),
  medianToRespond: z.number().nullable(),
});

export function presentAlert(
  a: AlertRecord & { timings?: z.infer<typeof timingsSchema> },
  timings = a.timings,
) {
  return alertSchema.parse({
    ...a,
    area: {
      placeCode: a.placeCode,
      name: a.placeName,
      admin1: a.admin1,
      admin1Pcode: a.admin1Pcode,
      admin2Pcode: a.admin2Pcode,
      latitude: a.latitude,
      longitude: a.longitude,
    },
    timings: timings ?? { toAcknowledge: null, toRespond: null },
  });
}

export function presentAlertDetail(d: AlertDetail) {
  return alertDetailSchema.parse({ ...presentAlert(d.alert, d.timings), ...d });
}

export const presentTriage = (items: TriageItem[]) => triageSchema.parse({ messages: items });
