import { allOf, type ApiQuery } from './api-types.ts';
import { PERPETRATORS } from './filters.ts';
import type { Decision, IncidentInput, VictimInput } from './incident-types.ts';

/**
 * The closed vocabularies of incidents in the order the form shows them; labels are in the locale files. The
 * values come from the server's schemas (the body of POST /api/v1/incidents and of a decision): `allOf` fails the
 * typecheck when a list leaves a value out or names one the server does not take.
 */
type Source = NonNullable<IncidentInput['sources']>[number];

export type HarmType = IncidentInput['harmTypes'][number];
export const HARM_TYPES = allOf<HarmType>()([
  'killing',
  'injury',
  'torture_ill_treatment',
  'abduction_disappearance',
  'crsv',
  'arbitrary_detention',
  'property_livelihoods',
  'forced_displacement',
  'attack_on_humanitarian_or_un',
  'child_recruitment_use',
  'threats_intimidation',
]);
export const DATE_PRECISIONS = allOf<NonNullable<IncidentInput['date']['precision']>>()([
  'day',
  'week',
  'month',
  'year',
]);
export const PLACE_PRECISIONS = allOf<NonNullable<NonNullable<IncidentInput['place']>['precision']>>()([
  'exact',
  'near',
  'admin3',
  'admin2',
  'admin1',
]);
export const RELIABILITY = allOf<Source['reliability']>()(['A', 'B', 'C', 'D', 'E', 'F']);
export const CREDIBILITY = allOf<Source['credibility']>()([1, 2, 3, 4, 5, 6]);
export const SOURCE_KINDS = allOf<Source['kind']>()([
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
]);
export const UN_COOPERATION_KINDS = allOf<
  NonNullable<NonNullable<IncidentInput['flags']>['unCooperationKind']>
>()([
  'information_to_un',
  'employment_or_contract',
  'meeting_participation',
  'perceived_affiliation',
  'other',
]);
export const SEXES = allOf<NonNullable<VictimInput['sex']>>()(['female', 'male', 'unknown']);
export const AGE_GROUPS = allOf<NonNullable<VictimInput['age']>>()(['child', 'adult', 'unknown']);
export const VICTIM_STATUSES = allOf<NonNullable<VictimInput['status']>>()([
  'civilian',
  'human_rights_defender',
  'journalist',
  'humanitarian_or_un_personnel',
  'non_civilian',
  'unknown',
]);
export const CONSENT_LEVELS = allOf<VictimInput['consent']>()([
  'internal_only',
  'named_partner',
  'public_anonymised',
]);
export type IncidentState = NonNullable<ApiQuery<'/api/v1/incidents'>['status']>;
export const STATES = allOf<IncidentState>()([
  'reported',
  'under_review',
  'verified',
  'not_verified',
  'dismissed',
]);
export type StandardOfProof = NonNullable<Decision['standardOfProof']>;
export const STANDARDS_OF_PROOF = allOf<StandardOfProof>()([
  'reasonable_grounds',
  'balance_of_probabilities',
  'clear_and_convincing',
]);
/** The same categories as the events' perpetrator filter (lib/filters.ts), in the same order. */
export const PERPETRATOR_CATEGORIES =
  allOf<NonNullable<IncidentInput['perpetrators']>[number]['category']>()(PERPETRATORS);

/** Decisions allowed from each state (src/core/incident.ts TRANSITIONS). */
export const NEXT_STATES: Record<IncidentState, readonly Decision['to'][]> = {
  reported: ['under_review', 'dismissed'],
  under_review: ['verified', 'not_verified', 'dismissed'],
  verified: ['under_review'],
  not_verified: ['under_review'],
  dismissed: ['under_review'],
};

/** The decisions open from a status as the server answers it. */
export const nextStates = (status: IncidentState): readonly Decision['to'][] => NEXT_STATES[status];
