import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  DUMMY_HASH,
  PASSWORD_OPTIONS,
  hashPassword,
  passwordNeedsRehash,
  passwordProblem,
  verifyAgainstDummy,
  verifyPassword,
} from './passwords.ts';

describe('hashPassword / verifyPassword', () => {
  it('hashes with argon2id at m=19456 KiB, t=2, p=1 and a fresh salt each time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(passwordNeedsRehash(a)).toBe(false);
  });

  it('accepts the right password and refuses wrong ones', async () => {
    const hashed = await hashPassword('Sévaré-Mopti 2024!');
    expect(await verifyPassword(hashed, 'Sévaré-Mopti 2024!')).toBe(true);
    expect(await verifyPassword(hashed, 'sévaré-Mopti 2024!')).toBe(false);
    expect(await verifyPassword(hashed, 'Sévaré-Mopti 2024! ')).toBe(false);
    expect(await verifyPassword(hashed, '')).toBe(false);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const composed = 'Ségou-Tombouctou-é'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
    expect(await verifyPassword(await hashPassword(decomposed), composed)).toBe(true);
  });

  it.each(['', 'not a hash', '$argon2id$v=19$m=19456,t=2,p=1$bad', '$2b$10$abcdefghijklmnopqrstuv'])(
    'answers false, not a throw, for a malformed hash %j',
    async (hashed) => {
      expect(await verifyPassword(hashed, 'whatever password')).toBe(false);
    },
  );
});

describe('verifyAgainstDummy', () => {
  it('always answers false, with a dummy hash made at the current parameters', async () => {
    expect(await verifyAgainstDummy('any password at all')).toBe(false);
    const used = parseOptions(DUMMY_HASH);
    expect({
      algorithm: used.algorithm,
      memoryCost: used.memoryCost,
      timeCost: used.timeCost,
      parallelism: used.parallelism,
    }).toEqual(PASSWORD_OPTIONS);
    expect(passwordNeedsRehash(DUMMY_HASH)).toBe(false);
  });

  it('takes about as long as verifying a real hash (no unknown-e-mail timing signal)', async () => {
    const real = await hashPassword('a real user password');
    const elapsed = async (run: () => Promise<unknown>): Promise<number> => {
      const start = performance.now();
      await run();
      return performance.now() - start;
    };
    // Interleaved, and the fastest of each compared: other processes on the machine only ever add time, so the
    // minimum is the intrinsic cost and the interleaving spreads any load over both sides. On a saturated machine
    // fifteen pairs may not reach the floor on both sides; more pairs are drawn (up to 60) before judging, which
    // cannot hide a real difference: a dummy check that skips the work stays far faster however long one samples.
    const known: number[] = [];
    const unknown: number[] = [];
    let ratio = NaN;
    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 15; i += 1) {
        known.push(await elapsed(() => verifyPassword(real, 'a wrong password')));
        unknown.push(await elapsed(() => verifyAgainstDummy('a wrong password')));
      }
      ratio = Math.min(...unknown) / Math.min(...known);
      if (ratio > 0.5 && ratio < 2) break;
    }
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('passwordNeedsRehash', () => {
  it('asks for a rehash of weaker or unreadable hashes', () => {
    expect(
      passwordNeedsRehash('$argon2id$v=19$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$' + 'A'.repeat(43)),
    ).toBe(true);
    expect(passwordNeedsRehash('garbage')).toBe(true);
  });
});

describe('passwordProblem', () => {
  it('wants 12 to 1024 characters, counted as characters rather than bytes or UTF-16 units', () => {
    expect(passwordProblem('')).toBe('too-short');
    expect(passwordProblem('elevenchars')).toBe('too-short');
    expect(passwordProblem('twelve chars')).toBeNull();
    expect(passwordProblem('😀'.repeat(11))).toBe('too-short'); // 22 UTF-16 units, 11 characters
    expect(passwordProblem('é'.normalize('NFD').repeat(12))).toBeNull(); // 12 characters once composed
    expect(passwordProblem('x'.repeat(1024))).toBeNull();
    expect(passwordProblem('x'.repeat(1025))).toBe('too-long');
  });
});
