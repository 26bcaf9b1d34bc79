import type { AuditRecord } from './audit-chain.ts';
import { GENESIS_MAC, headMac, linkMac } from './audit-chain.ts';

/** Shared by the audit-chain tests: seeded random records and genuine chains built from them. */

export type Entry = AuditRecord & { mac: string };
export type Head = { seq: number; mac: string; signature: string };

/** mulberry32: a seeded generator, so a failing tampering can be replayed from its number. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ACTIONS = [
  'victim.read',
  'victim.update',
  'incident.create',
  'export.public',
  'user.login',
  'key.rotate',
];

export function randomRecord(rand: () => number, seq: number): AuditRecord {
  const int = (n: number) => Math.floor(rand() * n);
  const details: AuditRecord['details'] = {};
  for (let k = int(5); k > 0; k -= 1) {
    const values = [`v${int(1000)}`, int(100), rand() < 0.5, null, 'Aminata Traoré', -0.5 + rand()];
    details[`key${int(8)}`] = values[int(values.length)]!;
  }
  return {
    seq,
    at: new Date(Date.UTC(2026, 0, 1) + seq * 61_000).toISOString(),
    actorId: rand() < 0.1 ? null : `user-${int(20)}`,
    action: ACTIONS[int(ACTIONS.length)]!,
    targetType: rand() < 0.5 ? 'victim' : 'incident',
    targetId: rand() < 0.1 ? null : `rec-${int(10_000)}`,
    details,
  };
}

export function buildChain(key: Buffer, records: AuditRecord[]): { entries: Entry[]; head: Head } {
  let previous = GENESIS_MAC;
  const entries = records.map((record) => {
    previous = linkMac(key, previous, record);
    return { ...record, mac: previous };
  });
  const seq = entries.at(-1)?.seq ?? 0;
  return { entries, head: { seq, mac: previous, signature: headMac(key, seq, previous) } };
}
