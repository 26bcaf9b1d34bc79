import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditRecord, ChainProblem } from './audit-chain.ts';
import { GENESIS_MAC, canonicalAudit, headMac, linkMac, verifyAuditChain } from './audit-chain.ts';
import type { Entry, Head } from './audit-chain.test-support.ts';
import { buildChain, randomRecord, seeded } from './audit-chain.test-support.ts';

describe('canonicalAudit', () => {
  const record: AuditRecord = {
    seq: 7,
    at: '2026-11-27T03:50:00.000Z',
    actorId: 'user-1',
    action: 'victim.read',
    targetType: 'victim',
    targetId: 'rec-1',
    details: { field: 'full_name', count: 1, reason: null, bulk: false },
  };

  it('does not depend on the order of keys, nor on fields outside the record', () => {
    const reordered = { ...record, details: { bulk: false, reason: null, count: 1, field: 'full_name' } };
    expect(canonicalAudit(reordered)).toBe(canonicalAudit(record));
    expect(canonicalAudit({ ...record, mac: 'x', id: 99 } as AuditRecord)).toBe(canonicalAudit(record));
  });

  it('survives a trip through JSON text, as the databases store details', () => {
    const stored = {
      ...record,
      details: JSON.parse(JSON.stringify(record.details)) as AuditRecord['details'],
    };
    expect(canonicalAudit(stored)).toBe(canonicalAudit(record));
  });

  it('tells apart values that differ only in type or in null versus text', () => {
    const texts = new Set([
      canonicalAudit(record),
      canonicalAudit({ ...record, details: { ...record.details, count: '1' } }),
      canonicalAudit({ ...record, details: { ...record.details, reason: 'null' } }),
      canonicalAudit({ ...record, targetId: null }),
      canonicalAudit({ ...record, targetId: 'null' }),
      canonicalAudit({ ...record, action: 'victim.read|x' }),
    ]);
    expect(texts.size).toBe(6);
  });
});

describe('linkMac / headMac', () => {
  it('are hex HMACs under the audit key, kept apart from each other', () => {
    const key = randomBytes(32);
    const record = randomRecord(seeded(1), 1);
    const mac = linkMac(key, GENESIS_MAC, record);
    expect(mac).toMatch(/^[0-9a-f]{64}$/);
    expect(linkMac(randomBytes(32), GENESIS_MAC, record)).not.toBe(mac);
    expect(linkMac(key, 'f'.repeat(64), record)).not.toBe(mac);
    expect(headMac(key, 1, mac)).not.toBe(linkMac(key, mac, record));
    expect(headMac(key, 1, mac)).not.toBe(headMac(key, 2, mac));
  });
});

describe('verifyAuditChain', () => {
  const key = randomBytes(32);

  it('accepts an empty log with no head or with the genesis head', () => {
    expect(verifyAuditChain(key, [], null)).toEqual({ ok: true, entries: 0 });
    const genesis = { seq: 0, mac: GENESIS_MAC, signature: headMac(key, 0, GENESIS_MAC) };
    expect(verifyAuditChain(key, [], genesis)).toEqual({ ok: true, entries: 0 });
  });

  it('accepts any untampered chain (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 60 }), (seed, length) => {
        const rand = seeded(seed);
        const { entries, head } = buildChain(
          key,
          Array.from({ length }, (_, i) => randomRecord(rand, i + 1)),
        );
        expect(verifyAuditChain(key, entries, head)).toEqual({ ok: true, entries: length });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a chain checked with another key, and entries whose head row is gone', () => {
    const rand = seeded(2);
    const { entries, head } = buildChain(key, [randomRecord(rand, 1), randomRecord(rand, 2)]);
    expect(verifyAuditChain(randomBytes(32), entries, head).ok).toBe(false);
    expect(verifyAuditChain(key, entries, null)).toEqual({
      ok: false,
      problem: { seq: 2, kind: 'head-mismatch' },
    });
  });

  it('diagnoses the simple cases', () => {
    const rand = seeded(3);
    const { entries, head } = buildChain(
      key,
      Array.from({ length: 10 }, (_, i) => randomRecord(rand, i + 1)),
    );
    const problem = (list: Entry[], h: Head | null = head): ChainProblem | null => {
      const result = verifyAuditChain(key, list, h);
      return result.ok ? null : result.problem;
    };
    expect(problem(entries.map((e, i) => (i === 4 ? { ...e, action: 'victim.delete' } : e)))).toEqual({
      seq: 5,
      kind: 'edited',
    });
    expect(problem(entries.filter((_, i) => i !== 4))).toEqual({ seq: 5, kind: 'deleted' });
    expect(problem([...entries.slice(0, 4), entries[4]!, ...entries.slice(4)])).toEqual({
      seq: 6,
      kind: 'inserted',
    });
    expect(problem([...entries.slice(0, 3), entries[4]!, entries[3]!, ...entries.slice(5)])).toEqual({
      seq: 4,
      kind: 'reordered',
    });
    expect(problem(entries.slice(0, 7))).toEqual({ seq: 8, kind: 'truncated' });
    expect(problem(entries, { ...head, signature: '0'.repeat(64) })).toEqual({
      seq: 10,
      kind: 'head-mismatch',
    });
  });
});

describe('verifyAuditChain: the documented limit', () => {
  it('cannot see a cut back to an older genuine head that someone saved (needs a head kept outside the database)', () => {
    const key = randomBytes(32);
    const rand = seeded(4);
    const records = Array.from({ length: 10 }, (_, i) => randomRecord(rand, i + 1));
    const old = buildChain(key, records.slice(0, 6));
    const now = buildChain(key, records);
    expect(verifyAuditChain(key, now.entries.slice(0, 6), old.head)).toEqual({ ok: true, entries: 6 });
    // What does catch it: comparing with a head copied out earlier (here, the current one).
    expect(verifyAuditChain(key, now.entries.slice(0, 6), now.head).ok).toBe(false);
  });
});
