import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The audit log is a keyed hash chain (DESIGN §8). A plain SHA-256 chain can be recomputed by anyone who can
 * edit the database, so every link is an HMAC-SHA256 under the audit key (a data key wrapped by the KEK, which
 * is not in the database). The head (last seq and mac) is stored apart and signed, so cutting entries off the
 * end is detected too.
 *
 * Limits, by construction: someone who saved an older genuine head can cut the log back to it and restore that
 * head; an empty log with no head verifies. Only a copy of the head kept outside the database closes those.
 *
 * seq starts at 1 and grows by 1 per entry; the first link chains from 'genesis'.
 */

export interface AuditRecord {
  seq: number;
  at: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, string | number | boolean | null>;
}

export type ChainProblem = {
  seq: number;
  kind: 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'head-mismatch';
};

export const GENESIS_MAC = 'genesis';

/**
 * One text per record whatever the database: fields in a fixed order, details sorted by key (UTF-16 code unit
 * order, not locale), JSON for escaping. Fields outside AuditRecord (a row id, the stored mac) are left out.
 * `at` is hashed as the text stored, so it must be stored as text, never re-formatted by the database.
 */
export function canonicalAudit(record: AuditRecord): string {
  const details = Object.keys(record.details)
    .sort()
    .map((key) => [key, record.details[key] ?? null]);
  return JSON.stringify([
    'vigie/audit/v1',
    record.seq,
    record.at,
    record.actorId,
    record.action,
    record.targetType,
    record.targetId,
    details,
  ]);
}

/** The mac of one link; `previousMac` is the previous entry's mac, or 'genesis' for the first. */
export function linkMac(auditKey: Buffer, previousMac: string, record: AuditRecord): string {
  // The 'link'/'head' prefixes keep a head signature from ever being valid as a link mac, and back.
  return hmac(auditKey, `vigie/audit-link/v1|${previousMac}|${canonicalAudit(record)}`);
}

/** The signature of the head: the last seq and its mac. For an empty log: seq 0, mac 'genesis'. */
export function headMac(auditKey: Buffer, seq: number, lastMac: string): string {
  return hmac(auditKey, `vigie/audit-head/v1|${seq}|${lastMac}`);
}

/**
 * Checks a whole log. `entries` must be in storage order (an autoincrement row id), not sorted by seq, so that
 * reordering shows. Detection is what matters; the kind is a best-effort diagnosis of the first problem found.
 */
export function verifyAuditChain(
  auditKey: Buffer,
  entries: ReadonlyArray<AuditRecord & { mac: string }>,
  head: { seq: number; mac: string; signature: string } | null,
): { ok: true; entries: number } | { ok: false; problem: ChainProblem } {
  const seen = new Set<number>();
  let previousMac = GENESIS_MAC;
  let expected = 1;

  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index]!;
    if (entry.seq !== expected) {
      return { ok: false, problem: { seq: expected, kind: diagnoseSeq(entries, index, expected, seen) } };
    }
    const mac = linkMac(auditKey, previousMac, entry);
    if (!sameHex(mac, entry.mac)) {
      // A forged entry slipped in before the genuine one with the same seq reads as an insertion.
      const kind = entries[index + 1]?.seq === entry.seq ? 'inserted' : 'edited';
      return { ok: false, problem: { seq: entry.seq, kind } };
    }
    seen.add(entry.seq);
    previousMac = entry.mac;
    expected += 1;
  }

  const lastSeq = expected - 1;
  if (head === null) {
    // Entries without a head: the head row was removed (perhaps to hide a cut). No entries and no head is
    // indistinguishable from a fresh log.
    return entries.length === 0
      ? { ok: true, entries: 0 }
      : { ok: false, problem: { seq: lastSeq, kind: 'head-mismatch' } };
  }
  if (!Number.isSafeInteger(head.seq) || !sameHex(headMac(auditKey, head.seq, head.mac), head.signature)) {
    return { ok: false, problem: { seq: lastSeq, kind: 'head-mismatch' } };
  }
  if (head.seq > lastSeq) return { ok: false, problem: { seq: lastSeq + 1, kind: 'truncated' } };
  // A genuine head older than the log, or one naming another mac: the head was rolled back or swapped.
  if (head.seq < lastSeq || head.mac !== previousMac) {
    return { ok: false, problem: { seq: head.seq, kind: 'head-mismatch' } };
  }
  return { ok: true, entries: entries.length };
}

/** Why the entry at `index` does not carry the expected seq. */
function diagnoseSeq(
  entries: ReadonlyArray<AuditRecord>,
  index: number,
  expected: number,
  seen: ReadonlySet<number>,
): ChainProblem['kind'] {
  const seq = entries[index]!.seq;
  if (seq > expected) {
    // A jump forward: the missing seq either comes later (entries moved) or nowhere (entries removed).
    return entries.slice(index + 1).some((entry) => entry.seq === expected) ? 'reordered' : 'deleted';
  }
  // A step back: a seq already seen is a duplicate; any other smaller seq (or a non-integer) is out of order.
  return seen.has(seq) ? 'inserted' : 'reordered';
}

function hmac(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** Constant-time comparison of two macs; anything not 64 lowercase hex digits never matches. */
function sameHex(expected: string, actual: string): boolean {
  if (typeof actual !== 'string' || !/^[0-9a-f]{64}$/.test(actual)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(actual, 'hex'));
}
