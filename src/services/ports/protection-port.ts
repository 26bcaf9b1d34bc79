import type { Role } from '../../core/access.ts';
import type { IncidentsPort } from './incident-port.ts';

/**
 * What the access, incident and audit use cases need from storage. Every change and every audit entry happen
 * inside `transaction`, so an incident is never stored without its audit entry (and vice versa).
 */
export interface UserRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  email: string;
  displayName: string;
  role: Role;
  regions: string[];
  passwordHash: string;
  disabled: boolean;
  createdAt: string;
}

export interface SessionRecord {
  idHash: string;
  userId: string;
  csrfHash: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  canWrite: boolean;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AccountsPort {
  organisationByName(name: string): Promise<{ id: string; name: string } | null>;
  /** Idempotent: the organisation of that name, this one or the one a concurrent call added first. */
  addOrganisation(org: {
    id: string;
    name: string;
    createdAt: string;
  }): Promise<{ id: string; name: string }>;
  countUsers(): Promise<number>;
  /** CONFLICT when the e-mail is taken, also by a concurrent creation. */
  addUser(user: Omit<UserRecord, 'organisationName'>): Promise<void>;
  userByEmail(email: string): Promise<UserRecord | null>;
  userById(id: string): Promise<UserRecord | null>;
  listUsers(organisationId: string | null): Promise<UserRecord[]>;
  updateUser(
    id: string,
    change: Partial<Pick<UserRecord, 'role' | 'regions' | 'disabled' | 'displayName' | 'passwordHash'>>,
    at: string,
  ): Promise<void>;
  addSession(session: SessionRecord): Promise<void>;
  session(idHash: string): Promise<SessionRecord | null>;
  touchSession(idHash: string, lastSeenAt: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteUserSessions(userId: string): Promise<void>;
  addToken(token: ApiTokenRecord): Promise<void>;
  tokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listTokens(userId: string): Promise<ApiTokenRecord[]>;
  revokeToken(id: string, userId: string, at: string): Promise<boolean>;
  touchToken(id: string, at: string): Promise<void>;
  recordLoginFailure(key: string, at: string): Promise<void>;
  loginFailuresSince(key: string, since: string): Promise<{ count: number; oldest: string | null }>;
  clearLoginFailures(key: string): Promise<void>;
}

export interface DataKeyRecord {
  id: string;
  purpose: 'incident' | 'audit';
  wrapped: string;
  createdAt: string;
}

export interface KeysPort {
  addDataKey(key: DataKeyRecord): Promise<void>;
  dataKey(id: string): Promise<DataKeyRecord | null>;
  auditKey(): Promise<DataKeyRecord | null>;
  allDataKeys(): Promise<DataKeyRecord[]>;
  /** Replaces every wrapped key in one transaction (key rotation). */
  rewrapAll(keys: ReadonlyArray<{ id: string; wrapped: string }>): Promise<void>;
  /** Duress wipe: drops every data key and every sealed column, keeping counts, codes and dates. */
  eraseProtectedData(): Promise<{ dataKeys: number; incidents: number; victims: number; evidence: number }>;
}

export interface AuditEntryRecord {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, string | number | boolean | null>;
  mac: string;
}

export interface AuditHead {
  seq: number;
  mac: string;
  signature: string;
}

export interface AuditPort {
  /**
   * Appends one entry under the chain's lock: `link` gets the current head and returns the entry and new head.
   * Runs inside the caller's transaction when there is one.
   */
  append(link: (head: AuditHead | null) => { entry: AuditEntryRecord; head: AuditHead }): Promise<void>;
  /** Entries in storage order (not by seq), so a reordering is visible to the verifier. */
  entries(): AsyncIterable<AuditEntryRecord>;
  head(): Promise<AuditHead | null>;
  /** Newest first; `organisationId` keeps the entries whose actor belongs to that organisation. */
  recent(limit: number, targetId: string | null, organisationId?: string | null): Promise<AuditEntryRecord[]>;
}

/** One transaction over every protection store. */
export interface ProtectionStores {
  accounts: AccountsPort;
  keys: KeysPort;
  audit: AuditPort;
  incidents: IncidentsPort;
}

export interface ProtectionPort extends ProtectionStores {
  transaction<T>(work: (stores: ProtectionStores) => Promise<T>): Promise<T>;
}
