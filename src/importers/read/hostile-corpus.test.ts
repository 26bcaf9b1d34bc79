import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isVigieError } from '../../core/errors.ts';
import { bufferSource, fileSource } from './byte-source.ts';
import { oracleRead } from './csv-oracle.ts';
import type { CsvResult } from './csv-test-support.ts';
import { readCsv } from './csv-test-support.ts';
import { openCsv } from './csv.ts';
import { hostileCorpus } from './hostile-corpus.ts';
import type { HostileCase } from './hostile-corpus.ts';
import { readJson } from './json.ts';
import { openXlsx } from './xlsx.ts';
import { fixtureDir } from '../../../test/support/fixture-files.ts';

const corpus = hostileCorpus();

function outcome(result: CsvResult): { expect: HostileCase['expect']; code?: string } {
  if ('rejected' in result) return { expect: 'reject-file', code: result.rejected[0]?.code };
  if (result.rejectedLate !== undefined) return { expect: 'reject-file', code: result.rejectedLate[0]?.code };
  return { expect: result.records.some((r) => r.issue !== undefined) ? 'row-issues' : 'ok' };
}

/** Physical lines holding more than spaces and tabs (each CRLF, LF or lone CR ends one). */
function nonBlankLines(text: string): number[] {
  return text
    .split(/\r\n|\n|\r/)
    .map((line, i) => (/^[ \t]*$/.test(line) ? 0 : i + 1))
    .filter((line) => line > 0);
}

describe('hostile corpus', () => {
  it('has at least 200 uniquely named cases of every expected outcome', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
    for (const kind of ['reject-file', 'row-issues', 'ok'])
      expect(corpus.some((c) => c.expect === kind)).toBe(true);
  });

  it.each([1 << 20, 61])(
    'openCsv gives every case its expected outcome (chunks of %i bytes)',
    async (chunkBytes) => {
      for (const c of corpus) {
        const result = await readCsv(c.bytes, { chunkBytes });
        expect({ name: c.name, ...outcome(result) }).toEqual({
          name: c.name,
          expect: c.expect,
          ...(c.code ? { code: c.code } : {}),
        });
        if ('rejected' in result) {
          expect(result.rejected.length).toBeGreaterThan(0);
          continue;
        }
        if (c.text === undefined || result.rejectedLate !== undefined) continue;
        // Every non-blank line is the header, the HXL row or part of a record: the records are the reference parser's.
        const expected = oracleRead(c.text);
        expect(expected.kind === 'read' && { header: expected.header, records: expected.records }).toEqual({
          header: result.header,
          records: result.records,
        });
        if (!c.text.includes('"')) {
          const lines = nonBlankLines(c.text).slice(result.hxl === null ? 1 : 2);
          expect(result.records.map((r) => r.row)).toEqual(lines);
        }
      }
    },
  );

  it('the JSON and xlsx readers refuse every case cleanly or read it: no other exception', async () => {
    for (const c of corpus) {
      for (const read of [
        () => readJson(bufferSource(c.name, c.bytes)),
        async () => {
          const input = await openXlsx(bufferSource(c.name, c.bytes));
          for await (const record of input.records) expect(record.row).toBeGreaterThan(0);
        },
      ]) {
        try {
          await read();
        } catch (error) {
          expect({
            name: c.name,
            rejected: isVigieError(error) && error.code === 'INPUT_REJECTED' && error.issues.length > 0,
          }).toEqual({
            name: c.name,
            rejected: true,
          });
        }
      }
    }
  });
});

describe('hand-made hostile fixtures (test/support/fixtures/hostile.ts)', () => {
  const dir = fixtureDir('hostile');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<
    string,
    { expect: string; code?: string }
  >;

  it('lists every file', () => {
    expect(
      readdirSync(dir)
        .filter((f) => f !== 'manifest.json')
        .sort(),
    ).toEqual(Object.keys(manifest).sort());
  });

  it.each(Object.entries(manifest))('%s', async (file, expected) => {
    let got: { expect: string; code?: string };
    try {
      const input = await openCsv(fileSource(join(dir, file)));
      let issues = 0;
      for await (const record of input.records) if (record.issue !== undefined) issues++;
      got = { expect: issues > 0 ? 'row-issues' : 'ok' };
    } catch (error) {
      if (!isVigieError(error)) throw error;
      got = { expect: 'reject-file', code: error.issues[0]?.code ?? error.code };
    }
    expect(got).toEqual(expected);
  });
});
