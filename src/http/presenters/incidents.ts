import { z } from 'zod';
import { ROLES } from '../../core/access.ts';
import { VERIFICATION_STATES } from '../../core/incident.ts';
import type { IncidentDetail, IncidentSummary } from '../../services/incident-detail.ts';
import type { UserView } from '../../services/accounts.ts';
import type { CustodyEntry } from '../../services/ports/incident-port.ts';

/**
 * Output whitelists: every incident answer is parsed through these schemas, which drop any field they do not
 * name. The service has already left out what the reader's view does not allow; this is the second lock.
 */
const dateSchema = z.object({ from: z.string(), to: z.string().nullable(), precision: z.string() });
const placeSchema = z.object({
  pcode: z.string().nullable(),
  admin1: z.string().nullable(),
  admin1Pcode: z.string().nullable(),
  admin2Pcode: z.string().nullable(),
  locationName: z.string().nullable(),
  precision: z.string(),
});

export const incidentSummarySchema = z.object({
  id: z.string(),
  reference: z.string(),
  date: dateSchema,
  place: placeSchema,
  harmTypes: z.array(z.string()),
  perpetrators: z.array(z.object({ category: z.string(), name: z.string().nullable() })),
  flags: z.object({
    retaliationForUnCooperation: z.boolean(),
    unCooperationKind: z.string().nullable(),
    crsv: z.boolean(),
    childVictims: z.boolean(),
  }),
  status: z.enum(VERIFICATION_STATES),
  standardOfProof: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const incidentDetailSchema = incidentSummarySchema.extend({
  view: z.enum(['summary', 'narrative', 'identities']),
  canDecide: z.boolean(),
  isMember: z.boolean(),
  reportedBy: z.string(),
  people: z.record(z.string(), z.string()),
  victimCounts: z.array(
    z.object({ harm: z.string(), sex: z.string(), age: z.string(), status: z.string(), count: z.number() }),
  ),
  sources: z.array(
    z.object({
      kind: z.string(),
      reliability: z.string(),
      credibility: z.number(),
      description: z.string().nullable().optional(),
    }),
  ),
  narrative: z.string().nullable().optional(),
  point: z.object({ latitude: z.number(), longitude: z.number() }).nullable().optional(),
  verification: z.array(
    z.object({
      from: z.enum(VERIFICATION_STATES),
      to: z.enum(VERIFICATION_STATES),
      standardOfProof: z.string().nullable(),
      reason: z.string().nullable().optional(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      receivedAt: z.string(),
      fileName: z.string().nullable().optional(),
    }),
  ),
  eventLinks: z.array(z.object({ eventId: z.number(), confirmedAt: z.string() })),
  members: z.array(z.string()).optional(),
  victims: z
    .array(
      z.object({
        id: z.string(),
        sex: z.string(),
        age: z.string(),
        status: z.string(),
        harms: z.array(z.string()),
        consent: z.string(),
        consentPartner: z.string().nullable(),
        name: z.string().nullable(),
        contact: z.string().nullable(),
        address: z.string().nullable(),
        testimony: z.string().nullable(),
      }),
    )
    .optional(),
  victimRecords: z.number(),
});

export const incidentPageSchema = z.object({
  incidents: z.array(incidentSummarySchema),
  nextCursor: z.string().nullable(),
});

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string(),
  organisationName: z.string(),
  regions: z.array(z.string()),
  disabled: z.boolean(),
});

/** An incident just recorded (POST /api/v1/incidents: 201, or 200 when its clientId was seen before). */
export const recordedSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(VERIFICATION_STATES),
  created: z.boolean(),
});

/** Where a decision left the incident: its new status and the version to send with the next decision. */
export const decisionResultSchema = z.object({ status: z.enum(VERIFICATION_STATES), version: z.number() });

export const victimsAddedSchema = z.object({ added: z.number() });

/** An evidence file taken in (201): its id, and the SHA-256 and size computed at intake. */
export const evidenceAddedSchema = z.object({ id: z.string(), sha256: z.string(), sizeBytes: z.number() });

const CUSTODY_ACTIONS = ['received', 'downloaded'] as const satisfies readonly CustodyEntry['action'][];

/** One step of an evidence file's chain of custody: who received or downloaded it, when. */
export const custodyEntrySchema = z.object({
  evidenceId: z.string(),
  at: z.string(),
  userId: z.string(),
  action: z.enum(CUSTODY_ACTIONS),
  note: z.string().nullable(),
});

export const custodyLogSchema = z.object({ custody: z.array(custodyEntrySchema) });

export function presentIncident(detail: IncidentDetail): z.output<typeof incidentDetailSchema> {
  return incidentDetailSchema.parse(detail);
}

export function presentSummary(summary: IncidentSummary): z.output<typeof incidentSummarySchema> {
  return incidentSummarySchema.parse(summary);
}

export function presentUser(user: UserView): z.output<typeof userSchema> {
  return userSchema.parse(user);
}

export function presentCustodyLog(entries: readonly CustodyEntry[]): z.output<typeof custodyLogSchema> {
  return custodyLogSchema.parse({ custody: entries });
}
