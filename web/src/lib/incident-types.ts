/**
 * The incident answers of the API as the web app reads them (src/http/presenters/incidents.ts and
 * src/http/routes/public.ts). Optional fields are absent when the reader's view does not allow them.
 */
export type Role = 'admin' | 'monitor' | 'analyst' | 'viewer';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  regions: string[];
  disabled: boolean;
}

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
  harmTypes: string[];
  perpetrators: { category: string; name: string | null }[];
  flags: {
    retaliationForUnCooperation: boolean;
    unCooperationKind: string | null;
    crsv: boolean;
    childVictims: boolean;
  };
  status: string;
  standardOfProof: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface VictimRecord {
  id: string;
  sex: string;
  age: string;
  status: string;
  harms: string[];
  consent: string;
  consentPartner: string | null;
  name: string | null;
  contact: string | null;
  address: string | null;
  testimony: string | null;
}

export interface IncidentDetail extends IncidentSummary {
  view: 'summary' | 'narrative' | 'identities';
  victimCounts: { harm: string; sex: string; age: string; status: string; count: number }[];
  sources: { kind: string; reliability: string; credibility: number; description?: string | null }[];
  narrative?: string | null;
  point?: { latitude: number; longitude: number } | null;
  verification: {
    from: string;
    to: string;
    standardOfProof: string | null;
    reason?: string | null;
    decidedBy: string;
    decidedAt: string;
  }[];
  evidence: {
    id: string;
    mediaType: string;
    sizeBytes: number;
    sha256: string;
    receivedAt: string;
    fileName?: string | null;
  }[];
  eventLinks: { eventId: number; confirmedAt: string }[];
  members?: string[];
  victims?: VictimRecord[];
  victimRecords: number;
}

export interface IncidentPage {
  incidents: IncidentSummary[];
  nextCursor: string | null;
}

export interface Candidate {
  eventId: number;
  date: string;
  source: string;
  eventType: string | null;
  location: string | null;
  fatalities: number;
  distanceKm: number;
  dayGap: number;
  civilianHarm: boolean;
  score: number;
}

export interface AggregateCell {
  month: string;
  admin1Pcode: string | null;
  harm: string;
  incidents: number;
  victims: number;
}

export interface PublicRelease {
  k: number;
  cells: {
    admin1Pcode: string | null;
    admin2Pcode: string | null;
    month: string;
    harm: string;
    perpetrator: string;
    incidents: number;
    victims: number;
  }[];
  notes: {
    codes: string[];
    suppressedCells: number;
    coarsenedToAdmin1: number | null;
    droppedWithoutLocation: number | null;
    droppedInvalid: number | null;
  };
}

/** A zod issue of a VALIDATION_FAILED answer: `path` names the field (e.g. ["victims", "0", "name"]). */
export interface FieldIssue {
  path: string[];
  message: string;
}
