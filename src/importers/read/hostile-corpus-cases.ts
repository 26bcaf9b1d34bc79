import { gzipSync, strToU8, zipSync } from 'fflate';
import type { IssueCode } from '../../core/issues.ts';
import { oracleRead } from './csv-oracle.ts';
import { buildXlsx } from './xlsx-build.ts';

/**
 * Building blocks of the hostile corpus (see hostile-corpus.ts) and its hand-made cases: every way a file handed
 * to `vigie import` has gone wrong in practice, or could be made to.
 */

export interface HostileCase {
  name: string;
  bytes: Uint8Array;
  /** What openCsv does with it (the reading level; importers may add their own issues on top). */
  expect: 'reject-file' | 'row-issues' | 'ok';
  /** For 'reject-file': the code of the (first) file issue. */
  code?: IssueCode;
  /** The text openCsv should read (for cases it reads), so tests can compare with the reference parser. */
  text?: string;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export function concat(...parts: (Uint8Array | number[] | string)[]): Uint8Array {
  const arrays = parts.map((p) =>
    typeof p === 'string' ? utf8(p) : p instanceof Uint8Array ? p : Uint8Array.from(p),
  );
  const out = new Uint8Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

/** A text case whose expectation comes from the reference parser; `bytes` default to the text in UTF-8. */
export function textCase(name: string, text: string, bytes: Uint8Array = utf8(text)): HostileCase {
  const outcome = oracleRead(text);
  if (outcome.kind === 'rejected')
    return { name, bytes, expect: 'reject-file', code: outcome.code as IssueCode, text };
  const issues = outcome.records.some((record) => record.issue !== undefined);
  return { name, bytes, expect: issues ? 'row-issues' : 'ok', text };
}

export function rejectCase(name: string, bytes: Uint8Array, code: IssueCode): HostileCase {
  return { name, bytes, expect: 'reject-file', code };
}

export function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = unit & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = unit >> 8;
  }
  return out;
}

const SMALL =
  'event_id_cnty,event_date,notes,fatalities\nMLI1,2019-06-30,"Attack, village burnt",3\nMLI2,2019-07-01,Clash,0\n';

