import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../core/errors.ts';
import { hashSecret, newSecret, sameSecret } from './secrets.ts';

describe('newSecret', () => {
  it('is the prefix, an underscore and 32 random bytes in base64url', () => {
    const secret = newSecret('vigie_tok');
    expect(secret).toMatch(/^vigie_tok_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice('vigie_tok_'.length), 'base64url')).toHaveLength(32);
  });

  it('never repeats', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => newSecret('sid')));
    expect(seen.size).toBe(10_000);
  });

  it.each(['', 'Vigie', 'has space', 'a.b', 'x'.repeat(40)])('refuses the prefix %j', (prefix) => {
    expect(() => newSecret(prefix)).toThrow(VigieError);
  });
});

describe('hashSecret', () => {
  it('is the hex SHA-256 of the whole secret and never the secret itself', () => {
    const secret = newSecret('csrf');
    const hashed = hashSecret(secret);
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
    expect(hashed).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(hashed).toBe(hashSecret(secret));
    expect(hashed).not.toBe(hashSecret(newSecret('csrf')));
  });
});

describe('sameSecret', () => {
  it('compares exactly, whatever the lengths', () => {
    const secret = newSecret('vigie_tok');
    expect(sameSecret(secret, `${secret}`)).toBe(true);
    expect(sameSecret(secret, secret.slice(0, -1))).toBe(false);
    expect(sameSecret(secret, `${secret}x`)).toBe(false);
    expect(sameSecret(secret, '')).toBe(false);
    expect(sameSecret('', '')).toBe(true);
    expect(
      sameSecret(
        secret,
        secret.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
      ),
    ).toBe(false);
  });

  it('does not confuse different lone surrogates', () => {
    expect(sameSecret('tok\uD800', 'tok\uDFFF')).toBe(false);
    expect(sameSecret('tok\uD800', 'tok\uFFFD')).toBe(false);
  });
});
