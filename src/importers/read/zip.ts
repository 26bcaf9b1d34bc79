import { Inflate } from 'fflate';

/**
 * Just enough of the zip format to read an xlsx: the central directory (the only reliable list of entries and
 * sizes: local headers may defer sizes to a trailing data descriptor) and inflation of one entry at a time,
 * streamed, counting every byte produced. Declared sizes are checked up front, but a zip bomb can lie about them,
 * so the count is what enforces the limit.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number;
  compressedSize: number;
  /** Uncompressed size as declared by the directory (not trusted for limits). */
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** Why a zip could not be read; the xlsx reader maps these to issue codes. */
export class ZipProblem extends Error {
  constructor(
    readonly reason: 'corrupt' | 'too-large' | 'unsupported',
    detail: string,
    /** For 'too-large': the limit passed. */
    readonly limit = 0,
  ) {
    super(detail);
    this.name = 'ZipProblem';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The entries of a zip held in memory; throws ZipProblem('corrupt') when there is no readable directory. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (data.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipProblem('corrupt', 'no end of central directory (truncated download?)');
  const count = data.getUint16(eocd + 10, true);
  let at = data.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipProblem('too-large', 'zip64 archives are not read');
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL) {
      throw new ZipProblem('corrupt', 'central directory entry out of place');
    }
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw new ZipProblem('corrupt', 'entry name past the end');
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: data.getUint16(at + 10, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true),
      encrypted: (data.getUint16(at + 8, true) & 1) === 1,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry (located through its local header). */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL) {
    throw new ZipProblem('corrupt', `local header of ${entry.name} out of place`);
  }
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length)
    throw new ZipProblem('corrupt', `${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Counts inflated bytes across all entries read from one archive, against one limit. */
export class InflateBudget {
  used = 0;
  constructor(readonly limit: number) {}

  spend(count: number): void {
    this.used += count;
    if (this.used > this.limit)
      throw new ZipProblem('too-large', `more than ${this.limit} bytes once inflated`, this.limit);
  }
}

/** Inflates an entry piece by piece (a few hundred KB at a time at most), charging the budget as it goes. */
export function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
): Generator<Uint8Array> {
  if (entry.encrypted) throw new ZipProblem('unsupported', `${entry.name} is encrypted`);
  if (entry.size > budget.limit - budget.used) {
    throw new ZipProblem('too-large', `${entry.name} declares ${entry.size} bytes`, budget.limit);
  }
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    budget.spend(data.length);
    yield data;
    return;
  }
  if (entry.method !== 8) throw new ZipProblem('unsupported', `compression method ${entry.method}`);
  const out: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    budget.spend(chunk.length);
    out.push(chunk);
  });
  // 16 KiB in expands to at most ~16 MiB out (deflate's ratio tops out near 1:1032), which bounds memory per step.
  const step = 16 * 1024;
  try {
    for (let at = 0; at < data.length || at === 0; at += step) {
      inflater.push(data.subarray(at, at + step), at + step >= data.length);
      for (let chunk = out.shift(); chunk !== undefined; chunk = out.shift()) yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw new ZipProblem('corrupt', `${entry.name}: ${(error as Error).message}`);
  }
}

/** A whole (small) entry as text, e.g. the workbook or the shared strings. */
export function entryText(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): string {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for (const chunk of inflateEntry(bytes, entry, budget)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