export function handMadeCases(): HostileCase[] {
  return [
    // Nothing there
    rejectCase('empty', new Uint8Array(0), 'FILE_EMPTY'),
    textCase('whitespace-spaces', '     '),
    textCase('whitespace-newlines', '\n\n\r\n\r\n'),
    textCase('whitespace-mixed', ' \t \n\t\r\n   \n'),
    rejectCase('bom-only', Uint8Array.from([0xef, 0xbb, 0xbf]), 'FILE_EMPTY'),
    rejectCase('bom-then-newlines', concat([0xef, 0xbb, 0xbf], '\r\n\r\n'), 'FILE_EMPTY'),
    textCase('header-only-lf', 'a,b,c\n'),
    textCase('header-only-crlf', 'a,b,c\r\n'),
    textCase('header-only-no-newline', 'a,b,c'),
    textCase('header-then-blank-lines', 'a,b,c\n\n\n   \n'),
    textCase('header-all-empty', ',,,\n1,2,3\n'),
    textCase('header-blank-names', ' , ,\t\n1,2,3\n'),
    textCase('header-unterminated-quote', '"a,b,c\n1,2,3\n'),
    textCase('single-column', 'notes\nfirst\nsecond\n'),
    // Wrong delimiter
    textCase('semicolon', 'a;b;c\n1;2;3\n'),
    textCase('tab', 'a\tb\tc\n1\t2\t3\n'),
    textCase('pipe', 'a|b|c\n1|2|3\n'),
    textCase('excel-sep-line', 'sep=;\na;b\n1;2\n'),
    // BOMs and encodings
    { ...textCase('utf8-bom', SMALL), bytes: concat([0xef, 0xbb, 0xbf], SMALL) },
    {
      ...textCase('utf8-double-bom', `\uFEFF${SMALL}`),
      bytes: concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], SMALL),
    },
    { ...textCase('utf16le-bom', SMALL), bytes: utf16(SMALL, 'le') },
    { ...textCase('utf16be-bom', SMALL), bytes: utf16(SMALL, 'be') },
    rejectCase('utf16le-no-bom', utf16(SMALL, 'le', false), 'FILE_NOT_TEXT'),
    rejectCase('utf16be-no-bom', utf16(SMALL, 'be', false), 'FILE_NOT_TEXT'),
    rejectCase('utf16le-odd-length', concat(utf16(SMALL, 'le'), [0x41]), 'ENCODING_INVALID'),
    rejectCase(
      'utf16le-lone-surrogate',
      concat(utf16('a,b\n1,', 'le'), [0x00, 0xd8, 0x0a, 0x00]),
      'ENCODING_INVALID',
    ),
    rejectCase('utf32le-bom', concat([0xff, 0xfe, 0, 0], utf16(SMALL, 'le', false)), 'FILE_NOT_TEXT'),
    rejectCase('latin1-in-row', concat('a,b\n1,caf', [0xe9], '\n'), 'ENCODING_INVALID'),
    rejectCase('latin1-in-header', concat('soci', [0xe9], 't', [0xe9], ',b\n1,2\n'), 'ENCODING_INVALID'),
    rejectCase('cp1252-quote', concat('a,b\n1,it', [0x92], 's\n'), 'ENCODING_INVALID'),
    rejectCase('utf8-overlong', concat('a,b\n1,', [0xc0, 0xaf], '\n'), 'ENCODING_INVALID'),
    rejectCase('utf8-surrogate', concat('a,b\n1,', [0xed, 0xa0, 0x80], '\n'), 'ENCODING_INVALID'),
    rejectCase('utf8-cut-at-eof', concat('a,b\n1,', [0xe2, 0x82]), 'ENCODING_INVALID'),
    rejectCase('utf8-lone-continuation', concat('a,b\n', [0x80], ',2\n'), 'ENCODING_INVALID'),
    rejectCase('utf8-f5', concat('a,b\n1,', [0xf5, 0x80, 0x80, 0x80], '\n'), 'ENCODING_INVALID'),
    textCase('utf8-valid-multibyte', 'lieu,note\nTombouctou,"Ménaka – Kidal, 😀"\n'),
    // Binary and containers
    rejectCase('nul-in-text', concat('a,b\n1,', [0], '\n'), 'FILE_NOT_TEXT'),
    rejectCase('nul-first', concat([0], 'a,b\n'), 'FILE_NOT_TEXT'),
    rejectCase('zip-magic-only', Uint8Array.from([0x50, 0x4b, 0x03, 0x04]), 'FILE_IS_ZIP'),
    rejectCase('zip-empty-archive', concat([0x50, 0x4b, 0x05, 0x06], new Uint8Array(18)), 'FILE_IS_ZIP'),
    rejectCase('zip-with-csv', zipSync({ 'events.csv': strToU8(SMALL) }), 'FILE_IS_ZIP'),
    rejectCase(
      'xlsx',
      buildXlsx([
        {
          name: 'Data',
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
        },
      ]),
      'FILE_IS_SPREADSHEET',
    ),
    rejectCase(
      'ods',
      zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] }),
      'FILE_IS_SPREADSHEET',
    ),
    rejectCase(
      'ole2-xls',
      concat([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Uint8Array(504)),
      'FILE_IS_SPREADSHEET',
    ),
    rejectCase('pdf', utf8('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n'), 'FILE_NOT_TEXT'),
    rejectCase(
      'png',
      concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], new Uint8Array(32)),
      'FILE_NOT_TEXT',
    ),
    rejectCase('jpeg', concat([0xff, 0xd8, 0xff, 0xe0], new Uint8Array(16)), 'FILE_NOT_TEXT'),
    rejectCase('gzip-of-csv', gzipSync(strToU8(SMALL)), 'FILE_IS_GZIP'),
    rejectCase('gzip-magic-only', Uint8Array.from([0x1f, 0x8b]), 'FILE_IS_GZIP'),
    rejectCase('bzip2', utf8('BZh91AY&SY'), 'FILE_NOT_TEXT'),
    rejectCase('xz', Uint8Array.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2]), 'FILE_NOT_TEXT'),
    rejectCase('sqlite', concat('SQLite format 3', [0], new Uint8Array(84)), 'FILE_NOT_TEXT'),
    rejectCase('parquet', concat('PAR1', [0x15, 0x04]), 'FILE_NOT_TEXT'),
    // Quotes in the wrong places
    textCase('quote-inside-unquoted', 'a,b\n1,x"y"z\n'),
    textCase('text-after-closing-quote', 'a,b\n"1"x,2\n'),
    textCase('space-before-quote', 'a,b\n1, "x,y"\n'),
    textCase('unterminated-quote-last', 'a,b\n1,"never closed\n2,3\n'),
    textCase('lone-quote-at-eof', 'a,b\n1,2\n"'),
    textCase('triple-quote', 'a,b\n1,"""\n'),
    textCase('doubled-quotes', 'a,b\n1,"he said ""stop"""\n'),
    textCase('empty-quoted', 'a,b\n"",""\n'),
    textCase('quoted-newlines-every-kind', 'a,b\n1,"x\ry\nz\r\nw"\n2,3\n'),
    // Line endings
    textCase('lone-cr', 'a,b\r1,2\r3,4\r'),
    textCase('mixed-endings', 'a,b\r\n1,2\n3,4\r5,6'),
    textCase('crlf-split-quoted', 'a,b\r\n"1\r\n2",3\r\n'),
    // Field counts
    textCase('short-row', 'a,b,c\n1,2\n'),
    textCase('long-row', 'a,b,c\n1,2,3,4\n'),
    textCase('trailing-comma-rows', 'a,b,c\n1,2,3,\n4,5,6,\n'),
    textCase('trailing-empty-header-columns', 'a,b,,,\n1,2,,,\n3,4\n5,6,,\n'),
    textCase('value-under-unnamed-column', 'a,b,,\n1,2,x,\n'),
    textCase('one-comma-row', 'a,b\n,\n'),
    textCase('all-empty-row', 'a,b,c\n,,\n'),
    // HXL
    textCase('hxl', 'country,admin1,fatalities\n#country,#adm1,#affected+killed\nMali,Mopti,3\n'),
    textCase('hxl-short', 'country,admin1,fatalities\n#country\nMali,Mopti,3\n'),
    textCase('hash-not-hxl', 'a,b\n#1,2\n'),
    textCase('hxl-only', 'a,b\n#a,#b\n'),
  ];
}
