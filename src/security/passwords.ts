import type { Algorithm, Options } from '@node-rs/argon2';
import { hash, parseOptions, verify } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id (DESIGN §8) at OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane.
 * The parameters travel inside each PHC hash string, so raising them later only needs
 * `passwordNeedsRehash` at login; old hashes keep verifying.
 */

// @node-rs/argon2 declares Algorithm as an ambient `const enum`, which isolatedModules cannot read, and its
// runtime `Algorithm` object is empty; 2 is Argon2id in the package's typings.
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const satisfies Options;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

/**
 * An argon2id hash of 32 random bytes that were thrown away, with the parameters above. Verifying a login for an
 * unknown e-mail against it costs what verifying a real user's hash costs, so response time does not reveal
 * which e-mails have accounts. A test checks its parameters still equal PASSWORD_OPTIONS.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$BqtRWNjPGirzED30jRbbhg$OKZRFF9BpVuBSd+3GP9wTp5tnXuA66JWs6oPDSZJ9kU';

/**
 * Accented letters can reach us composed (é) or decomposed (e + ◌́) depending on the keyboard, OS or a
 * copy-paste; NFC makes both the same password. Applied identically when hashing and verifying.
 */
function normalise(pw: string): string {
  return pw.normalize('NFC');
}

export async function hashPassword(pw: string): Promise<string> {
  return hash(normalise(pw), PASSWORD_OPTIONS);
}

/** False, never a throw, for a wrong password or a hash that does not parse. */
export async function verifyPassword(hashed: string, pw: string): Promise<boolean> {
  try {
    return await verify(hashed, normalise(pw));
  } catch {
    return false;
  }
}

/** Spends a real verification's time and always answers false: the login path for an unknown e-mail. */
export async function verifyAgainstDummy(pw: string): Promise<false> {
  await verifyPassword(DUMMY_HASH, pw);
  return false;
}

/** Length in characters (code points, after NFC), so a French passphrase is not penalised for its accents. */
export function passwordProblem(pw: string): 'too-short' | 'too-long' | null {
  const length = [...normalise(pw)].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too-short';
  if (length > PASSWORD_MAX_LENGTH) return 'too-long';
  return null;
}

/** True when a stored hash was made with other (older) parameters: rehash it after a successful login. */
export function passwordNeedsRehash(hashed: string): boolean {
  try {
    const used = parseOptions(hashed);
    return (
      used.algorithm !== PASSWORD_OPTIONS.algorithm ||
      used.memoryCost !== PASSWORD_OPTIONS.memoryCost ||
      used.timeCost !== PASSWORD_OPTIONS.timeCost ||
      used.parallelism !== PASSWORD_OPTIONS.parallelism
    );
  } catch {
    return true;
  }
}
