import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isVigieError } from '../../core/errors.ts';
import type { RowIssue } from '../../core/issues.ts';
import { bufferSource } from './byte-source.ts';
import { concat, utf16 } from './hostile-corpus-cases.ts';
import { jsonErrorOffset } from './json-error.ts';
import { readJson } from './json.ts';

async function issues(input: string | Uint8Array, maxBytes?: number): Promise<RowIssue[]> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  try {
    await readJson(
      bufferSource('doc.json', bytes, { chunkBytes: 5 }),
      maxBytes === undefined ? {} : { maxBytes },
    );
  } catch (error) {
    if (isVigieError(error) && error.code === 'INPUT_REJECTED') return error.issues;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('readJson', () => {
  it('parses a document read in chunks, with or without a BOM, in UTF-8 or UTF-16', async () => {
    const doc = { data: [{ event_id_cnty: 'MLI1', notes: 'Ménaka – “attack”' }], count: 1 };
    const text = JSON.stringify(doc);
    expect(await readJson(bufferSource('a.json', new TextEncoder().encode(text), { chunkBytes: 3 }))).toEqual(
      doc,
    );
    expect(await readJson(bufferSource('b.json', concat([0xef, 0xbb, 0xbf], text)))).toEqual(doc);
    expect(await readJson(bufferSource('c.json', utf16(text, 'le')))).toEqual(doc);
  });

  it('names the line and column of a syntax error', async () => {
    expect(await issues('{\n  "data": [1,\n    2,,3]\n}')).toEqual([
      {
        row: 3,
        column: null,
        code: 'JSON_INVALID',
        params: { line: 3, column: 7, reason: '",3]\\n}" @ 3:7' },
      },
    ]);
    expect((await issues('{"a": }'))[0]?.params).toMatchObject({ line: 1, column: 7 });
  });

  it('calls a document that stops early truncated', async () => {
    expect(await issues('{"data": [{"a": 1},\r\n{"b": "cut')).toEqual([
      { row: 2, column: null, code: 'FILE_TRUNCATED', params: { line: 2, column: 11 } },
    ]);
  });

  it.each([
    ['empty', '', 'FILE_EMPTY'],
    ['white space', ' \n\t ', 'FILE_EMPTY'],
    ['gzip', gzipSync('{}'), 'FILE_IS_GZIP'],
    ['binary', Uint8Array.from([0x7b, 0, 0x7d]), 'FILE_NOT_TEXT'],
    ['Latin-1', concat('{"a": "caf', [0xe9], '"}'), 'ENCODING_INVALID'],
    ['a CSV', 'a,b\n1,2\n', 'JSON_INVALID'],
  ])('refuses %s', async (_, input, code) => {
    expect((await issues(input))[0]?.code).toBe(code);
  });

  it('refuses a document over the size limit while reading it', async () => {
    expect(await issues(`[${'1,'.repeat(1000)}1]`, 100)).toEqual([
      { row: 0, column: null, code: 'FILE_TOO_LARGE', params: { limit: 100 } },
    ]);
  });

  it('survives a million nested brackets', async () => {
    expect((await issues('['.repeat(1_000_000)))[0]?.code).toBe('FILE_TRUNCATED');
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['{"a":1}', -1],
    ['[1, 2.5e-3, true, false, null, "\\u00e9\\n"]', -1],
    ['[1 2]', 3],
    ['{"a" 1}', 5],
    ['{"a":1,}', 7],
    ['[01]', 2],
    ['"\\x"', 2],
    ['"a\tb"', 2],
    ['nul', 3],
    ['[1.', 3],
    ['{"a":1} x', 8],
  ])('%s → %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});
