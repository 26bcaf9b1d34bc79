import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { VigieError } from '../../core/errors.ts';
import { issue } from '../../core/issues.ts';
import { rejectInput } from './reject.ts';
import type { ByteSource } from './types.ts';

export interface SourceOptions {
  /**
   * Decompress when the bytes start with the gzip magic number. Off by default: a .gz file given where plain text
   * is expected should be refused (FILE_IS_GZIP) rather than silently accepted, unless the caller means to take it.
   */
  gunzip?: boolean;
  /** Most bytes a gzip stream may expand to (a small file can hide terabytes); more is FILE_TOO_LARGE. */
  maxGunzippedBytes?: number;
}

/** 1 MiB reads: large enough that per-chunk costs vanish, small enough that memory stays flat. */
export const CHUNK_BYTES = 1 << 20;
const DEFAULT_MAX_GUNZIPPED = 64 * 2 ** 30;

/** A file read in 1 MiB chunks; it can be read more than once. */
export function fileSource(path: string, options: SourceOptions = {}): ByteSource {
  return {
    name: path,
    chunks: () => withGunzip(path, fileChunks(path), options),
  };
}

/** Standard input (named "-"); it can be read only once. */
export function stdinSource(options: SourceOptions = {}): ByteSource {
  let used = false;
  return {
    name: '-',
    chunks: () => {
      if (used) throw new Error('standard input can be read only once');
      used = true;
      return withGunzip('-', process.stdin as AsyncIterable<Uint8Array>, options);
    },
  };
}

/** Bytes already in memory (an upload, a test case), handed out in chunks of `chunkBytes`. */
export function bufferSource(
  name: string,
  bytes: Uint8Array,
  options: SourceOptions & { chunkBytes?: number } = {},
): ByteSource {
  const size = Math.max(1, options.chunkBytes ?? CHUNK_BYTES);
  function* chunks(): Generator<Uint8Array> {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }
  return { name, chunks: () => withGunzip(name, asyncOf(chunks()), options) };
}

/** An async view of a synchronous iterable (bytes or records already at hand). */
export function asyncOf<T>(items: Iterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => {
      const iterator = items[Symbol.iterator]();
      return {
        next: () => Promise.resolve(iterator.next()),
        return: (value?: unknown) =>
          Promise.resolve(iterator.return?.(value) ?? { done: true, value: undefined }),
      };
    },
  };
}

async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw fileError(path, error);
  } finally {
    stream.destroy();
  }
}

/** Missing or unreadable files are the caller's mistake, not a crash: say so with a code. */
function fileError(path: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new VigieError('NOT_FOUND', { file: path });
  if (code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') {
    return new VigieError('BAD_USAGE', { file: path, reason: code });
  }
  return error;
}

async function* withGunzip(
  name: string,
  chunks: AsyncIterable<Uint8Array>,
  options: SourceOptions,
): AsyncGenerator<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  // Gather at least two bytes: stdin may deliver a lone byte first.
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 2) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const first = head.length === 1 ? (head[0] as Uint8Array) : Buffer.concat(head);
  const rest: AsyncIterable<Uint8Array> = { [Symbol.asyncIterator]: () => iterator };
  try {
    if (options.gunzip === true && first[0] === 0x1f && first[1] === 0x8b) {
      yield* gunzip(name, first, done ? null : rest, options.maxGunzippedBytes ?? DEFAULT_MAX_GUNZIPPED);
      return;
    }
    if (first.length > 0) yield first;
    if (!done) yield* rest;
  } finally {
    await iterator.return?.();
  }
}

async function* gunzip(
  name: string,
  first: Uint8Array,
  rest: AsyncIterable<Uint8Array> | null,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  async function* compressed(): AsyncGenerator<Uint8Array> {
    yield first;
    if (rest !== null) yield* rest;
  }
  const input = Readable.from(compressed(), { objectMode: false });
  const inflater = createGunzip({ chunkSize: 256 * 1024 });
  input.on('error', (error) => inflater.destroy(error));
  input.pipe(inflater);
  let total = 0;
  try {
    for await (const chunk of inflater) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        throw rejectInput(name, issue(0, null, 'FILE_TOO_LARGE', { limit: maxBytes, format: 'gzip' }));
      }
      yield chunk as Buffer;
    }
  } catch (error) {
    throw gunzipError(name, error);
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

/** zlib's errors mean the .gz itself is broken: a cut-off download or bytes that are not gzip after the magic. */
function gunzipError(name: string, error: unknown): unknown {
  if (error instanceof VigieError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'Z_BUF_ERROR') return rejectInput(name, issue(0, null, 'FILE_TRUNCATED', { format: 'gzip' }));
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return rejectInput(name, issue(0, null, 'FILE_NOT_TEXT', { format: 'gzip', reason: code }));
  }
  return error;
}
