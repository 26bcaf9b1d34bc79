/**
 * Need-to-know (DESIGN §8): role × organisation × region scope, decided here once as pure functions so the
 * services, the presenters and the access-matrix test read the same rules.
 */
export const ROLES = ['admin', 'monitor', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: a signed-in user or an API token acting for one. */
export interface Principal {
  userId: string;
  organisationId: string;
  role: Role;
  /** Admin-1 codes (Natural Earth, e.g. ML-6, or OCHA P-codes, e.g. ML07) the user works on; empty means all. */
  regions: readonly string[];
  via: 'session' | 'token' | 'cli';
  /** API tokens are read-only unless created with write access. */
  readOnly: boolean;
}

/** What a record exposes to the access rules: owner, place, CRSV flag and the case's members. */
export interface IncidentAccessFacts {
  organisationId: string;
  admin1: string | null;
  admin1Pcode: string | null;
  crsv: boolean;
  members: readonly string[];
  reportedBy: string;
}

export type IncidentView = 'none' | 'summary' | 'narrative' | 'identities';

export function inRegion(principal: Principal, admin1: string | null, admin1Pcode: string | null): boolean {
  if (principal.regions.length === 0) return true;
  return principal.regions.some((r) => r === admin1 || r === admin1Pcode);
}

/**
 * The most an incident shows to a principal:
 * - other organisations, and viewers, see no record (only public aggregates);
 * - analysts of the owner in scope see the summary of non-CRSV incidents (no narrative, sources or identities);
 * - monitors and admins in scope see the narrative; CRSV narratives only to the case's members;
 * - victim and witness identities only to the case's members who are monitors or admins.
 */
export function incidentView(principal: Principal, facts: IncidentAccessFacts): IncidentView {
  if (principal.organisationId !== facts.organisationId) return 'none';
  const member = facts.members.includes(principal.userId);
  // The case's members keep access even when the place falls outside their scope (or is not placed yet).
  if (!member && !inRegion(principal, facts.admin1, facts.admin1Pcode)) return 'none';
  switch (principal.role) {
    case 'viewer':
      return 'none';
    case 'analyst':
      return facts.crsv ? 'none' : 'summary';
    case 'monitor':
    case 'admin':
      if (member) return 'identities';
      return facts.crsv ? 'summary' : 'narrative';
  }
}

export const VIEW_RANK: Record<IncidentView, number> = { none: 0, summary: 1, narrative: 2, identities: 3 };

export function canRecordIncidents(principal: Principal): boolean {
  return !principal.readOnly && (principal.role === 'monitor' || principal.role === 'admin');
}

/**
 * Four eyes: the reporter of an incident never decides on it. A CRSV case is decided only by its members
 * (an admin or a member assigns the reviewer), since starting a review opens the case's identities.
 */
export function canDecide(principal: Principal, facts: IncidentAccessFacts): boolean {
  if (facts.crsv && !facts.members.includes(principal.userId)) return false;
  return (
    canRecordIncidents(principal) &&
    principal.userId !== facts.reportedBy &&
    VIEW_RANK[incidentView(principal, facts)] >= VIEW_RANK.summary
  );
}

export function canManageUsers(principal: Principal): boolean {
  return !principal.readOnly && principal.role === 'admin';
}

/** Imports change the shared event store: admins and analysts only. */
export function canImportData(principal: Principal): boolean {
  return !principal.readOnly && (principal.role === 'admin' || principal.role === 'analyst');
}

/** Incident aggregates inside the organisation (with small cells shown) are for every signed-in role but viewer. */
export function canSeeInternalAggregates(principal: Principal): boolean {
  return principal.role !== 'viewer';
}
