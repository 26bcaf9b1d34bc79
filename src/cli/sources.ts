import { createReadStream } from 'node:fs';
import type { ByteSource } from '../services/vigie.ts';

/** A file read in 1 MiB chunks; an unreadable path surfaces when the importer starts reading. */
export function fileByteSource(path: string): ByteSource {
  return { name: path, chunks: () => createReadStream(path, { highWaterMark: 1024 * 1024 }) };
}

export function stdinByteSource(stdin: NodeJS.ReadableStream): ByteSource {
  return { name: '-', chunks: () => stdin as AsyncIterable<Uint8Array> };
}
