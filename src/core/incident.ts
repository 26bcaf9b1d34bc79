import type { PerpetratorCategory } from './event.ts';

/**
 * Incidents of civilian harm documented by an organisation's monitors (DESIGN §4). The lists are closed
 * vocabularies: stored as these codes, translated only at the edges.
 */
export const INCIDENT_HARM_TYPES = [
  'killing',
  'injury',
  'torture_ill_treatment',
  'abduction_disappearance',
  'crsv', // conflict-related sexual violence
  'arbitrary_detention',
  'property_livelihoods', // destruction or theft of property and livelihoods
  'forced_displacement',
  'attack_on_humanitarian_or_un', // personnel or assets
  'child_recruitment_use',
  'threats_intimidation',
] as const;
export type IncidentHarmType = (typeof INCIDENT_HARM_TYPES)[number];

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
export type IncidentDatePrecision = (typeof DATE_PRECISIONS)[number];

/** How well the place is known: a point on the spot, a point nearby, or only the admin unit of a P-code. */
export const PLACE_PRECISIONS = ['exact', 'near', 'admin3', 'admin2', 'admin1'] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

/** The Admiralty (NATO) grading used by human-rights monitors: source reliability A–F, information credibility 1–6. */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export const INFORMATION_CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
export type InformationCredibility = (typeof INFORMATION_CREDIBILITY)[number];

export const SOURCE_KINDS = [
  'victim',
  'direct_witness',
  'indirect_witness',
  'community_focal_point',
  'local_authority',
  'medical',
  'ngo',
  'media',
  'official',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const UN_COOPERATION_KINDS = [
  'information_to_un', // gave information or testimony to the UN
  'employment_or_contract', // worked for or with the mission
  'meeting_participation', // took part in UN meetings, dialogues, consultations
  'perceived_affiliation', // seen as close to the UN
  'other',
] as const;
export type UnCooperationKind = (typeof UN_COOPERATION_KINDS)[number];

/** SDG 16.1.2 disaggregation: sex × age group × status. */
export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const VICTIM_STATUSES = [
  'civilian',
  'human_rights_defender',
  'journalist',
  'humanitarian_or_un_personnel',
  'non_civilian',
  'unknown',
] as const;
export type VictimStatus = (typeof VICTIM_STATUSES)[number];

/** What the victim agreed to; every export and share path obeys it. */
export const CONSENT_LEVELS = ['internal_only', 'named_partner', 'public_anonymised'] as const;
export type ConsentLevel = (typeof CONSENT_LEVELS)[number];

export const VERIFICATION_STATES = [
  'reported',
  'under_review',
  'verified',
  'not_verified',
  'dismissed',
] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/** OHCHR's usual standard is "reasonable grounds to believe"; stronger standards are recorded when met. */
export const STANDARDS_OF_PROOF = [
  'reasonable_grounds',
  'balance_of_probabilities',
  'clear_and_convincing',
] as const;
export type StandardOfProof = (typeof STANDARDS_OF_PROOF)[number];

/** Allowed moves of the verification workflow; a closed decision is reopened only through review. */
const TRANSITIONS: Record<VerificationState, readonly VerificationState[]> = {
  reported: ['under_review', 'dismissed'],
  under_review: ['verified', 'not_verified', 'dismissed'],
  verified: ['under_review'],
  not_verified: ['under_review'],
  dismissed: ['under_review'],
};

export function canTransition(from: VerificationState, to: VerificationState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A decision states the standard of proof reached when it verifies, and a reason whenever it decides. */
export function transitionNeeds(to: VerificationState): { standard: boolean; reason: boolean } {
  return { standard: to === 'verified', reason: to !== 'under_review' };
}

export interface IncidentDate {
  from: string; // YYYY-MM-DD
  to: string | null; // end of a range, null for a single day
  precision: IncidentDatePrecision;
}

export interface IncidentPlace {
  latitude: number | null;
  longitude: number | null;
  /** OCHA P-code of the smallest unit known (e.g. ML0401 for a cercle). */
  pcode: string | null;
  locationName: string | null;
  precision: PlacePrecision;
}

export interface AllegedPerpetrator {
  category: PerpetratorCategory;
  name: string | null;
}

export interface VictimCount {
  harm: IncidentHarmType;
  sex: Sex;
  age: AgeGroup;
  status: VictimStatus;
  count: number;
}

export interface IncidentFlags {
  retaliationForUnCooperation: boolean;
  unCooperationKind: UnCooperationKind | null;
  crsv: boolean;
  childVictims: boolean;
}
