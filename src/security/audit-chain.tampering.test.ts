import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENESIS_MAC, canonicalAudit, headMac, linkMac, verifyAuditChain } from './audit-chain.ts';
import type { Entry, Head } from './audit-chain.test-support.ts';
import { ACTIONS, buildChain, randomRecord, seeded } from './audit-chain.test-support.ts';

/**
 * THE TAMPERING TEST (issue 4): 1,000 random tamperings of a 200-entry chain, each by someone who can write
 * anything to the database but does not hold the audit key. Every one must be detected.
 */
describe('audit chain tamper detection: 1,000 random tamperings of a 200-entry chain are all detected', () => {
  const key = randomBytes(32);
  const rand = seeded(20261127);
  const int = (n: number) => Math.floor(rand() * n);
  const records = Array.from({ length: 200 }, (_, i) => randomRecord(rand, i + 1));
  const chain = buildChain(key, records);
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  const wrongKey = randomBytes(32);

  /** Recomputes macs from `from` on, as an attacker would: with a plain SHA-256 or with a guessed key. */
  function rechain(
    entries: Entry[],
    from: number,
    how: 'sha256' | 'wrong-key',
  ): { entries: Entry[]; head: Head } {
    let previous = from === 0 ? GENESIS_MAC : entries[from - 1]!.mac;
    const out = entries.map((entry, i) => {
      if (i < from) return entry;
      const text = `${previous}|${canonicalAudit(entry)}`;
      previous = how === 'sha256' ? sha256(text) : linkMac(wrongKey, previous, entry);
      return { ...entry, mac: previous };
    });
    const seq = out.at(-1)?.seq ?? 0;
    const signature = how === 'sha256' ? sha256(`${seq}|${previous}`) : headMac(wrongKey, seq, previous);
    return { entries: out, head: { seq, mac: previous, signature } };
  }

  function editField(entry: Entry): Entry {
    const choice = int(11);
    switch (choice) {
      case 0:
        return { ...entry, at: new Date(Date.parse(entry.at) + 1000 * (1 + int(3600))).toISOString() };
      case 1:
        return {
          ...entry,
          actorId: entry.actorId === null ? 'user-0' : rand() < 0.5 ? null : `${entry.actorId}x`,
        };
      case 2:
        return { ...entry, action: ACTIONS.find((a) => a !== entry.action)! };
      case 3:
        return { ...entry, targetType: entry.targetType === 'victim' ? 'incident' : 'victim' };
      case 4:
        return { ...entry, targetId: entry.targetId === null ? 'rec-1' : null };
      case 5:
        return { ...entry, seq: entry.seq + (rand() < 0.5 ? 1 : -1) };
      case 6:
        return { ...entry, mac: sha256(entry.mac) };
      case 7: {
        const keys = Object.keys(entry.details);
        if (keys.length === 0) return { ...entry, details: { added: 'x' } };
        const name = keys[int(keys.length)]!;
        const value = entry.details[name];
        const changed = value === null ? 0 : typeof value === 'string' ? null : String(value);
        return { ...entry, details: { ...entry.details, [name]: changed } };
      }
      case 8: {
        const keys = Object.keys(entry.details);
        if (keys.length === 0) return { ...entry, details: { reason: null } };
        const { [keys[int(keys.length)]!]: _removed, ...rest } = entry.details;
        return { ...entry, details: rest };
      }
      case 9:
        return { ...entry, details: { ...entry.details, injected: 'exported by admin' } };
      default: {
        // Rename the keys (values kept); with no details this would change nothing, so add one instead.
        const renamed = Object.entries(entry.details).map(([k, v]) => [`${k}_`, v]);
        return { ...entry, details: renamed.length === 0 ? { key0: null } : Object.fromEntries(renamed) };
      }
    }
  }

  const tamperings: Record<string, (e: Entry[], h: Head) => { entries: Entry[]; head: Head | null }> = {
    'edit a field': (e, h) => {
      const i = int(e.length);
      return { entries: e.map((x, j) => (j === i ? editField(x) : x)), head: h };
    },
    'delete entries': (e, h) => {
      const doomed = new Set(Array.from({ length: 1 + int(5) }, () => int(e.length)));
      if (rand() < 0.3) doomed.add(e.length - 1); // the last ones too
      return { entries: e.filter((_, j) => !doomed.has(j)), head: h };
    },
    'insert a forged entry': (e, h) => {
      const at = int(e.length + 1);
      const previousMac = at === 0 ? GENESIS_MAC : e[at - 1]!.mac;
      const plausible = [e[at - 1]?.seq ?? 1, e[at]?.seq ?? e.length + 1, at + 1];
      const forged = randomRecord(rand, plausible[int(plausible.length)]!);
      const entry = { ...forged, mac: sha256(`${previousMac}|${canonicalAudit(forged)}`) };
      const renumber = rand() < 0.5; // shift the following seqs up, as a careful forger would
      const after = e.slice(at).map((x) => (renumber ? { ...x, seq: x.seq + 1 } : x));
      return { entries: [...e.slice(0, at), entry, ...after], head: h };
    },
    'swap two entries': (e, h) => {
      const i = int(e.length);
      const j = (i + 1 + int(e.length - 1)) % e.length;
      const out = [...e];
      [out[i], out[j]] = [out[j]!, out[i]!];
      return { entries: out, head: h };
    },
    'truncate the tail': (e, h) => ({ entries: e.slice(0, e.length - 1 - int(30)), head: h }),
    'replace the head': (e, h) => {
      const options: Array<Head | null> = [
        null,
        { ...h, signature: randomBytes(32).toString('hex') },
        { ...h, signature: sha256(`${h.seq}|${h.mac}`) },
        { ...h, seq: h.seq + 1 },
        { seq: e[100]!.seq, mac: e[100]!.mac, signature: sha256(`${e[100]!.seq}|${e[100]!.mac}`) },
      ];
      return { entries: e, head: options[int(options.length)]! };
    },
    'truncate and forge a matching head': (e) => {
      const kept = e.slice(0, e.length - 1 - int(30));
      const last = kept.at(-1)!;
      const signature =
        rand() < 0.5 ? sha256(`${last.seq}|${last.mac}`) : headMac(wrongKey, last.seq, last.mac);
      return { entries: kept, head: { seq: last.seq, mac: last.mac, signature } };
    },
    'edit and recompute the rest as a plain SHA-256 chain': (e) => {
      const i = int(e.length);
      const edited = e.map((x, j) => (j === i ? { ...editField(x), seq: x.seq, mac: x.mac } : x));
      return rechain(edited, i, 'sha256');
    },
    'edit and recompute the rest with a guessed key': (e) => {
      const i = int(e.length);
      const edited = e.map((x, j) => (j === i ? { ...editField(x), seq: x.seq, mac: x.mac } : x));
      return rechain(edited, i, 'wrong-key');
    },
  };

  it('verifies the untampered chain', () => {
    expect(verifyAuditChain(key, chain.entries, chain.head)).toEqual({ ok: true, entries: 200 });
  });

  it('detects every one of 1,000 random tamperings', () => {
    const names = Object.keys(tamperings);
    const counts = new Map<string, number>();
    const kinds = new Map<string, Set<string>>();
    for (let n = 0; n < 1000; n += 1) {
      const name = names[int(names.length)]!;
      const entries = chain.entries.map((entry) => ({ ...entry, details: { ...entry.details } }));
      const tampered = tamperings[name]!(entries, { ...chain.head });
      if (JSON.stringify(tampered) === JSON.stringify(chain))
        throw new Error(`tampering #${n} changed nothing`);
      const result = verifyAuditChain(key, tampered.entries, tampered.head);
      if (result.ok) throw new Error(`tampering #${n} (${name}) went undetected`);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      kinds.set(name, (kinds.get(name) ?? new Set()).add(result.problem.kind));
    }
    // Every kind of tampering was exercised many times; the originals were never touched.
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    for (const name of names) expect(counts.get(name)).toBeGreaterThan(60);
    expect(verifyAuditChain(key, chain.entries, chain.head).ok).toBe(true);
    // The diagnosis is best-effort, but the plain cases name what happened.
    expect([...kinds.get('swap two entries')!]).toEqual(['reordered']);
    expect([...kinds.get('truncate the tail')!]).toEqual(['truncated']);
    expect([...kinds.get('replace the head')!]).toEqual(['head-mismatch']);
    expect([...kinds.get('truncate and forge a matching head')!]).toEqual(['head-mismatch']);
    for (const kind of kinds.get('delete entries')!) expect(['deleted', 'truncated']).toContain(kind);
    expect([...kinds.get('edit and recompute the rest as a plain SHA-256 chain')!]).toEqual(['edited']);
  });
});
