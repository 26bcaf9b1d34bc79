import { VIEW_RANK, type IncidentView } from '../core/access.ts';
import type {
  AllegedPerpetrator,
  IncidentFlags,
  IncidentHarmType,
  VerificationState,
  VictimCount,
} from '../core/incident.ts';
import type { KeyRing } from './key-ring.ts';
import type { IncidentBundle, IncidentRecord } from './ports/incident-port.ts';

/** The summary every allowed reader sees: no narrative, no source text, no identity, no exact point. */
export interface IncidentSummary {
  id: string;
  reference: string;
  date: { from: string; to: string | null; precision: string };
  place: {
    pcode: string | null;
    admin1: string | null;
    admin1Pcode: string | null;
    admin2Pcode: string | null;
    locationName: string | null;
    precision: string;
  };
  harmTypes: IncidentHarmType[];
  perpetrators: AllegedPerpetrator[];
  flags: IncidentFlags;
  status: VerificationState;
  standardOfProof: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface IncidentDetail extends IncidentSummary {
  view: IncidentView;
  /** Whether this reader may decide on it (not its reporter; four eyes), and may add victims and evidence. */
  canDecide: boolean;
  isMember: boolean;
  reportedBy: string;
  /** Display names of the people the record mentions (reporter, members, deciders), for the reader's screen. */
  people: Record<string, string>;
  victimCounts: VictimCount[];
  sources: Array<{ kind: string; reliability: string; credibility: number; description?: string | null }>;
  /** From `narrative` up: the narrative and the exact point. */
  narrative?: string | null;
  point?: { latitude: number; longitude: number } | null;
  verification: Array<{
    from: string;
    to: string;
    standardOfProof: string | null;
    reason?: string | null;
    decidedBy: string;
    decidedAt: string;
  }>;
  evidence: Array<{
    id: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    receivedAt: string;
    fileName?: string | null;
  }>;
  eventLinks: Array<{ eventId: number; confirmedAt: string }>;
  members?: string[];
  /** Only at `identities`: individual victim records with their identity and testimony fields. */
  victims?: Array<{
    id: string;
    sex: string;
    age: string;
    status: string;
    harms: IncidentHarmType[];
    consent: string;
    consentPartner: string | null;
    name: string | null;
    contact: string | null;
    address: string | null;
    testimony: string | null;
  }>;
  /** Below `identities`: how many individual records exist, without them. */
  victimRecords: number;
}

/**
 * The summary row; the location name is free text a monitor typed (a hamlet, a family's compound), so it is
 * shown only from the narrative level up.
 */
export function incidentSummary(r: IncidentRecord, view: IncidentView = 'summary'): IncidentSummary {
  const withName = VIEW_RANK[view] >= VIEW_RANK.narrative;
  return {
    id: r.id,
    reference: r.reference,
    date: { from: r.dateFrom, to: r.dateTo, precision: r.datePrecision },
    place: {
      pcode: r.pcode,
      admin1: r.admin1,
      admin1Pcode: r.admin1Pcode,
      admin2Pcode: r.admin2Pcode,
      locationName: withName ? r.locationName : null,
      precision: r.placePrecision,
    },
    harmTypes: r.harmTypes,
    perpetrators: r.perpetrators,
    flags: {
      retaliationForUnCooperation: r.retaliationUn,
      unCooperationKind: r.unCooperationKind,
      crsv: r.crsv,
      childVictims: r.childVictims,
    },
    status: r.status,
    standardOfProof: r.standardOfProof,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

/**
 * Opens exactly what the reader's view allows: nothing sealed is even decrypted below its level, so a
 * presenter mistake cannot leak what was never opened.
 */
export async function incidentDetail(
  keys: KeyRing,
  b: IncidentBundle,
  view: IncidentView,
  reader: { canDecide: boolean; isMember: boolean; people: Record<string, string> },
): Promise<IncidentDetail> {
  const r = b.incident;
  const rank = VIEW_RANK[view];
  const keyId = r.dataKeyId;
  const open = async (table: string, recordId: string, field: string, sealed: string | null) =>
    sealed === null || keyId === null ? null : keys.open(keyId, { table, recordId, field }, sealed);
  const detail: IncidentDetail = {
    ...incidentSummary(r, view),
    view,
    ...reader,
    reportedBy: r.reportedBy,
    victimCounts: b.victimCounts,
    sources: await Promise.all(
      b.sources.map(async (s) => ({
        kind: s.kind,
        reliability: s.reliability,
        credibility: s.credibility,
        ...(rank >= VIEW_RANK.identities
          ? { description: await open('incident_sources', s.id, 'description', s.descriptionSealed) }
          : {}),
      })),
    ),
    verification: await Promise.all(
      b.steps.map(async (step) => ({
        from: step.fromStatus,
        to: step.toStatus,
        standardOfProof: step.standardOfProof,
        decidedBy: step.decidedBy,
        decidedAt: step.decidedAt,
        ...(rank >= VIEW_RANK.narrative
          ? {
              reason: await open(
                'verification_steps',
                `${r.id}@${step.decidedAt}`,
                'reason',
                step.reasonSealed,
              ),
            }
          : {}),
      })),
    ),
    evidence: await Promise.all(
      b.evidence.map(async (e) => ({
        id: e.id,
        mediaType: e.mediaType,
        sizeBytes: e.sizeBytes,
        sha256: e.sha256,
        receivedAt: e.receivedAt,
        ...(rank >= VIEW_RANK.identities
          ? { fileName: await open('evidence', e.id, 'file_name', e.fileNameSealed) }
          : {}),
      })),
    ),
    eventLinks: b.eventLinks.map((l) => ({ eventId: l.eventId, confirmedAt: l.confirmedAt })),
    victimRecords: b.victims.length,
  };
  if (rank >= VIEW_RANK.narrative) {
    detail.narrative = await open('incidents', r.id, 'narrative', r.narrativeSealed);
    detail.point =
      r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null;
    detail.members = b.members;
  }
  if (rank >= VIEW_RANK.identities) {
    detail.victims = await Promise.all(
      b.victims.map(async (v) => ({
        id: v.id,
        sex: v.sex,
        age: v.age,
        status: v.status,
        harms: v.harms,
        consent: v.consent,
        consentPartner: v.consentPartner,
        name: await open('victims', v.id, 'name', v.nameSealed),
        contact: await open('victims', v.id, 'contact', v.contactSealed),
        address: await open('victims', v.id, 'address', v.addressSealed),
        testimony: await open('victims', v.id, 'testimony', v.testimonySealed),
      })),
    );
  }
  return detail;
}
