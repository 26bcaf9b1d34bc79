import { randomBytes } from 'node:crypto';
import type { Principal, Role } from '../../src/core/access.ts';
import { incidentInputSchema, type IncidentInput } from '../../src/services/incident-input.ts';
import type { Vigie } from '../../src/services/vigie.ts';

/**
 * Incidents whose every protected field carries a unique marker, for the access-matrix and canary tests: the
 * markers are searched for in responses, logs, exports and database files where they must never appear.
 */
export interface ProtectedTexts {
  narrative: string;
  sourceDescription: string;
  victimName: string;
  victimContact: string;
  victimAddress: string;
  victimTestimony: string;
  /** Of the second victim record, so every record (not just the first) is covered. */
  victimName2: string;
  reviewReason: string;
  evidenceFileName: string;
  evidenceContent: string;
}

/** Fields that only the case's members (view `identities`) may see. */
export const IDENTITY_FIELDS = [
  'sourceDescription',
  'victimName',
  'victimContact',
  'victimAddress',
  'victimTestimony',
  'victimName2',
  'evidenceFileName',
  'evidenceContent',
] as const satisfies ReadonlyArray<keyof ProtectedTexts>;
/** Fields shown from the `narrative` view up. */
export const NARRATIVE_FIELDS = ['narrative', 'reviewReason'] as const satisfies ReadonlyArray<
  keyof ProtectedTexts
>;

export function randomTag(): string {
  return randomBytes(6).toString('hex');
}

/** `PREFIX-<field>-<tag>-<random>` for every protected field. */
export function protectedTexts(prefix: string, tag: string): ProtectedTexts {
  const mark = (field: string) => `${prefix}-${field}-${tag}-${randomTag()}`;
  return {
    narrative: `Des hommes armés ont attaqué le marché. ${mark('narrative')}`,
    sourceDescription: mark('sourcedesc'),
    victimName: mark('victimname'),
    victimContact: mark('victimcontact'),
    victimAddress: mark('victimaddress'),
    victimTestimony: `Témoignage recueilli avec consentement : ${mark('testimony')}`,
    victimName2: mark('victimname2'),
    reviewReason: mark('reason'),
    evidenceFileName: `${mark('evidencename')}.txt`,
    evidenceContent: `photo description ${mark('evidencecontent')}`,
  };
}

/** The marker parts (without the ordinary words around them) to search for. */
export function markers(texts: ProtectedTexts, prefix: string): string[] {
  return Object.values(texts).flatMap(
    (t) => t.match(new RegExp(`${prefix}-[a-z0-9]+-[a-z0-9]+-[a-f0-9]+`, 'g')) ?? [],
  );
}

/** A valid incident in Bankass (Mopti, admin-1 ML05) carrying `texts` in every protected field. */
export function protectedIncident(
  texts: ProtectedTexts,
  options: {
    crsv?: boolean;
    clientId?: string;
    date?: string;
    latitude?: number;
    longitude?: number;
    publicConsent?: boolean;
  } = {},
): IncidentInput {
  const crsv = options.crsv ?? false;
  return incidentInputSchema.parse({
    ...(options.clientId ? { clientId: options.clientId } : {}),
    date: { from: options.date ?? '2026-03-14', precision: 'day' },
    place: {
      latitude: options.latitude ?? 14.0814,
      longitude: options.longitude ?? -3.5237,
      pcode: 'ML0504',
      locationName: 'Bankass',
      precision: 'near',
    },
    harmTypes: crsv ? ['crsv', 'injury'] : ['killing', 'injury'],
    narrative: texts.narrative,
    perpetrators: [{ category: 'self_defence_militia' }],
    sources: [
      { kind: 'direct_witness', reliability: 'B', credibility: 2, description: texts.sourceDescription },
      { kind: 'medical', reliability: 'A', credibility: 2 },
    ],
    flags: crsv
      ? { crsv: true }
      : { retaliationForUnCooperation: true, unCooperationKind: 'information_to_un' },
    victimCounts: [
      {
        harm: crsv ? 'crsv' : 'killing',
        sex: crsv ? 'female' : 'male',
        age: 'adult',
        status: 'civilian',
        count: 1,
      },
      { harm: 'injury', sex: 'female', age: 'adult', status: 'civilian', count: 1 },
    ],
    victims: [
      {
        name: texts.victimName,
        contact: texts.victimContact,
        address: texts.victimAddress,
        testimony: texts.victimTestimony,
        sex: 'female',
        age: 'adult',
        harms: ['injury'],
        consent: options.publicConsent ? 'public_anonymised' : 'internal_only',
      },
      {
        name: texts.victimName2,
        sex: crsv ? 'female' : 'male',
        age: 'adult',
        harms: [crsv ? 'crsv' : 'killing'],
        ...(options.publicConsent
          ? { consent: 'public_anonymised' }
          : { consent: 'named_partner', consentPartner: 'CNDH' }),
      },
    ],
  });
}

/** A principal as the services take it, without a login (no argon2 round). */
export function principalFor(
  user: { userId: string; organisationId: string; role: Role; regions?: string[] },
  readOnly = false,
): Principal {
  return {
    userId: user.userId,
    organisationId: user.organisationId,
    role: user.role,
    regions: user.regions ?? [],
    via: 'session',
    readOnly,
  };
}

/**
 * Records an incident as `reporter`, adds an evidence file, and has `reviewer` start the review with a reason
 * (the reviewer thereby joins the case). Returns the ids and the version a next decision must carry.
 */
export async function seedIncident(
  vigie: Vigie,
  reporter: Principal,
  reviewer: Principal,
  texts: ProtectedTexts,
  options: { crsv?: boolean; date?: string; latitude?: number; longitude?: number } = {},
): Promise<{ id: string; evidenceId: string; version: number }> {
  const p = vigie.protection;
  const { id } = await p.recordIncident(reporter, protectedIncident(texts, options));
  const evidence = await p.addEvidence(reporter, id, {
    name: texts.evidenceFileName,
    mediaType: 'text/plain',
    bytes: Buffer.from(texts.evidenceContent),
  });
  // A CRSV case is decided only by its members: the reporter assigns the reviewer first.
  if (options.crsv) await p.addMember(reporter, id, reviewer.userId);
  const decided = await p.decide(reviewer, id, {
    to: 'under_review',
    reason: texts.reviewReason,
    version: 1,
  });
  return { id, evidenceId: evidence.id, version: decided.version };
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipartFile(
  fileName: string,
  content: Buffer,
  mediaType = 'text/plain',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----vigie${randomTag()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
