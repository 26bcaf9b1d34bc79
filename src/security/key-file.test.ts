import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VigieError } from '../core/errors.ts';
import { destroyKekFile, loadOrCreateKek, writeKekFile } from './key-file.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vigie-kek-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function expectKeyError(run: Promise<unknown>, reason: string): Promise<void> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VigieError);
  expect((error as VigieError).code).toBe('KEY_UNAVAILABLE');
  expect((error as VigieError).details).toMatchObject({ reason });
}

describe.skipIf(process.platform === 'win32')('loadOrCreateKek', () => {
  it('creates a 0600 key file in a new 0700 folder, then reloads the same key', async () => {
    const path = join(dir, 'keys', 'vigie.kek');
    const first = await loadOrCreateKek(path);
    expect(first.created).toBe(true);
    expect(first.kek).toHaveLength(32);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'keys'))).mode & 0o777).toBe(0o700);
    const text = await readFile(path, 'utf8');
    expect(text).toMatch(/^# vigie key-encryption key — keep secret, back up offline\n[A-Za-z0-9+/]{43}=\n$/);

    const again = await loadOrCreateKek(path);
    expect(again.created).toBe(false);
    expect(again.kek.equals(first.kek)).toBe(true);
  });

  it('refuses a missing file when told not to create one', async () => {
    await expectKeyError(loadOrCreateKek(join(dir, 'absent.kek'), { create: false }), 'missing');
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it.each([0o644, 0o640, 0o604, 0o660, 0o601])('refuses a key file with mode %o', async (mode) => {
    const path = join(dir, 'vigie.kek');
    await loadOrCreateKek(path);
    await chmod(path, mode);
    await expectKeyError(loadOrCreateKek(path), 'insecure-mode');
  });

  it('accepts a key file without the header, with CRLF line ends', async () => {
    const key = randomBytes(32);
    const path = join(dir, 'vigie.kek');
    await writeFile(path, `\r\n${key.toString('base64')}\r\n`, { mode: 0o600 });
    expect((await loadOrCreateKek(path)).kek.equals(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['header only', '# vigie key-encryption key\n'],
    ['16 bytes', `${randomBytes(16).toString('base64')}\n`],
    ['33 bytes', `${randomBytes(33).toString('base64')}\n`],
    ['two keys', `${randomBytes(32).toString('base64')}\n${randomBytes(32).toString('base64')}\n`],
    ['not base64', `${'!'.repeat(44)}\n`],
    [
      'stray characters',
      `${randomBytes(32)
        .toString('base64')
        .replace(/^(.{10})/, '$1*')}\n`,
    ],
    ['huge', 'A'.repeat(10_000)],
  ])('refuses a malformed key file (%s)', async (_what, content) => {
    const path = join(dir, 'vigie.kek');
    await writeFile(path, content, { mode: 0o600 });
    await expectKeyError(loadOrCreateKek(path), 'malformed');
  });

  it('refuses a folder in place of the key file', async () => {
    const path = join(dir, 'vigie.kek');
    await mkdir(path, { mode: 0o700 });
    await expectKeyError(loadOrCreateKek(path), 'malformed');
  });

  it('gives every concurrent first start the same key', async () => {
    const path = join(dir, 'vigie.kek');
    const results = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKek(path)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    for (const r of results) expect(r.kek.equals(results[0]!.kek)).toBe(true);
  });
});

describe.skipIf(process.platform === 'win32')('writeKekFile', () => {
  it('replaces the key atomically, leaves no temporary file and keeps mode 0600', async () => {
    const path = join(dir, 'vigie.kek');
    await loadOrCreateKek(path);
    await chmod(path, 0o600);
    const next = randomBytes(32);
    await writeKekFile(path, next);
    expect((await loadOrCreateKek(path)).kek.equals(next)).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['vigie.kek']);
  });

  it('creates the file when there was none, and refuses a key of the wrong size', async () => {
    const path = join(dir, 'new', 'vigie.kek');
    const key = randomBytes(32);
    await writeKekFile(path, key);
    expect((await loadOrCreateKek(path, { create: false })).kek.equals(key)).toBe(true);
    await expectKeyError(writeKekFile(path, randomBytes(31)), 'malformed');
    expect((await loadOrCreateKek(path)).kek.equals(key)).toBe(true);
  });
});

describe('destroyKekFile', () => {
  it('removes the key file, and does nothing when it is already gone', async () => {
    const path = join(dir, 'vigie.kek');
    await loadOrCreateKek(path);
    await destroyKekFile(path);
    expect(await readdir(dir)).toEqual([]);
    await expect(destroyKekFile(path)).resolves.toBeUndefined();
    await expectKeyError(loadOrCreateKek(path, { create: false }), 'missing');
  });

  it.skipIf(process.platform === 'win32')('overwrites the bytes in place before unlinking', async () => {
    // A hard link keeps the inode reachable after the unlink, so we can look at what was left in it.
    const path = join(dir, 'vigie.kek');
    const { kek } = await loadOrCreateKek(path);
    const before = await readFile(path);
    await link(path, join(dir, 'witness'));
    await destroyKekFile(path);
    const after = await readFile(join(dir, 'witness'));
    expect(after).toHaveLength(before.length);
    expect(after.equals(before)).toBe(false);
    expect(after.toString('latin1')).not.toContain(kek.toString('base64'));
    expect(await readdir(dir)).toEqual(['witness']);
  });
});
