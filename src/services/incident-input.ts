import { z } from 'zod';
import { PERPETRATOR_CATEGORIES } from '../core/event.ts';
import {
  AGE_GROUPS,
  CONSENT_LEVELS,
  DATE_PRECISIONS,
  INCIDENT_HARM_TYPES,
  INFORMATION_CREDIBILITY,
  PLACE_PRECISIONS,
  SEXES,
  SOURCE_KINDS,
  SOURCE_RELIABILITY,
  UN_COOPERATION_KINDS,
  VICTIM_STATUSES,
} from '../core/incident.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a date');
/** Protected text: bounded so a paste of a whole file does not end up sealed in a narrative. */
const text = (max: number) => z.string().trim().min(1).max(max);

export const victimInputSchema = z
  .object({
    name: text(300).optional(),
    contact: text(300).optional(),
    address: text(500).optional(),
    testimony: text(50_000).optional(),
    sex: z.enum(SEXES).default('unknown'),
    age: z.enum(AGE_GROUPS).default('unknown'),
    status: z.enum(VICTIM_STATUSES).default('civilian'),
    harms: z.array(z.enum(INCIDENT_HARM_TYPES)).min(1),
    consent: z.enum(CONSENT_LEVELS),
    /** The organisation a `named_partner` consent names. */
    consentPartner: text(200).optional(),
  })
  .strict()
  .refine((v) => v.consent !== 'named_partner' || v.consentPartner !== undefined, {
    message: 'named_partner consent names the partner',
    path: ['consentPartner'],
  });

/** The JSON format of `vigie incidents add FILE.json` and `POST /api/v1/incidents` (docs/INCIDENTS.md). */
export const incidentInputSchema = z
  .object({
    clientId: z.string().trim().min(8).max(100).optional(),
    date: z
      .object({ from: isoDay, to: isoDay.optional(), precision: z.enum(DATE_PRECISIONS).default('day') })
      .strict()
      .refine((d) => d.to === undefined || d.to >= d.from, { message: 'to before from', path: ['to'] }),
    place: z
      .object({
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
        pcode: z
          .string()
          .regex(/^[A-Z]{2}\d{2,8}$/, 'OCHA P-code, e.g. ML0401')
          .optional(),
        locationName: text(200).optional(),
        precision: z.enum(PLACE_PRECISIONS).default('exact'),
      })
      .strict()
      .refine((p) => (p.latitude === undefined) === (p.longitude === undefined), {
        message: 'latitude and longitude go together',
        path: ['longitude'],
      })
      .refine((p) => p.latitude !== undefined || p.pcode !== undefined, {
        message: 'a point or a P-code is needed',
        path: ['pcode'],
      }),
    harmTypes: z.array(z.enum(INCIDENT_HARM_TYPES)).min(1).max(INCIDENT_HARM_TYPES.length),
    narrative: text(100_000),
    perpetrators: z
      .array(z.object({ category: z.enum(PERPETRATOR_CATEGORIES), name: text(200).optional() }).strict())
      .max(20)
      .default([]),
    sources: z
      .array(
        z
          .object({
            kind: z.enum(SOURCE_KINDS),
            reliability: z.enum(SOURCE_RELIABILITY),
            credibility: z.union(INFORMATION_CREDIBILITY.map((n) => z.literal(n))),
            description: text(5_000).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
    flags: z
      .object({
        retaliationForUnCooperation: z.boolean().default(false),
        unCooperationKind: z.enum(UN_COOPERATION_KINDS).optional(),
        crsv: z.boolean().default(false),
        childVictims: z.boolean().default(false),
      })
      .strict()
      .default({ retaliationForUnCooperation: false, crsv: false, childVictims: false })
      .refine((f) => !f.retaliationForUnCooperation || f.unCooperationKind !== undefined, {
        message: 'say which kind of cooperation',
        path: ['unCooperationKind'],
      }),
    victimCounts: z
      .array(
        z
          .object({
            harm: z.enum(INCIDENT_HARM_TYPES),
            sex: z.enum(SEXES),
            age: z.enum(AGE_GROUPS),
            status: z.enum(VICTIM_STATUSES),
            count: z.number().int().min(1).max(100_000),
          })
          .strict(),
      )
      .max(500)
      .default([]),
    victims: z.array(victimInputSchema).max(500).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.victimCounts.forEach((c, i) => {
      const key = `${c.harm}|${c.sex}|${c.age}|${c.status}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', message: 'repeated cell', path: ['victimCounts', i] });
      seen.add(key);
      if (!v.harmTypes.includes(c.harm))
        ctx.addIssue({
          code: 'custom',
          message: 'harm not among harmTypes',
          path: ['victimCounts', i, 'harm'],
        });
    });
    if (v.harmTypes.includes('crsv') && !v.flags.crsv)
      ctx.addIssue({ code: 'custom', message: 'a CRSV harm sets the crsv flag', path: ['flags', 'crsv'] });
  });

export type IncidentInput = z.output<typeof incidentInputSchema>;
export type VictimInput = z.output<typeof victimInputSchema>;

export const decisionSchema = z
  .object({
    to: z.enum(['under_review', 'verified', 'not_verified', 'dismissed']),
    standardOfProof: z
      .enum(['reasonable_grounds', 'balance_of_probabilities', 'clear_and_convincing'])
      .optional(),
    reason: text(5_000).optional(),
    version: z.number().int().min(1),
  })
  .strict();
export type DecisionInput = z.output<typeof decisionSchema>;
