import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { VigieError } from '../core/errors.ts';

/**
 * Bearer secrets: API tokens, session ids, CSRF tokens. 256 random bits each, so a plain SHA-256 is enough to
 * store them (no salt or slow hash needed: there is nothing to guess). The database keeps only the hash, so a
 * stolen database does not hand out live sessions or tokens.
 */

const PREFIX = /^[a-z][a-z0-9_]{0,31}$/;

/** `${prefix}_` + 32 random bytes in base64url; the prefix tells a leaked token's kind at a glance. */
export function newSecret(prefix: string): string {
  if (!PREFIX.test(prefix)) throw new VigieError('INTERNAL', { reason: 'bad-secret-prefix' });
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** What the database stores and looks secrets up by (hex SHA-256 of the whole secret, prefix included). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Constant-time comparison. Both sides are hashed first, so the comparison is over equal lengths and takes the
 * same time whatever the inputs' lengths and wherever they first differ.
 */
export function sameSecret(a: string, b: string): boolean {
  // UTF-16 code units, not UTF-8: UTF-8 would turn every lone surrogate into U+FFFD and make them all equal.
  const digestA = createHash('sha256').update(Buffer.from(a, 'utf16le')).digest();
  const digestB = createHash('sha256').update(Buffer.from(b, 'utf16le')).digest();
  return timingSafeEqual(digestA, digestB);
}
