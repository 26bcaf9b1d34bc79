import type {
  AgeGroup,
  AllegedPerpetrator,
  ConsentLevel,
  IncidentDatePrecision,
  IncidentHarmType,
  InformationCredibility,
  PlacePrecision,
  Sex,
  SourceKind,
  SourceReliability,
  StandardOfProof,
  UnCooperationKind,
  VerificationState,
  VictimCount,
  VictimStatus,
} from '../../core/incident.ts';

/** An incident as stored: protected fields sealed (`…Sealed`), everything else in clear for rules and counts. */
export interface IncidentRecord {
  id: string;
  organisationId: string;
  clientId: string | null;
  reference: string;
  dateFrom: string;
  dateTo: string | null;
  datePrecision: IncidentDatePrecision;
  latitude: number | null;
  longitude: number | null;
  pcode: string | null;
  locationName: string | null;
  placePrecision: PlacePrecision;
  country: string | null;
  admin1: string | null;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  harmTypes: IncidentHarmType[];
  perpetrators: AllegedPerpetrator[];
  retaliationUn: boolean;
  unCooperationKind: UnCooperationKind | null;
  crsv: boolean;
  childVictims: boolean;
  narrativeSealed: string | null;
  status: VerificationState;
  standardOfProof: StandardOfProof | null;
  dataKeyId: string | null;
  reportedBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SourceRecord {
  id: string;
  position: number;
  kind: SourceKind;
  reliability: SourceReliability;
  credibility: InformationCredibility;
  descriptionSealed: string | null;
}

export interface VictimRecord {
  id: string;
  position: number;
  sex: Sex;
  age: AgeGroup;
  status: VictimStatus;
  harms: IncidentHarmType[];
  consent: ConsentLevel;
  consentPartner: string | null;
  nameSealed: string | null;
  contactSealed: string | null;
  addressSealed: string | null;
  testimonySealed: string | null;
  createdAt: string;
}

export interface EvidenceRecord {
  id: string;
  incidentId: string;
  fileNameSealed: string | null;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  receivedAt: string;
  receivedBy: string;
}

export interface CustodyEntry {
  evidenceId: string;
  at: string;
  userId: string;
  action: 'received' | 'downloaded';
  note: string | null;
}

export interface VerificationStep {
  fromStatus: VerificationState;
  toStatus: VerificationState;
  standardOfProof: StandardOfProof | null;
  reasonSealed: string | null;
  decidedBy: string;
  decidedAt: string;
}

export interface IncidentBundle {
  incident: IncidentRecord;
  members: string[];
  sources: SourceRecord[];
  victimCounts: VictimCount[];
  victims: VictimRecord[];
  evidence: EvidenceRecord[];
  steps: VerificationStep[];
  eventLinks: Array<{ eventId: number; confirmedBy: string; confirmedAt: string }>;
}

/** `restrictedConsent`: some individual victim record did not consent to public, anonymised use. */
export type CountedIncident = IncidentRecord & {
  victimCounts: VictimCount[];
  restrictedConsent: boolean;
  members: string[];
};

export interface IncidentListFilter {
  organisationId: string;
  status: VerificationState | null;
  from: string | null;
  to: string | null;
  /** Region scope of the reader: admin-1 codes or P-codes; empty = all. */
  regions: readonly string[];
  /** The reader whose cases pass the region scope anyway (members keep access to their cases); null = none. */
  regionsUnlessMember: string | null;
  excludeCrsvUnlessMember: string | null;
  cursor: string | null;
  limit: number;
}

export interface IncidentsPort {
  nextReference(year: number): Promise<string>;
  insert(bundle: Omit<IncidentBundle, 'steps' | 'eventLinks' | 'evidence'>): Promise<void>;
  byClientId(organisationId: string, clientId: string): Promise<IncidentRecord | null>;
  bundle(id: string): Promise<IncidentBundle | null>;
  list(
    filter: IncidentListFilter,
  ): Promise<{ incidents: Array<IncidentRecord & { members: string[] }>; nextCursor: string | null }>;
  /** Optimistic: fails (returns false) when the version moved since it was read. */
  setStatus(id: string, expectedVersion: number, step: VerificationStep): Promise<boolean>;
  addMember(incidentId: string, userId: string, addedBy: string, at: string): Promise<void>;
  addVictims(incidentId: string, victims: VictimRecord[], at: string): Promise<void>;
  addEvidence(evidence: EvidenceRecord, contentSealed: string): Promise<void>;
  evidenceContent(
    evidenceId: string,
  ): Promise<{ evidence: EvidenceRecord; contentSealed: string | null } | null>;
  addCustody(entry: CustodyEntry): Promise<void>;
  custodyLog(evidenceId: string): Promise<CustodyEntry[]>;
  linkEvent(incidentId: string, eventId: number, by: string, at: string): Promise<void>;
  /** Verified incidents as rows for the public release and internal aggregates. */
  /** Verified incidents of every organisation, for the public release. */
  verifiedCells(): Promise<CountedIncident[]>;
  /** Every incident of one organisation, for its internal aggregates (the access rule is applied per row). */
  organisationIncidents(organisationId: string): Promise<CountedIncident[]>;
}

export type { ProtectionPort, ProtectionStores } from './protection-port.ts';
