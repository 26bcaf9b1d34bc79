import { describe, expect, it } from 'vitest';
import { brief, readCsv } from './csv-test-support.ts';
import { concat, utf16 } from './hostile-corpus-cases.ts';

describe('openCsv: RFC 4180', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, numbering records by their first line', async () => {
    const text = 'a,b,c\n1,2,3\n"x,y","he said ""hi""",z\n"two\nlines",2,3\n4,5,6';
    const expected = [
      [2, ['1', '2', '3']],
      [3, ['x,y', 'he said "hi"', 'z']],
      [4, ['two\nlines', '2', '3']],
      [6, ['4', '5', '6']],
    ];
    for (const chunkBytes of [1, 2, 3, 5, 8, 1 << 20])
      expect(brief(await readCsv(text, { chunkBytes }))).toEqual(expected);
  });

  it('accepts LF, CRLF and lone CR line endings, mixed, inside and outside quotes', async () => {
    const text = 'a,b\r\n1,2\n3,4\r5,"6\r\n7"\r8,9';
    for (const chunkBytes of [1, 2, 4, 1 << 20]) {
      expect(brief(await readCsv(text, { chunkBytes }))).toEqual([
        [2, ['1', '2']],
        [3, ['3', '4']],
        [4, ['5', '6\r\n7']],
        [6, ['8', '9']],
      ]);
    }
  });

  it('skips empty lines and lines of spaces or tabs, keeping physical line numbers', async () => {
    expect(brief(await readCsv('\n\na,b\n\n \t\n1,2\n\n'))).toEqual([[6, ['1', '2']]]);
  });

  it('keeps quotes that are not at the start of a field, and text after a closing quote (as Python does)', async () => {
    expect(brief(await readCsv('a,b\n1,x"y"\n"a"b,c\n'))).toEqual([
      [2, ['1', 'x"y"']],
      [3, ['ab', 'c']],
    ]);
  });

  it('keeps values as written (no trimming), empty fields included', async () => {
    expect(brief(await readCsv('a,b,c\n ,"",  x \n'))).toEqual([[2, [' ', '', '  x ']]]);
  });
});

describe('openCsv: header', () => {
  it('trims header names and removes a BOM (even a second one)', async () => {
    const result = await readCsv(concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], ' event_id , notes \n1,2\n'));
    expect('header' in result && result.header).toEqual(['event_id', 'notes']);
  });

  it('reads UTF-16 files with a BOM', async () => {
    const result = await readCsv(utf16('a,b\n1,"é"\n', 'le'));
    expect('header' in result && result.header).toEqual(['a', 'b']);
    expect(brief(result)).toEqual([[2, ['1', 'é']]]);
  });

  it('returns HXL hashtags from the row under the header and skips that row', async () => {
    const result = await readCsv('country,admin1,deaths\n#country, #adm1 ,\nMali,Mopti,3\n');
    expect('hxl' in result && result.hxl).toEqual(['#country', '#adm1', '']);
    expect(brief(result)).toEqual([[3, ['Mali', 'Mopti', '3']]]);
    const none = await readCsv('a,b\n#1,2\n');
    expect('hxl' in none && none.hxl).toBeNull();
    expect(brief(none)).toEqual([[2, ['#1', '2']]]);
  });

  it.each([
    ['semicolons', 'a;b;c\n1;2;3\n', ';'],
    ['tabs', 'a\tb\n1\t2\n', 'tab'],
  ])('refuses a file separated by %s', async (_, text, found) => {
    const result = await readCsv(text);
    expect(result).toEqual({
      rejected: [{ row: 1, column: null, code: 'DELIMITER_UNEXPECTED', params: { expected: ',', found } }],
    });
  });

  it.each([
    ['empty', '', 'FILE_EMPTY'],
    ['blank lines only', '\n \n\t\r\n', 'FILE_EMPTY'],
    ['a header without names', ' , ,\n1,2,3\n', 'FORMAT_UNRECOGNISED'],
    ['an unterminated quote in the header', '"a,b\n1,2\n', 'FILE_TRUNCATED'],
    ['a PDF', '%PDF-1.5\n', 'FILE_NOT_TEXT'],
  ])('refuses %s before producing any record', async (_, text, code) => {
    const result = await readCsv(text);
    expect('rejected' in result && result.rejected[0]?.code).toBe(code);
  });

  it('refuses a gzip file (the caller did not ask for gunzip)', async () => {
    expect(brief(await readCsv(Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0])))).toEqual({
      rejected: ['FILE_IS_GZIP'],
    });
  });

  it('reads a header with no record as an empty file of known columns', async () => {
    expect(await readCsv('a,b\n')).toEqual({ header: ['a', 'b'], hxl: null, records: [] });
  });
});

