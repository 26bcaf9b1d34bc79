import { gzipSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concat, utf16 } from './hostile-corpus-cases.ts';
import { notTextIssue, sniff } from './sniff.ts';
import { buildXlsx } from './xlsx-build.ts';

const bytes = (...parts: (number[] | string | Uint8Array)[]) => concat(...parts);

describe('sniff', () => {
  it.each([
    ['empty', new Uint8Array(0), { kind: 'empty' }],
    ['plain text', bytes('a,b\n1,2\n'), { kind: 'text', bom: null }],
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'a,b'), { kind: 'text', bom: 'utf-8' }],
    ['UTF-16 LE BOM', utf16('a,b', 'le'), { kind: 'text', bom: 'utf-16le' }],
    ['UTF-16 BE BOM', utf16('a,b', 'be'), { kind: 'text', bom: 'utf-16be' }],
    [
      'UTF-16 without BOM',
      utf16('a,b\n1,2\n', 'le', false),
      { kind: 'binary', format: 'utf-16 without BOM' },
    ],
    ['UTF-32 BOM', bytes([0xff, 0xfe, 0, 0], 'a'), { kind: 'binary', format: 'utf-32' }],
    ['gzip', gzipSync(strToU8('a,b')), { kind: 'gzip' }],
    ['xlsx', buildXlsx([{ name: 'S', rows: [['a']] }]), { kind: 'xlsx' }],
    ['zip', zipSync({ 'a.csv': strToU8('a,b') }), { kind: 'zip' }],
    ['empty zip', bytes([0x50, 0x4b, 0x05, 0x06], new Uint8Array(18)), { kind: 'zip' }],
    [
      'ods',
      zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] }),
      { kind: 'ods' },
    ],
    ['xls (OLE2)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), { kind: 'xls' }],
    ['PDF', bytes('%PDF-1.4\n'), { kind: 'binary', format: 'pdf' }],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 13, 10]), { kind: 'binary', format: 'png' }],
    ['NUL byte', bytes('a,b\n', [0], '\n'), { kind: 'binary', format: 'unknown' }],
    ['header starting with PK', bytes('PKey,b\n'), { kind: 'text', bom: null }],
  ])('%s', (_, input, expected) => {
    expect(sniff(input)).toEqual(expected);
  });

  it('maps every non-text kind to a file issue', () => {
    expect(notTextIssue({ kind: 'text', bom: null })).toBeNull();
    expect(notTextIssue({ kind: 'empty' })?.code).toBe('FILE_EMPTY');
    expect(notTextIssue({ kind: 'gzip' })?.code).toBe('FILE_IS_GZIP');
    expect(notTextIssue({ kind: 'xlsx' })).toEqual({
      row: 0,
      column: null,
      code: 'FILE_IS_SPREADSHEET',
      params: { format: 'xlsx' },
    });
    expect(notTextIssue({ kind: 'xls' })?.code).toBe('FILE_IS_SPREADSHEET');
    expect(notTextIssue({ kind: 'zip' })?.code).toBe('FILE_IS_ZIP');
    expect(notTextIssue({ kind: 'binary', format: 'pdf' })?.params).toEqual({ format: 'pdf' });
  });
});
