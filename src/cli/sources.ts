import { createReadStream } from 'node:fs';
import type { ByteSource } from '../services/vigie.ts';

/**
 * A file read in 64 KiB chunks; an unreadable path surfaces when the importer starts reading. Small chunks are
 * freed young: a 1 MiB chunk outlives the ~2,000 records read from it, reaches V8's old space and waits there
 * for a full collection (up to ~80 MB of them at a time in an import of 10^6 events).
 */
export function fileByteSource(path: string): ByteSource {
  return { name: path, chunks: () => createReadStream(path, { highWaterMark: 64 * 1024 }) };
}

export function stdinByteSource(stdin: NodeJS.ReadableStream): ByteSource {
  return { name: '-', chunks: () => stdin as AsyncIterable<Uint8Array> };
}