describe('openCsv: field counts', () => {
  it('reports records with more or fewer fields than the header', async () => {
    const result = await readCsv('a,b,c\n1,2\n1,2,3,4\n');
    expect('records' in result && result.records).toEqual([
      { row: 2, issue: { row: 2, column: null, code: 'FIELD_COUNT', params: { expected: 3, found: 2 } } },
      { row: 3, issue: { row: 3, column: null, code: 'FIELD_COUNT', params: { expected: 3, found: 4 } } },
    ]);
  });

  it('tolerates trailing empty fields: a comma at the end of each row (UCDP) or unnamed header columns (ACLED 2016)', async () => {
    expect(brief(await readCsv('a,b\n1,2,\n3,4,,\n'))).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
    ]);
    const acled2016 = await readCsv('A,B,,,\n1,2,,,\n3,4\n5,,,\n');
    expect('header' in acled2016 && acled2016.header).toEqual(['A', 'B']);
    expect(brief(acled2016)).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '']],
    ]);
  });

  it('does not tolerate a value under an unnamed column, nor a missing named one', async () => {
    expect(brief(await readCsv('a,b,,\n1,2,x,\n1\n'))).toEqual([
      [2, 'FIELD_COUNT'],
      [3, 'FIELD_COUNT'],
    ]);
  });
});

describe('openCsv: damaged records', () => {
  it('reports an unterminated quote at the end of the file as FILE_TRUNCATED on the line it starts', async () => {
    for (const chunkBytes of [1, 3, 1 << 20]) {
      expect(brief(await readCsv('a,b\n1,2\n3,"never closed\n4,5\n', { chunkBytes }))).toEqual([
        [2, ['1', '2']],
        [3, 'FILE_TRUNCATED'],
      ]);
    }
  });

  it('reports a field longer than maxFieldLength with its column, and reads on', async () => {
    for (const [field, length] of [
      [`"${'x'.repeat(50)}"`, 50],
      ['x'.repeat(50), 50],
      [`"${'x'.repeat(20)}""${'x'.repeat(20)}"`, 41],
    ] as const) {
      for (const chunkBytes of [1, 7, 1 << 20]) {
        const result = await readCsv(`a,b\n1,${field}\n2,3\n`, { maxFieldLength: 10, chunkBytes });
        expect('records' in result && result.records).toEqual([
          { row: 2, issue: { row: 2, column: 'b', code: 'FIELD_TOO_LONG', params: { length, limit: 10 } } },
          { row: 3, values: ['2', '3'] },
        ]);
      }
    }
  });

  it('counts the lines of a skipped over-long field so later rows keep their numbers', async () => {
    const text = `a,b\n1,"${'x\n'.repeat(30)}"\n2,3\n`;
    for (const chunkBytes of [1, 4, 1 << 20]) {
      expect(brief(await readCsv(text, { maxFieldLength: 10, chunkBytes }))).toEqual([
        [2, 'FIELD_TOO_LONG'],
        [33, ['2', '3']],
      ]);
    }
  });

  it('refuses invalid UTF-8 with the line it is on and a hint, even far into the file', async () => {
    const rows = 'x,y\n'.repeat(50_000);
    const result = await readCsv(concat('a,b\n', rows, '1,caf', [0xe9], '\n'), { chunkBytes: 64 * 1024 });
    expect('rejectedLate' in result && result.rejectedLate).toEqual([
      {
        row: 50_002,
        column: null,
        code: 'ENCODING_INVALID',
        params: { encoding: 'utf-8', byte: 200_009, hint: '--encoding windows-1252' },
      },
    ]);
    const early = await readCsv(concat('a,b\n1,caf', [0xe9], '\n'));
    expect('rejected' in early && early.rejected[0]?.row).toBe(2);
  });

  it('reads windows-1252 when asked', async () => {
    expect(
      brief(await readCsv(concat('a,b\n1,caf', [0xe9, 0x92], '\n'), { encoding: 'windows-1252' })),
    ).toEqual([[2, ['1', 'café’']]]);
  });
});
