import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { VigieError } from '../core/errors.ts';

/**
 * Field-level envelope encryption (DESIGN §8). Each protected field is sealed with AES-256-GCM under a data key;
 * data keys are stored wrapped by the key-encryption key (KEK), which lives outside the database. Destroying a
 * data key (or the KEK) makes everything sealed under it unreadable: that is how retention and duress wipe work.
 *
 * The record and field are GCM associated data, so a ciphertext copied into another record or field, or a
 * wrapped key moved to another key id, fails to open instead of silently showing the wrong person's identity.
 */

/** Where a sealed value lives; bound into the ciphertext as associated data. */
export interface FieldContext {
  table: string;
  recordId: string;
  field: string;
}

const KEY_BYTES = 32;
const IV_BYTES = 12; // the GCM standard nonce; random per seal (2^-32 collision bound far above our volumes)
const TAG_BYTES = 16;
const SEALED_VERSION = 'v1';
const WRAPPED_VERSION = 'k1';
// Key ids go into dotted text and into associated data, so they are restricted to a safe alphabet.
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** 64 random bits: key ids only need to be unique among a deployment's data keys, not secret. */
export function newKeyId(): string {
  return randomBytes(8).toString('hex');
}

export function wrapKey(kek: Buffer, keyId: string, dataKey: Buffer): string {
  checkKey(kek);
  checkKey(dataKey);
  return encrypt(kek, kekAad(checkKeyId(keyId)), dataKey, WRAPPED_VERSION);
}

/** A wrong KEK and a tampered wrapped key look the same to GCM; both are reported as 'wrong-key'. */
export function unwrapKey(kek: Buffer, keyId: string, wrapped: string): Buffer {
  checkKey(kek);
  const parts = wrapped.split('.');
  if (parts.length !== 4 || parts[0] !== WRAPPED_VERSION) throw malformed();
  const dataKey = decrypt(kek, kekAad(checkKeyId(keyId)), parts[1]!, parts[2]!, parts[3]!);
  if (dataKey.length !== KEY_BYTES) throw malformed();
  return dataKey;
}

/** Seals one field value as `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). */
export function sealField(dataKey: Buffer, keyId: string, context: FieldContext, plaintext: string): string {
  checkKey(dataKey);
  const aad = fieldAad(checkKeyId(keyId), context);
  const body = encrypt(dataKey, aad, Buffer.from(plaintext, 'utf8'), SEALED_VERSION);
  // encrypt() gives `v1.<iv>.<ct>.<tag>`; the key id goes after the version so readers can pick the data key.
  return `${SEALED_VERSION}.${keyId}${body.slice(SEALED_VERSION.length)}`;
}

/** Opens a sealed field; throws KEY_UNAVAILABLE ('wrong-key') on a wrong key, wrong context or any tampering. */
export function openField(dataKey: Buffer, context: FieldContext, sealed: string): string {
  checkKey(dataKey);
  const parts = splitSealed(sealed);
  const plaintext = decrypt(dataKey, fieldAad(parts[1], context), parts[2], parts[3], parts[4]);
  // fatal: true would be redundant (GCM already authenticated these bytes) but costs nothing and guards misuse.
  return new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
}

/** The data key a sealed value needs, read without decrypting (to fetch and unwrap the right key). */
export function keyIdOfSealed(sealed: string): string {
  return splitSealed(sealed)[1];
}

function splitSealed(sealed: string): [string, string, string, string, string] {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== SEALED_VERSION || !KEY_ID.test(parts[1]!)) throw malformed();
  return parts as [string, string, string, string, string];
}

/**
 * The key id is bound into the field's associated data as well, so every byte of the sealed text is
 * authenticated: relabelling a value with another key id cannot go unnoticed.
 */
function fieldAad(keyId: string, context: FieldContext): Buffer {
  const { table, recordId, field } = context;
  for (const part of [table, recordId, field]) {
    // A '|' inside a part would let two different contexts produce the same associated data.
    if (typeof part !== 'string' || part.length === 0 || part.includes('|')) {
      throw new VigieError('INTERNAL', { reason: 'bad-field-context' });
    }
  }
  return Buffer.from(`vigie/v1|${table}|${recordId}|${field}|${keyId}`, 'utf8');
}

function kekAad(keyId: string): Buffer {
  return Buffer.from(`vigie/kek/v1|${keyId}`, 'utf8');
}

function encrypt(key: Buffer, aad: Buffer, plaintext: Buffer, version: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, b64(iv), b64(ciphertext), b64(tag)].join('.');
}

function decrypt(key: Buffer, aad: Buffer, ivText: string, ciphertextText: string, tagText: string): Buffer {
  const iv = unb64(ivText);
  const ciphertext = unb64(ciphertextText);
  const tag = unb64(tagText);
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw malformed();
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new VigieError('KEY_UNAVAILABLE', { reason: 'wrong-key' });
  }
}

function b64(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/**
 * Node's base64url decoder skips characters it does not know and ignores the spare low bits of the last
 * character, so several texts decode to the same bytes. Only the canonical text is accepted: a changed sealed
 * value must never open.
 */
function unb64(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw malformed();
  return bytes;
}

function checkKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw malformed();
}

function checkKeyId(keyId: string): string {
  if (!KEY_ID.test(keyId)) throw new VigieError('INTERNAL', { reason: 'bad-key-id' });
  return keyId;
}

function malformed(): VigieError {
  return new VigieError('KEY_UNAVAILABLE', { reason: 'malformed' });
}
