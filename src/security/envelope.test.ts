import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VigieError } from '../core/errors.ts';
import type { FieldContext } from './envelope.ts';
import { keyIdOfSealed, newDataKey, newKeyId, openField, sealField, unwrapKey, wrapKey } from './envelope.ts';

const context: FieldContext = { table: 'victims', recordId: 'rec-0001', field: 'full_name' };

function expectKeyError(run: () => unknown, reason: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).code).toBe('KEY_UNAVAILABLE');
    expect((error as VigieError).details).toEqual({ reason });
    return;
  }
  throw new Error('expected a KEY_UNAVAILABLE error');
}

/** Flips one bit of one base64url part of a sealed or wrapped text, keeping the text canonical. */
function flipBit(text: string, part: number, bit: number): string {
  const parts = text.split('.');
  const bytes = Buffer.from(parts[part]!, 'base64url');
  bytes[Math.floor(bit / 8) % bytes.length]! ^= 1 << (bit % 8);
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('data keys and key ids', () => {
  it('makes 32-byte keys and 16-hex-digit ids, different each time', () => {
    expect(newDataKey()).toHaveLength(32);
    expect(newDataKey().equals(newDataKey())).toBe(false);
    expect(newKeyId()).toMatch(/^[0-9a-f]{16}$/);
    expect(newKeyId()).not.toBe(newKeyId());
  });
});

describe('sealField / openField', () => {
  const key = newDataKey();
  const keyId = newKeyId();

  it.each(['Aminata Traoré', '', 'ߒߞߏ ⵜⴰⵎⴰⵣⵉⵖⵜ 😀 مرحبا', 'x'.repeat(100_000)])('round-trips %#', (text) => {
    const sealed = sealField(key, keyId, context, text);
    expect(openField(key, context, sealed)).toBe(text);
  });

  it('writes v1.<keyId>.<iv>.<ciphertext>.<tag> and reads the key id back', () => {
    const sealed = sealField(key, keyId, context, 'Bamako');
    const [version, id, iv, ciphertext, tag] = sealed.split('.');
    expect(version).toBe('v1');
    expect(id).toBe(keyId);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(ciphertext!, 'base64url')).toHaveLength(Buffer.byteLength('Bamako'));
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(keyIdOfSealed(sealed)).toBe(keyId);
  });

  it('seals the same text differently each time (random IV)', () => {
    const a = sealField(key, keyId, context, 'témoin');
    const b = sealField(key, keyId, context, 'témoin');
    expect(a).not.toBe(b);
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
  });

  it.each([
    ['table', { ...context, table: 'witnesses' }],
    ['record', { ...context, recordId: 'rec-0002' }],
    ['field', { ...context, field: 'phone' }],
  ])('refuses a value moved to another %s', (_what, other) => {
    const sealed = sealField(key, keyId, context, 'Aminata Traoré');
    expectKeyError(() => openField(key, other, sealed), 'wrong-key');
  });

  it('refuses a wrong data key', () => {
    const sealed = sealField(key, keyId, context, 'Aminata Traoré');
    expectKeyError(() => openField(newDataKey(), context, sealed), 'wrong-key');
  });

  it('refuses every single-bit flip in the IV, ciphertext and tag', () => {
    const sealed = sealField(key, keyId, context, 'Gao, quartier 4');
    for (const part of [2, 3, 4]) {
      const bits = Buffer.from(sealed.split('.')[part]!, 'base64url').length * 8;
      for (let bit = 0; bit < bits; bit += 1) {
        expectKeyError(() => openField(key, context, flipBit(sealed, part, bit)), 'wrong-key');
      }
    }
  });

  it('refuses a relabelled key id (the key id is authenticated too)', () => {
    const sealed = sealField(key, keyId, context, 'Aminata Traoré');
    const relabelled = sealed.replace(`.${keyId}.`, `.${newKeyId()}.`);
    expectKeyError(() => openField(key, context, relabelled), 'wrong-key');
  });

  it('refuses non-canonical base64url and broken shapes as malformed', () => {
    const sealed = sealField(key, keyId, context, 'Mopti');
    const parts = sealed.split('.');
    // The tag's last character carries 2 spare bits: changing them decodes to the same bytes but is not canonical.
    const tag = parts[4]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(tag.at(-1)!);
    const sibling = alphabet[last ^ 1]!;
    const twin = [...parts.slice(0, 4), tag.slice(0, -1) + sibling].join('.');
    expect(Buffer.from(twin.split('.')[4]!, 'base64url').equals(Buffer.from(tag, 'base64url'))).toBe(true);
    expectKeyError(() => openField(key, context, twin), 'malformed');
    for (const broken of [
      '',
      'v1',
      sealed.replace('v1.', 'v2.'),
      `${sealed}.x`,
      sealed.replace(/\.[^.]+$/, '.!!'),
    ]) {
      expectKeyError(() => openField(key, context, broken), 'malformed');
    }
    expectKeyError(() => keyIdOfSealed('v1.bad id.a.b.c'), 'malformed');
  });

  it('refuses keys of the wrong size and contexts that could collide', () => {
    expectKeyError(() => sealField(Buffer.alloc(16), keyId, context, 'x'), 'malformed');
    expect(() => sealField(key, keyId, { ...context, recordId: 'a|b' }, 'x')).toThrow(VigieError);
    expect(() => sealField(key, keyId, { ...context, field: '' }, 'x')).toThrow(VigieError);
    expect(() => sealField(key, 'not.an.id', context, 'x')).toThrow(VigieError);
  });

  it('round-trips any string in any context (property)', () => {
    const part = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('|'));
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        part,
        part,
        part,
        (text, table, recordId, field) => {
          const where = { table, recordId, field };
          expect(openField(key, where, sealField(key, keyId, where, text))).toBe(text);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('wrapKey / unwrapKey', () => {
  const kek = newDataKey();
  const keyId = newKeyId();

  it('round-trips a data key', () => {
    const dataKey = newDataKey();
    const wrapped = wrapKey(kek, keyId, dataKey);
    expect(wrapped).not.toContain(dataKey.toString('base64url'));
    expect(unwrapKey(kek, keyId, wrapped).equals(dataKey)).toBe(true);
  });

  it('refuses a wrong KEK, another key id and a flipped bit', () => {
    const wrapped = wrapKey(kek, keyId, newDataKey());
    expectKeyError(() => unwrapKey(newDataKey(), keyId, wrapped), 'wrong-key');
    expectKeyError(() => unwrapKey(kek, newKeyId(), wrapped), 'wrong-key');
    expectKeyError(() => unwrapKey(kek, keyId, flipBit(wrapped, 2, 77)), 'wrong-key');
    expectKeyError(() => unwrapKey(kek, keyId, 'k1.abc'), 'malformed');
  });
});
