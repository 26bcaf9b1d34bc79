import { isAscii, isUtf8 } from 'node:buffer';
import { issue } from '../../core/issues.ts';
import type { RowIssue } from '../../core/issues.ts';
import type { SniffedFormat } from './sniff.ts';
import type { TextEncodingChoice } from './types.ts';

/**
 * Bytes → text, chunk by chunk. UTF-8 is checked with `buffer.isAscii`/`isUtf8` (simdutf, ~20 GB/s) before
 * decoding: an ASCII chunk — most ACLED exports are all ASCII — is copied as Latin-1, 5× faster than
 * `toString('utf8')` (19 vs 96 ms for 112 MB here), and a validated non-ASCII chunk goes through a non-fatal
 * TextDecoder, twice as fast as `toString('utf8')`. The few bytes of a character cut by a chunk boundary wait for
 * the next chunk. Invalid input is never replaced by U+FFFD: a file that is not the
 * encoding we expect is usually windows-1252 from an old export, and the person importing it must choose.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Thrown by decodeText after it has yielded all the text before the first invalid byte. */
export class EncodingFailure extends Error {
  constructor(
    readonly byteOffset: number,
    readonly encoding: TextEncoding,
  ) {
    super(`invalid ${encoding} at byte ${byteOffset}`);
    this.name = 'EncodingFailure';
  }
}

/** The row issue for an EncodingFailure whose line the reader has counted. */
export function encodingIssue(line: number, failure: EncodingFailure): RowIssue {
  return issue(line, null, 'ENCODING_INVALID', {
    encoding: failure.encoding,
    byte: failure.byteOffset,
    hint: '--encoding windows-1252',
  });
}

/**
 * The encoding to decode with and the length of the BOM to drop. A BOM wins over the caller's choice: a file that
 * starts with one says what it is, and reading a UTF-8 BOM as windows-1252 would only produce "ï»¿".
 * 'latin1' means windows-1252, as it does for every browser and for WHATWG's TextDecoder: files labelled Latin-1
 * use 0x80–0x9F for curly quotes and dashes (the ACLED 2016 export does), never for C1 control characters.
 */
export function chooseEncoding(choice: TextEncodingChoice, format: SniffedFormat): [TextEncoding, number] {
  if (format.kind === 'text' && format.bom === 'utf-8') return ['utf-8', 3];
  if (format.kind === 'text' && format.bom !== null) return [format.bom, 2];
  return [choice === 'windows-1252' || choice === 'latin1' ? 'windows-1252' : 'utf-8', 0];
}

export async function* decodeText(
  chunks: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  skipBytes = 0,
): AsyncGenerator<string> {
  const pieces = smallPieces(chunks);
  if (encoding === 'utf-8') yield* decodeUtf8(pieces, skipBytes);
  else if (encoding === 'windows-1252') yield* decodeWindows1252(pieces);
  else yield* decodeUtf16(pieces, encoding, skipBytes);
}

/**
 * Bytes decoded at a time. A decoded string past V8's largest young-generation object (128 KiB; 64 Ki characters
 * of text outside Latin-1) goes to the large-object space, which only a full collection frees, and the fields
 * sliced from it keep it alive: 1 MiB pieces made the heap of an import of 10^6 events oscillate by ~100 MB.
 */
const DECODE_BYTES = 32 * 1024;

async function* smallPieces(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk.length <= DECODE_BYTES) yield chunk;
    else for (let i = 0; i < chunk.length; i += DECODE_BYTES) yield chunk.subarray(i, i + DECODE_BYTES);
  }
}

/**
 * windows-1252 is Latin-1 except for 0x80–0x9F. Decoded by table rather than with TextDecoder: Node 20's
 * `new TextDecoder('windows-1252').decode(bytes)` returns Latin-1 (0x92 → U+0092 instead of ’) unless called with
 * `{ stream: true }` — measured on 20.20 — and the table is faster anyway.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';
const C1 = /[\u0080-\u009F]/g;
const HAS_C1 = /[\u0080-\u009F]/;

export function windows1252(bytes: Uint8Array): string {
  const latin1 = asBuffer(bytes).toString('latin1');
  return HAS_C1.test(latin1)
    ? latin1.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] as string)
    : latin1;
}

async function* decodeWindows1252(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  for await (const bytes of chunks) if (bytes.length > 0) yield windows1252(bytes);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

async function* decodeUtf8(chunks: AsyncIterable<Uint8Array>, skipBytes: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // used only on bytes already validated
  let pending: Buffer | null = null; // the start of a character cut by the previous chunk boundary
  let seen = 0; // bytes read so far, to give the file offset of an invalid byte
  let skip = skipBytes;
  for await (const raw of chunks) {
    let bytes = asBuffer(raw);
    let start = seen; // file offset of bytes[0]
    seen += bytes.length;
    if (skip > 0) {
      const dropped = Math.min(skip, bytes.length);
      bytes = bytes.subarray(dropped);
      skip -= dropped;
      start += dropped;
    }
    if (pending !== null) {
      start -= pending.length;
      bytes = Buffer.concat([pending, bytes]);
      pending = null;
    }
    const cut = completeLength(bytes);
    const whole = bytes.subarray(0, cut);
    if (isAscii(whole)) {
      if (cut > 0) yield whole.toString('latin1');
    } else if (isUtf8(whole)) {
      yield decoder.decode(whole);
    } else {
      const bad = firstInvalidUtf8(whole);
      if (bad > 0) yield whole.toString('utf8', 0, bad);
      throw new EncodingFailure(start + bad, 'utf-8');
    }
    if (cut < bytes.length) pending = Buffer.from(bytes.subarray(cut));
  }
  if (pending !== null) throw new EncodingFailure(seen - pending.length, 'utf-8');
}

/** Length of the prefix of `bytes` that does not end inside a multibyte character. */
export function completeLength(bytes: Uint8Array): number {
  const n = bytes.length;
  // Walk back over at most three continuation bytes to the lead byte of the last character.
  for (let back = 1; back <= Math.min(4, n); back++) {
    const byte = bytes[n - back] as number;
    if (byte < 0x80) return n; // ASCII: the last character is complete
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return need > back ? n - back : n;
    }
  }
  return n; // only continuation bytes: invalid, and the validator will say where
}

/** Offset of the first byte that makes `bytes` invalid UTF-8 (bytes.length when it is valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i; // the sequence is cut short
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

async function* decodeUtf16(
  chunks: AsyncIterable<Uint8Array>,
  encoding: 'utf-16le' | 'utf-16be',
  skipBytes: number,
): AsyncGenerator<string> {
  // ignoreBOM: the BOM is dropped by byte count above, so a second U+FEFF would be content, not a mark.
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let offset = 0;
  let skip = skipBytes;
  try {
    for await (const raw of chunks) {
      let bytes = raw;
      if (skip > 0) {
        const dropped = Math.min(skip, bytes.length);
        bytes = bytes.subarray(dropped);
        skip -= dropped;
        offset += dropped;
      }
      const text = decoder.decode(bytes, { stream: true });
      if (text.length > 0) yield text;
      offset += bytes.length;
    }
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch (error) {
    // TextDecoder does not say where; the chunk's start is the best we know (UTF-16 errors are rare: lone
    // surrogates or an odd byte count).
    if (error instanceof TypeError) throw new EncodingFailure(offset, encoding);
    throw error;
  }
}
