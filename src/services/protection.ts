import { randomBytes } from 'node:crypto';
import type { Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import { accountAdmin, type AccountAdmin } from './account-admin.ts';
import { accounts, type Accounts } from './accounts.ts';
import type { AuditLog } from './audit-log.ts';
import { eventCandidates, linkEvent, type EventCandidate } from './event-candidates.ts';
import type { IncidentDetail, IncidentSummary } from './incident-detail.ts';
import { addEvidence, custodyLog, downloadEvidence } from './incident-evidence.ts';
import type { DecisionInput, IncidentInput, VictimInput } from './incident-input.ts';
import { addMember, decide, reviewQueue } from './incident-review.ts';
import { addVictims } from './incident-victims.ts';
import {
  incidentAggregates,
  type IncidentAggregateCell,
  type IncidentAggregateRequest,
} from './incident-aggregates.ts';
import {
  listIncidents,
  recordIncident,
  showIncident,
  type IncidentListRequest,
  type IncidentPlacer,
  type RecordedIncident,
} from './incidents.ts';
import type { KekSource, KeyRing } from './key-ring.ts';
import type { EventPoint } from './ports/analysis-port.ts';
import type { CustodyEntry } from './ports/incident-port.ts';
import type { ProtectionPort } from './ports/protection-port.ts';

export interface ProtectionDeps {
  port: ProtectionPort;
  kek: KekSource;
  /** One key ring and one audit log for the whole process, shared with the alerts (one cache to forget). */
  keys: KeyRing;
  audit: AuditLog;
  /** Sealed columns outside the incident tables (alerts, SMS) that a duress wipe must erase too. */
  eraseOtherSealed: () => Promise<void>;
  place: IncidentPlacer;
  points: (filter: { from: string; to: string }, limit: number) => Promise<EventPoint[]>;
  eventExists: (id: number) => Promise<boolean>;
  /** Reclaims the space of erased rows (SQLite VACUUM), so erased ciphertext does not linger in free pages. */
  compact: () => Promise<void>;
  now: () => string;
}

/** The incident, access, audit and key use cases (issue 4), each taking the principal it acts for. */
export interface Protection {
  accounts: Accounts;
  accountAdmin: AccountAdmin;
  audit: AuditLog;
  recordIncident(by: Principal, input: IncidentInput): Promise<RecordedIncident>;
  showIncident(by: Principal, id: string): Promise<IncidentDetail>;
  listIncidents(
    by: Principal,
    request: IncidentListRequest,
  ): Promise<{ incidents: IncidentSummary[]; nextCursor: string | null }>;
  decide(by: Principal, id: string, input: DecisionInput): ReturnType<typeof decide>;
  reviewQueue(by: Principal): Promise<IncidentSummary[]>;
  incidentAggregates(by: Principal, request: IncidentAggregateRequest): Promise<IncidentAggregateCell[]>;
  addMember(by: Principal, id: string, userId: string): Promise<void>;
  addVictims(by: Principal, id: string, victims: VictimInput[]): Promise<{ added: number }>;
  addEvidence(
    by: Principal,
    id: string,
    file: { name: string; mediaType: string; bytes: Buffer },
  ): ReturnType<typeof addEvidence>;
  downloadEvidence(by: Principal, id: string, evidenceId: string): ReturnType<typeof downloadEvidence>;
  custodyLog(by: Principal, id: string, evidenceId: string): Promise<CustodyEntry[]>;
  eventCandidates(by: Principal, id: string): Promise<EventCandidate[]>;
  linkEvent(by: Principal, id: string, eventId: number): Promise<void>;
  /** New key-encryption key: every data key rewrapped, the key file replaced. */
  rotateKeys(): Promise<{ rewrapped: number }>;
  /** Duress: crypto-erase every protected field (data keys and key file destroyed), keep the aggregates. */
  wipe(): Promise<{ dataKeys: number; incidents: number; victims: number; evidence: number }>;
}

export function protection(deps: ProtectionDeps): Protection {
  const { keys, audit } = deps;
  const d = { port: deps.port, keys, audit, place: deps.place, now: deps.now };
  return {
    accounts: accounts(deps.port, audit, deps.now),
    accountAdmin: accountAdmin(deps.port, audit, deps.now),
    audit,
    recordIncident: (by, input) => recordIncident(d, by, input),
    showIncident: (by, id) => showIncident(d, by, id),
    listIncidents: (by, request) => listIncidents(d, by, request),
    decide: (by, id, input) => decide(d, by, id, input),
    reviewQueue: (by) => reviewQueue(d, by),
    incidentAggregates: (by, request) => incidentAggregates(d, by, request),
    addMember: (by, id, userId) => addMember(d, by, id, userId),
    addVictims: (by, id, victims) => addVictims(d, by, id, victims),
    addEvidence: (by, id, file) => addEvidence(d, by, id, file),
    downloadEvidence: (by, id, evidenceId) => downloadEvidence(d, by, id, evidenceId),
    custodyLog: (by, id, evidenceId) => custodyLog(d, by, id, evidenceId),
    eventCandidates: (by, id) => eventCandidates({ ...d, points: deps.points }, by, id),
    linkEvent: (by, id, eventId) => linkEvent({ ...d, eventExists: deps.eventExists }, by, id, eventId),
    async rotateKeys() {
      const rewrapped = await keys.rotate(randomBytes(32));
      await deps.port.transaction((s) =>
        audit.record(s, {
          actorId: null,
          action: 'keys.rotate',
          targetType: 'keys',
          targetId: null,
          details: { rewrapped },
        }),
      );
      return { rewrapped };
    },
    async wipe() {
      // Recorded first: afterwards the audit key is gone with the others.
      await deps.port
        .transaction((s) =>
          audit.record(s, { actorId: null, action: 'keys.wipe', targetType: 'keys', targetId: null }),
        )
        .catch((error: unknown) => {
          // A duress wipe must not stop because the key or the log is unavailable.
          if (!(error instanceof VigieError)) throw error;
        });
      const erased = await deps.port.keys.eraseProtectedData();
      await deps.eraseOtherSealed();
      keys.forget();
      await deps.kek.destroy();
      await deps.compact();
      return erased;
    },
  };
}
