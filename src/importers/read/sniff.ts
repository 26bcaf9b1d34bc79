import { issue } from '../../core/issues.ts';
import type { RowIssue } from '../../core/issues.ts';

/**
 * What the first bytes of an input say it is. People pick the wrong file more often than files are corrupt: the
 * xlsx next to the CSV, the .zip they downloaded, a PDF report. Naming the mistake lets the message say what to do.
 */
export type SniffedFormat =
  | { kind: 'empty' }
  | { kind: 'text'; bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null }
  | { kind: 'gzip' }
  | { kind: 'xlsx' }
  | { kind: 'ods' }
  | { kind: 'xls' }
  | { kind: 'zip' }
  | { kind: 'binary'; format: string };

/** Enough bytes to see a zip's first entry names and to judge whether content is text. */
export const SNIFF_BYTES = 64 * 1024;

const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['parquet', [0x50, 0x41, 0x52, 0x31]],
  ['sqlite', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['utf-32', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32', [0x00, 0x00, 0xfe, 0xff]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

function contains(bytes: Uint8Array, ascii: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(ascii, 0, 'latin1');
}

/** Classifies the start of an input (`head` holds its first bytes, or all of it when shorter). */
export function sniff(head: Uint8Array): SniffedFormat {
  if (head.length === 0) return { kind: 'empty' };
  for (const [format, prefix] of MAGIC) if (startsWith(head, prefix)) return { kind: 'binary', format };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { kind: 'text', bom: 'utf-8' };
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', bom: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', bom: 'utf-16be' };
  if (startsWith(head, [0x1f, 0x8b])) return { kind: 'gzip' };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'xls' };
  if (startsWith(head, [0x50, 0x4b]) && [3, 5, 7].includes(head[2] ?? 0) && head[3] === (head[2] ?? 0) + 1) {
    // Entry names sit in clear in the local headers. An xlsx names its parts "xl/…" (the workbook part itself may
    // come last, after the sheets); an ODS starts with an uncompressed "mimetype" entry.
    if (contains(head, 'application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'ods' };
    if (contains(head, 'xl/')) return { kind: 'xlsx' };
    return { kind: 'zip' };
  }
  if (head.includes(0))
    return { kind: 'binary', format: utf16WithoutBom(head) ? 'utf-16 without BOM' : 'unknown' };
  return { kind: 'text', bom: null };
}

/** UTF-16 text without a BOM shows as ASCII with every other byte zero. */
function utf16WithoutBom(head: Uint8Array): boolean {
  const n = Math.min(head.length, 512) & ~1;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return (
    pairs >= 2 && Math.max(evenZero, oddZero) >= pairs * 0.8 && Math.min(evenZero, oddZero) <= pairs * 0.1
  );
}

/** The file-level issue for a format that is not text we can read as CSV, or null when it is such text. */
export function notTextIssue(format: SniffedFormat): RowIssue | null {
  switch (format.kind) {
    case 'text':
      return null;
    case 'empty':
      return issue(0, null, 'FILE_EMPTY');
    case 'gzip':
      return issue(0, null, 'FILE_IS_GZIP');
    case 'xlsx':
    case 'ods':
    case 'xls':
      return issue(0, null, 'FILE_IS_SPREADSHEET', { format: format.kind });
    case 'zip':
      return issue(0, null, 'FILE_IS_ZIP');
    case 'binary':
      return issue(0, null, 'FILE_NOT_TEXT', { format: format.format });
  }
}
