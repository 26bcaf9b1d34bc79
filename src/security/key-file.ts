import { randomBytes } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { VigieError } from '../core/errors.ts';

/**
 * The key-encryption key (KEK) lives in a file outside the database (DESIGN §8): a stolen or copied database
 * alone does not reveal identities. The file holds one base64 line of 32 random bytes, after a comment line.
 */

const KEK_BYTES = 32;
const HEADER = '# vigie key-encryption key — keep secret, back up offline';
const MAX_FILE_BYTES = 4096; // a real key file is ~110 bytes; anything large is not one

function kekError(reason: 'missing' | 'insecure-mode' | 'malformed', cause?: string): VigieError {
  return new VigieError('KEY_UNAVAILABLE', cause === undefined ? { reason } : { reason, cause });
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * Loads the KEK, creating it on first use. `create: false` refuses a missing file: once the database holds
 * wrapped keys, a fresh KEK would silently make all of them unreadable, so the caller must pass `create: false`
 * (or check `created`) whenever wrapped keys already exist.
 */
export async function loadOrCreateKek(
  path: string,
  options: { create?: boolean } = {},
): Promise<{ kek: Buffer; created: boolean }> {
  const existing = await readKek(path);
  if (existing !== null) return { kek: existing, created: false };
  if (options.create === false) throw kekError('missing');

  const kek = randomBytes(KEK_BYTES);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  let handle: FileHandle;
  try {
    // 'wx': never overwrite a key another process created a moment ago; 0600 before a single byte is written.
    handle = await open(path, 'wx', 0o600);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') {
      const raced = await readKek(path);
      if (raced !== null) return { kek: raced, created: false };
    }
    throw kekError('missing', errnoCode(error));
  }
  try {
    await handle.writeFile(kekFileText(kek), 'utf8');
    await handle.sync();
  } catch (error) {
    // A half-written key file would be refused as malformed on every later start; leave nothing behind.
    await handle.close();
    await unlink(path).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await syncDirectory(dirname(path));
  return { kek, created: true };
}

/** Atomically replaces the key file (key rotation): a crash leaves either the old key or the new one. */
export async function writeKekFile(path: string, kek: Buffer): Promise<void> {
  if (!Buffer.isBuffer(kek) || kek.length !== KEK_BYTES) throw kekError('malformed');
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = `${path}.tmp-${randomBytes(8).toString('hex')}`;
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(kekFileText(kek), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/**
 * Duress wipe: overwrite the key's bytes, then unlink. On SSDs, copy-on-write or journalling file systems the
 * old blocks may survive the overwrite; the overwrite is a best effort on top of the unlink, not a guarantee.
 * Copies left by earlier rotations (renamed-over files) and backups are not reachable from here.
 */
export async function destroyKekFile(path: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r+');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    await handle.write(randomBytes(Math.max(size, 1)), 0, Math.max(size, 1), 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await unlink(path);
  await syncDirectory(dirname(path));
}

function kekFileText(kek: Buffer): string {
  return `${HEADER}\n${kek.toString('base64')}\n`;
}

/** Reads and checks the key file; null when it does not exist. */
async function readKek(path: string): Promise<Buffer | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = errnoCode(error);
    if (code === 'ENOENT') return null;
    throw kekError('missing', code);
  }
  try {
    // Checked on the open handle, not the path, so the file cannot be swapped between the check and the read.
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) throw kekError('malformed');
    // Windows has no POSIX mode bits (stat reports 0o666 for every file); its ACLs are the operator's duty.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) throw kekError('insecure-mode');
    return parseKek(await handle.readFile('utf8'));
  } finally {
    await handle.close();
  }
}

function parseKek(text: string): Buffer {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\r$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length !== 1) throw kekError('malformed');
  const line = lines[0]!;
  const kek = Buffer.from(line, 'base64');
  // Node's base64 decoder skips stray characters; only the canonical encoding of exactly 32 bytes is a key.
  if (kek.length !== KEK_BYTES || kek.toString('base64') !== line) throw kekError('malformed');
  return kek;
}

/** fsync of the folder makes a create, rename or unlink durable; some platforms cannot open folders for it. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = errnoCode(error);
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
