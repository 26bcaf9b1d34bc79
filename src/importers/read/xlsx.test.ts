import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isVigieError } from '../../core/errors.ts';
import { sharedData } from '../../../test/support/shared-data.ts';
import { bufferSource, fileSource } from './byte-source.ts';
import { openCsv } from './csv.ts';
import type { SourceRecord, TabularInput } from './types.ts';
import { buildXlsx } from './xlsx-build.ts';
import type { BuildSheet } from './xlsx-build.ts';
import { openXlsx } from './xlsx.ts';
import type { XlsxOptions } from './xlsx.ts';

async function all(input: TabularInput): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of input.records) records.push(record);
  return records;
}

async function read(bytes: Uint8Array, options: XlsxOptions = {}) {
  const input = await openXlsx(bufferSource('book.xlsx', bytes), options);
  return { header: input.header, hxl: input.hxlTags, records: await all(input) };
}

async function issueOf(bytes: Uint8Array, options: XlsxOptions = {}): Promise<string | undefined> {
  try {
    await read(bytes, options);
  } catch (error) {
    if (isVigieError(error) && error.code === 'INPUT_REJECTED') return error.issues[0]?.code;
    throw error;
  }
  return undefined;
}

/** Rewrites the uncompressed size the central directory declares for `name` (a lying zip bomb). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Uint8Array.from(zip);
  const view = new DataView(bytes.buffer);
  const key = new TextEncoder().encode(name);
  for (let at = 0; at < bytes.length - 46; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== key.length) continue;
    if (bytes.subarray(at + 46, at + 46 + key.length).every((b, i) => b === key[i]))
      view.setUint32(at + 24, size, true);
  }
  return bytes;
}

const sheet = (rows: BuildSheet['rows'], extra: Partial<BuildSheet> = {}): BuildSheet => ({
  name: 'Data',
  rows,
  ...extra,
});

describe('openXlsx', () => {
  it('reads strings (shared or inline), numbers, booleans, dates and omitted cells', async () => {
    const rows: BuildSheet['rows'] = [
      ['event_id', ' date ', 'fatalities', 'verified', 'notes', null],
      ['MLI1', { date: 43646 }, 3, true, 'Attack & "fire" <village>', null],
      ['MLI2', { date: 43646.5 }, 0.5, false, null, null],
      [null, null, null, null, null, null],
      ['MLI3', null, 12, null, '_x000D_ line', null],
    ];
    for (const inlineStrings of [false, true]) {
      for (const prefix of [undefined, 'x']) {
        const result = await read(buildXlsx([sheet(rows, { inlineStrings, ...(prefix ? { prefix } : {}) })]));
        expect(result).toEqual({
          header: ['event_id', 'date', 'fatalities', 'verified', 'notes'],
          hxl: null,
          records: [
            { row: 2, values: ['MLI1', '2019-06-30', '3', 'TRUE', 'Attack & "fire" <village>'] },
            { row: 3, values: ['MLI2', '2019-06-30T12:00:00', '0.5', 'FALSE', ''] },
            { row: 5, values: ['MLI3', '', '12', '', '\r line'] },
          ],
        });
      }
    }
  });

  it('reports a row with a value under no column name, like CSV', async () => {
    const result = await read(
      buildXlsx([
        sheet([
          ['a', 'b'],
          [1, 2, 3],
        ]),
      ]),
    );
    expect(result.records).toEqual([
      { row: 2, issue: { row: 2, column: null, code: 'FIELD_COUNT', params: { expected: 2, found: 3 } } },
    ]);
  });

  it('returns HXL tags from the row under the header', async () => {
    const result = await read(
      buildXlsx([
        sheet([
          ['country', 'deaths'],
          ['#country', '#affected+killed'],
          ['Mali', 3],
        ]),
      ]),
    );
    expect(result.hxl).toEqual(['#country', '#affected+killed']);
    expect(result.records).toEqual([{ row: 3, values: ['Mali', '3'] }]);
  });

  it('picks the sheet asked for, else a preferred one, else the first', async () => {
    const book = buildXlsx([
      { name: 'TOU', rows: [['Terms of use']] },
      { name: 'Data', rows: [['a'], ['1']] },
    ]);
    expect((await read(book)).header).toEqual(['Terms of use']);
    expect((await read(book, { preferSheets: ['Missing', 'data'] })).header).toEqual(['a']);
    expect((await read(book, { sheet: 'Data' })).records).toEqual([{ row: 2, values: ['1'] }]);
    expect(await issueOf(book, { sheet: 'Nope' })).toBe('FORMAT_UNRECOGNISED');
  });

  it('refuses zip bombs, whether their declared sizes are honest or not', async () => {
    const big = buildXlsx([
      sheet(Array.from({ length: 20_000 }, (_, i) => [`row ${i}`, i, 'the same long text again'])),
    ]);
    expect(await issueOf(big, { maxUncompressedBytes: 200_000 })).toBe('FILE_TOO_LARGE');
    const lying = declareSize(big, 'xl/worksheets/sheet1.xml', 100);
    expect(await issueOf(lying, { maxUncompressedBytes: 200_000 })).toBe('FILE_TOO_LARGE');
    expect(await issueOf(big, { maxBytes: 1000 })).toBe('FILE_TOO_LARGE');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'FILE_EMPTY'],
    ['a CSV', strToU8('a,b\n1,2\n'), 'FORMAT_UNRECOGNISED'],
    [
      'an old .xls',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'FILE_IS_SPREADSHEET',
    ],
    ['a zip without a workbook', zipSync({ 'a.csv': strToU8('a,b') }), 'FILE_IS_ZIP'],
    ['a cut-off download', buildXlsx([sheet([['a'], ['1']])]).subarray(0, 400), 'FILE_TRUNCATED'],
    ['a sheet with no rows', buildXlsx([sheet([])]), 'FILE_EMPTY'],
  ])('refuses %s', async (_, bytes, code) => {
    expect(await issueOf(bytes)).toBe(code);
  });

  it('refuses a workbook whose sheet data is corrupt', async () => {
    const book = buildXlsx([sheet(Array.from({ length: 2000 }, (_, i) => [`r${i}`, i]))]);
    const damaged = Uint8Array.from(book);
    damaged.fill(0x55, 200, 600); // inside the deflated sheet, which the zip stores first
    expect(['FILE_TRUNCATED', 'FILE_TOO_LARGE']).toContain(await issueOf(damaged));
  });
});

describe('the real ACLED monthly admin2 workbook', () => {
  const base = 'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2';

  it('gives the same 18,656 rows and values as the CSV made from it', async () => {
    const xlsx = sharedData(`${base}.xlsx`);
    const csv = sharedData(`${base}.csv`);
    if (xlsx === null || csv === null) return;
    const book = await openXlsx(fileSource(xlsx), { preferSheets: ['Data'] });
    const table = await openCsv(fileSource(csv));
    expect(book.header).toEqual(table.header);
    const fromBook = await all(book);
    const fromCsv = await all(table);
    expect(fromBook).toHaveLength(18_656);
    // Numbers may be stored as 0 or "0", 12 or 12.0: compare them as canonical number text.
    const canonical = (records: SourceRecord[]) =>
      records.map((r) => [
        r.row,
        ...(r.values ?? []).map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? String(Number(v)) : v)),
      ]);
    expect(canonical(fromBook)).toEqual(canonical(fromCsv));
  });

  it('opens its first sheet (the terms of use) by default', async () => {
    const xlsx = sharedData(`${base}.xlsx`);
    if (xlsx === null) return;
    expect((await openXlsx(fileSource(xlsx))).header).toEqual(['Licensing']);
  });
});
