import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isVigieError } from '../../core/errors.ts';
import { bufferSource, CHUNK_BYTES, fileSource, stdinSource } from './byte-source.ts';
import type { ByteSource } from './types.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-bytes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(source: ByteSource): Promise<{ bytes: Buffer; chunks: number[] }> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source.chunks()) parts.push(chunk);
  return { bytes: Buffer.concat(parts), chunks: parts.map((p) => p.length) };
}

async function rejection(source: ByteSource): Promise<unknown> {
  try {
    await collect(source);
  } catch (error) {
    return error;
  }
  throw new Error('expected the read to fail');
}

const text = Buffer.from('a,b\n1,2\n'.repeat(300_000)); // 2.4 MB: three 1 MiB chunks

describe('fileSource', () => {
  const path = join(dir, 'plain.csv');
  writeFileSync(path, text);

  it('reads a file in 1 MiB chunks, as many times as asked', async () => {
    const source = fileSource(path);
    expect(source.name).toBe(path);
    const first = await collect(source);
    expect(first.bytes.equals(text)).toBe(true);
    expect(first.chunks[0]).toBe(CHUNK_BYTES);
    expect((await collect(source)).bytes.equals(text)).toBe(true);
  });

  it('gunzips only when allowed', async () => {
    const gz = join(dir, 'data.csv.gz');
    writeFileSync(gz, gzipSync(text));
    expect((await collect(fileSource(gz, { gunzip: true }))).bytes.equals(text)).toBe(true);
    const raw = await collect(fileSource(gz));
    expect([raw.bytes[0], raw.bytes[1]]).toEqual([0x1f, 0x8b]);
    // gunzip: true on a plain file changes nothing
    expect((await collect(fileSource(path, { gunzip: true }))).bytes.equals(text)).toBe(true);
  });

  it('refuses a truncated or corrupt gzip, and one that inflates past the limit', async () => {
    const compressed = gzipSync(text);
    const cut = await rejection(bufferSource('cut.gz', compressed.subarray(0, 200), { gunzip: true }));
    expect(isVigieError(cut) && cut.issues[0]?.code).toBe('FILE_TRUNCATED');
    const corrupt = Buffer.from(compressed);
    corrupt.fill(0xff, 10, 60);
    const bad = await rejection(bufferSource('bad.gz', corrupt, { gunzip: true }));
    expect(isVigieError(bad) && bad.issues[0]?.code).toBe('FILE_NOT_TEXT');
    const bomb = await rejection(
      bufferSource('bomb.gz', compressed, { gunzip: true, maxGunzippedBytes: 1000 }),
    );
    expect(isVigieError(bomb) && bomb.issues[0]?.code).toBe('FILE_TOO_LARGE');
  });

  it('reports a missing file as NOT_FOUND and a directory as BAD_USAGE', async () => {
    const missing = await rejection(fileSource(join(dir, 'nope.csv')));
    expect(isVigieError(missing) && missing.code).toBe('NOT_FOUND');
    const directory = await rejection(fileSource(dir));
    expect(isVigieError(directory) && directory.code).toBe('BAD_USAGE');
  });
});

describe('bufferSource', () => {
  it('hands out the bytes in chunks of the size asked', async () => {
    const { bytes, chunks } = await collect(bufferSource('b', Buffer.from('abcdefg'), { chunkBytes: 3 }));
    expect(bytes.toString()).toBe('abcdefg');
    expect(chunks).toEqual([3, 3, 1]);
  });

  it('gunzips a gzip whose first chunk holds a single byte', async () => {
    const { bytes } = await collect(bufferSource('b.gz', gzipSync(text), { gunzip: true, chunkBytes: 1 }));
    expect(bytes.equals(text)).toBe(true);
  });

  it('yields nothing for empty input', async () => {
    expect((await collect(bufferSource('e', new Uint8Array(0), { gunzip: true }))).chunks).toEqual([]);
  });
});

describe('stdinSource', () => {
  it('is named "-" and can be read only once', () => {
    const source = stdinSource();
    expect(source.name).toBe('-');
    source.chunks();
    expect(() => source.chunks()).toThrow(/only once/);
  });
});
