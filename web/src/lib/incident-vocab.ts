/** The closed vocabularies of incidents (src/core/incident.ts), restated for the form; labels are in the locale files. */
export const HARM_TYPES = [
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
] as const;
export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;
export const PLACE_PRECISIONS = ['exact', 'near', 'admin3', 'admin2', 'admin1'] as const;
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY = [1, 2, 3, 4, 5, 6] as const;
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
export const UN_COOPERATION_KINDS = [
  'information_to_un',
  'employment_or_contract',
  'meeting_participation',
  'perceived_affiliation',
  'other',
] as const;
export const SEXES = ['female', 'male', 'unknown'] as const;
export const AGE_GROUPS = ['child', 'adult', 'unknown'] as const;
export const VICTIM_STATUSES = [
  'civilian',
  'human_rights_defender',
  'journalist',
  'humanitarian_or_un_personnel',
  'non_civilian',
  'unknown',
] as const;
export const CONSENT_LEVELS = ['internal_only', 'named_partner', 'public_anonymised'] as const;
export const STATES = ['reported', 'under_review', 'verified', 'not_verified', 'dismissed'] as const;
export const STANDARDS_OF_PROOF = [
  'reasonable_grounds',
  'balance_of_probabilities',
  'clear_and_convincing',
] as const;
export const PERPETRATOR_CATEGORIES = [
  'state_forces',
  'foreign_state_partner',
  'self_defence_militia',
  'jihadist_group',
  'armed_signatory_group',
  'criminal',
  'unidentified',
  'other',
] as const;

/** Decisions allowed from each state (src/core/incident.ts TRANSITIONS). */
export const NEXT_STATES: Record<string, readonly string[]> = {
  reported: ['under_review', 'dismissed'],
  under_review: ['verified', 'not_verified', 'dismissed'],
  verified: ['under_review'],
  not_verified: ['under_review'],
  dismissed: ['under_review'],
};
