import type { Insertable, Selectable } from 'kysely';
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
import type {
  CustodyEntry,
  EvidenceRecord,
  IncidentRecord,
  SourceRecord,
  VerificationStep,
  VictimRecord,
} from '../../services/ports/incident-port.ts';
import type {
  CustodyLogTable,
  EvidenceTable,
  IncidentSourcesTable,
  IncidentsTable,
  VerificationStepsTable,
  VictimCountsTable,
  VictimsTable,
} from '../schema-protection.ts';
import { fromFlag, toFlag } from './run.ts';

/** Incident records ↔ rows: closed vocabularies as codes, lists as JSON text, flags as 0/1. */
export function incidentRow(i: IncidentRecord): IncidentsTable {
  return {
    id: i.id,
    organisation_id: i.organisationId,
    client_id: i.clientId,
    reference: i.reference,
    date_from: i.dateFrom,
    date_to: i.dateTo,
    date_precision: i.datePrecision,
    month: i.dateFrom.slice(0, 7),
    latitude: i.latitude,
    longitude: i.longitude,
    pcode: i.pcode,
    location_name: i.locationName,
    place_precision: i.placePrecision,
    country: i.country,
    admin1: i.admin1,
    admin1_pcode: i.admin1Pcode,
    admin2_pcode: i.admin2Pcode,
    harm_types_json: JSON.stringify(i.harmTypes),
    perpetrators_json: JSON.stringify(i.perpetrators),
    retaliation_un: toFlag(i.retaliationUn),
    un_cooperation_kind: i.unCooperationKind,
    crsv: toFlag(i.crsv),
    child_victims: toFlag(i.childVictims),
    narrative_sealed: i.narrativeSealed,
    status: i.status,
    standard_of_proof: i.standardOfProof,
    data_key_id: i.dataKeyId,
    reported_by: i.reportedBy,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    version: i.version,
  };
}

export function toIncident(r: Selectable<IncidentsTable>): IncidentRecord {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    clientId: r.client_id,
    reference: r.reference,
    dateFrom: r.date_from,
    dateTo: r.date_to,
    datePrecision: r.date_precision as IncidentDatePrecision,
    latitude: r.latitude,
    longitude: r.longitude,
    pcode: r.pcode,
    locationName: r.location_name,
    placePrecision: r.place_precision as PlacePrecision,
    country: r.country,
    admin1: r.admin1,
    admin1Pcode: r.admin1_pcode,
    admin2Pcode: r.admin2_pcode,
    harmTypes: JSON.parse(r.harm_types_json) as IncidentHarmType[],
    perpetrators: JSON.parse(r.perpetrators_json) as AllegedPerpetrator[],
    retaliationUn: fromFlag(r.retaliation_un),
    unCooperationKind: r.un_cooperation_kind as UnCooperationKind | null,
    crsv: fromFlag(r.crsv),
    childVictims: fromFlag(r.child_victims),
    narrativeSealed: r.narrative_sealed,
    status: r.status as VerificationState,
    standardOfProof: r.standard_of_proof as StandardOfProof | null,
    dataKeyId: r.data_key_id,
    reportedBy: r.reported_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

export function sourceRow(incidentId: string, s: SourceRecord): IncidentSourcesTable {
  return {
    id: s.id,
    incident_id: incidentId,
    position: s.position,
    kind: s.kind,
    reliability: s.reliability,
    credibility: s.credibility,
    description_sealed: s.descriptionSealed,
  };
}

export function toSource(r: Selectable<IncidentSourcesTable>): SourceRecord {
  return {
    id: r.id,
    position: r.position,
    kind: r.kind as SourceKind,
    reliability: r.reliability as SourceReliability,
    credibility: r.credibility as InformationCredibility,
    descriptionSealed: r.description_sealed,
  };
}

export function countRow(incidentId: string, c: VictimCount): VictimCountsTable {
  return {
    incident_id: incidentId,
    harm: c.harm,
    sex: c.sex,
    age_group: c.age,
    status: c.status,
    count: c.count,
  };
}

export function toCount(r: Selectable<VictimCountsTable>): VictimCount {
  return {
    harm: r.harm as IncidentHarmType,
    sex: r.sex as Sex,
    age: r.age_group as AgeGroup,
    status: r.status as VictimStatus,
    count: r.count,
  };
}

export function victimRow(incidentId: string, v: VictimRecord): VictimsTable {
  return {
    id: v.id,
    incident_id: incidentId,
    position: v.position,
    sex: v.sex,
    age_group: v.age,
    status: v.status,
    harms_json: JSON.stringify(v.harms),
    consent: v.consent,
    consent_partner: v.consentPartner,
    name_sealed: v.nameSealed,
    contact_sealed: v.contactSealed,
    address_sealed: v.addressSealed,
    testimony_sealed: v.testimonySealed,
    created_at: v.createdAt,
  };
}

export function toVictim(r: Selectable<VictimsTable>): VictimRecord {
  return {
    id: r.id,
    position: r.position,
    sex: r.sex as Sex,
    age: r.age_group as AgeGroup,
    status: r.status as VictimStatus,
    harms: JSON.parse(r.harms_json) as IncidentHarmType[],
    consent: r.consent as ConsentLevel,
    consentPartner: r.consent_partner,
    nameSealed: r.name_sealed,
    contactSealed: r.contact_sealed,
    addressSealed: r.address_sealed,
    testimonySealed: r.testimony_sealed,
    createdAt: r.created_at,
  };
}

export function toEvidence(r: Omit<Selectable<EvidenceTable>, 'content_sealed'>): EvidenceRecord {
  return {
    id: r.id,
    incidentId: r.incident_id,
    fileNameSealed: r.file_name_sealed,
    mediaType: r.media_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    receivedAt: r.received_at,
    receivedBy: r.received_by,
  };
}

export function toCustody(r: Selectable<CustodyLogTable>): CustodyEntry {
  return {
    evidenceId: r.evidence_id,
    at: r.at,
    userId: r.user_id,
    action: r.action as CustodyEntry['action'],
    note: r.note,
  };
}

export function stepRow(incidentId: string, s: VerificationStep): Insertable<VerificationStepsTable> {
  return {
    incident_id: incidentId,
    from_status: s.fromStatus,
    to_status: s.toStatus,
    standard_of_proof: s.standardOfProof,
    reason_sealed: s.reasonSealed,
    decided_by: s.decidedBy,
    decided_at: s.decidedAt,
  };
}

export function toStep(r: Selectable<VerificationStepsTable>): VerificationStep {
  return {
    fromStatus: r.from_status as VerificationState,
    toStatus: r.to_status as VerificationState,
    standardOfProof: r.standard_of_proof as StandardOfProof | null,
    reasonSealed: r.reason_sealed,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}
