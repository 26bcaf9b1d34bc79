import type { Generated } from 'kysely';

/**
 * People, access, incidents and the audit log (issue 4). Protected fields are stored sealed (`*_sealed`:
 * AES-256-GCM text from src/security/envelope.ts, never plaintext); what stays in clear is what the aggregates,
 * filters and access rules need. Same conventions as schema.ts: ISO text dates, 0/1 booleans, JSON as text.
 */
export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  organisation_id: string;
  email: string; // lower-cased, unique
  display_name: string;
  role: string;
  regions_json: string; // admin-1 codes; [] = all
  password_hash: string;
  disabled: number;
  created_at: string;
  password_changed_at: string;
}

/** Only hashes of session ids, CSRF tokens and API tokens: a copied database opens no session. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  can_write: number;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  key: string; // "email:<hash>" or "ip:<address>"
  at: string;
}

/** Data keys wrapped by the key-encryption key; deleting a row crypto-erases what it sealed. */
export interface DataKeysTable {
  id: string;
  purpose: string; // 'incident' | 'audit'
  wrapped: string;
  created_at: string;
}

export interface IncidentsTable {
  id: string;
  organisation_id: string;
  client_id: string | null; // id generated where the incident was captured, so a resend never duplicates
  reference: string; // human reference, e.g. INC-2026-000042
  date_from: string;
  date_to: string | null;
  date_precision: string;
  month: string;
  latitude: number | null;
  longitude: number | null;
  pcode: string | null;
  location_name: string | null;
  place_precision: string;
  country: string | null;
  admin1: string | null;
  admin1_pcode: string | null;
  admin2_pcode: string | null;
  harm_types_json: string;
  perpetrators_json: string;
  retaliation_un: number;
  un_cooperation_kind: string | null;
  crsv: number;
  child_victims: number;
  narrative_sealed: string | null;
  status: string;
  standard_of_proof: string | null;
  data_key_id: string | null;
  reported_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IncidentMembersTable {
  incident_id: string;
  user_id: string;
  added_by: string;
  added_at: string;
}

export interface IncidentSourcesTable {
  id: string;
  incident_id: string;
  position: number;
  kind: string;
  reliability: string;
  credibility: number;
  description_sealed: string | null;
}

export interface VictimCountsTable {
  incident_id: string;
  harm: string;
  sex: string;
  age_group: string;
  status: string;
  count: number;
}

export interface VictimsTable {
  id: string;
  incident_id: string;
  position: number;
  sex: string;
  age_group: string;
  status: string;
  harms_json: string;
  consent: string;
  consent_partner: string | null;
  name_sealed: string | null;
  contact_sealed: string | null;
  address_sealed: string | null;
  testimony_sealed: string | null;
  created_at: string;
}

export interface EvidenceTable {
  id: string;
  incident_id: string;
  file_name_sealed: string | null;
  media_type: string;
  size_bytes: number;
  sha256: string; // of the original bytes, taken at intake
  content_sealed: string | null;
  received_at: string;
  received_by: string;
}

export interface CustodyLogTable {
  id: Generated<number>;
  evidence_id: string;
  at: string;
  user_id: string;
  action: string; // received | downloaded
  note: string | null;
}

export interface VerificationStepsTable {
  id: Generated<number>;
  incident_id: string;
  from_status: string;
  to_status: string;
  standard_of_proof: string | null;
  reason_sealed: string | null;
  decided_by: string;
  decided_at: string;
}

export interface IncidentEventLinksTable {
  incident_id: string;
  event_id: number;
  confirmed_by: string;
  confirmed_at: string;
}

/** The audit chain: rows are read back by `id` (storage order), so reordering shows as a seq out of order. */
export interface AuditLogTable {
  id: Generated<number>;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details_json: string;
  mac: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  mac: string;
  signature: string;
}

export interface ProtectionDatabase {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  data_keys: DataKeysTable;
  incidents: IncidentsTable;
  incident_members: IncidentMembersTable;
  incident_sources: IncidentSourcesTable;
  victim_counts: VictimCountsTable;
  victims: VictimsTable;
  evidence: EvidenceTable;
  custody_log: CustodyLogTable;
  verification_steps: VerificationStepsTable;
  incident_event_links: IncidentEventLinksTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
