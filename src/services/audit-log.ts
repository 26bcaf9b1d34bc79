import { VigieError } from '../core/errors.ts';
import {
  headMac,
  linkMac,
  verifyAuditChain,
  type AuditRecord,
  type ChainProblem,
} from '../security/audit-chain.ts';
import type { KeyRing } from './key-ring.ts';
import type { AuditEntryRecord, KeysPort, AuditPort } from './ports/protection-port.ts';

export type AuditDetails = Record<string, string | number | boolean | null>;

/** What happened, to what, by whom. Details carry codes and counts only, never protected text. */
export interface AuditEvent {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details?: AuditDetails;
}

export interface AuditLog {
  /** Appends to the chain through the given stores (the caller's transaction); AUDIT_UNAVAILABLE if it cannot. */
  record(stores: { audit: AuditPort; keys: KeysPort }, event: AuditEvent): Promise<void>;
  verify(): Promise<{ ok: true; entries: number } | { ok: false; problem: ChainProblem }>;
  recent(limit: number, targetId: string | null, organisationId?: string | null): Promise<AuditEntryRecord[]>;
}

export function auditLog(
  keys: KeyRing,
  store: { audit: AuditPort; keys: KeysPort },
  now: () => string,
): AuditLog {
  return {
    async record(stores, event) {
      const at = now();
      try {
        const key = await keys.auditKey(stores.keys, at);
        await stores.audit.append((head) => {
          const record: AuditRecord = {
            seq: (head?.seq ?? 0) + 1,
            at,
            actorId: event.actorId,
            action: event.action,
            targetType: event.targetType,
            targetId: event.targetId,
            details: event.details ?? {},
          };
          const mac = linkMac(key, head?.mac ?? 'genesis', record);
          return {
            entry: { ...record, mac },
            head: { seq: record.seq, mac, signature: headMac(key, record.seq, mac) },
          };
        });
      } catch (error) {
        if (error instanceof VigieError && error.code === 'KEY_UNAVAILABLE') throw error;
        throw new VigieError('AUDIT_UNAVAILABLE', { action: event.action });
      }
    },
    async verify() {
      const existing = await store.keys.auditKey();
      const head = await store.audit.head();
      const entries: Array<AuditRecord & { mac: string }> = [];
      for await (const entry of store.audit.entries()) entries.push(entry);
      if (!existing) {
        // No audit key: an empty log is fine; entries without a key mean the key row was deleted.
        return entries.length === 0 && head === null
          ? { ok: true, entries: 0 }
          : { ok: false, problem: { seq: 0, kind: 'head-mismatch' } };
      }
      const key = await keys.auditKey(store.keys, now());
      return verifyAuditChain(key, entries, head);
    },
    recent: (limit, targetId, organisationId = null) => store.audit.recent(limit, targetId, organisationId),
  };
}
