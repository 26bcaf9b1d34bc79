import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVigieError } from '../../core/errors.ts';
import { bufferSource } from './byte-source.ts';
import { oracleRead } from './csv-oracle.ts';
import { readCsv } from './csv-test-support.ts';
import { openCsv } from './csv.ts';
import { countBreaks } from './line-breaks.ts';

describe('openCsv properties', () => {
  it('on arbitrary bytes, only ever throws VigieError(INPUT_REJECTED) with issues', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 400 }),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, chunkBytes) => {
          try {
            const input = await openCsv(bufferSource('fuzz', bytes, { chunkBytes }), { maxFieldLength: 50 });
            for await (const record of input.records) expect(record.row).toBeGreaterThan(0);
          } catch (error) {
            expect(isVigieError(error) && error.code === 'INPUT_REJECTED' && error.issues.length > 0).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  // Values with everything the syntax must protect: delimiters, quotes, every line break, spaces, non-ASCII.
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', '9', ' ', ',', '"', '\n', '\r', '\t', 'é', '’', '😀', '#', ';'),
  });
  const name = fc
    .string({ unit: fc.constantFrom(...'abcxyz_019'), minLength: 1, maxLength: 8 })
    .map((s) => `c${s}`);
  const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
    fc.record({
      // (fc.stringMatching would be simpler but costs 15 ms a run)
      header: fc.uniqueArray(name, { minLength: width, maxLength: width }),
      rows: fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 12 }),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      quoteAll: fc.boolean(),
      finalEol: fc.boolean(),
      bom: fc.boolean(),
      chunkBytes: fc.integer({ min: 1, max: 200 }),
    }),
  );

  it('reads back any table written the way Python and pandas write CSV, with its line numbers', async () => {
    await fc.assert(
      fc.asyncProperty(table, async ({ header, rows, eol, quoteAll, finalEol, bom, chunkBytes }) => {
        if (
          rows[0]?.every((v) => v.trim() === '' || v.trim().startsWith('#')) === true &&
          rows[0].some((v) => v.trim() !== '')
        ) {
          rows[0][0] = `x${rows[0][0] ?? ''}`; // would be read as an HXL tag row
        }
        const quote = (v: string) =>
          quoteAll || /[",\r\n]/.test(v) || (header.length === 1 && /^[ \t]*$/.test(v))
            ? `"${v.replaceAll('"', '""')}"`
            : v;
        let text = header.join(',');
        const lines: number[] = [];
        for (const row of rows) {
          text += eol;
          lines.push(1 + countBreaks(text, 0, text.length));
          text += row.map(quote).join(',');
        }
        if (finalEol) text += eol;
        const bytes = new TextEncoder().encode((bom ? '\uFEFF' : '') + text);
        const result = await readCsv(bytes, { chunkBytes });
        expect(result).toEqual({
          header,
          hxl: null,
          records: rows.map((values, i) => ({ row: lines[i], values })),
        });
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the reference parser on CSV-shaped noise, whatever the chunking', async () => {
    const noise = fc.string({
      unit: fc.constantFrom('a', 'b', ',', ',', '"', '\n', '\r', ' ', '\t', '#', ';'),
      maxLength: 80,
    });
    await fc.assert(
      fc.asyncProperty(noise, fc.integer({ min: 1, max: 16 }), async (text, chunkBytes) => {
        const expected = oracleRead(text, 12);
        const result = await readCsv(text, { chunkBytes, maxFieldLength: 12 });
        if (expected.kind === 'rejected') {
          expect('rejected' in result && result.rejected[0]?.code).toBe(expected.code);
        } else {
          expect(result).toEqual({ header: expected.header, hxl: expected.hxl, records: expected.records });
        }
      }),
      { numRuns: 3000 },
    );
  });
});
