import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { inferSchema, initParser } from 'udsv';
import { describe, expect, it } from 'vitest';
import { isVigieError } from '../../core/errors.ts';
import { sharedData } from '../../../test/support/shared-data.ts';
import { fileSource } from './byte-source.ts';
import { openCsv } from './csv.ts';
import type { CsvOptions } from './csv.ts';
import type { SourceRecord } from './types.ts';

async function readAll(
  path: string,
  options: CsvOptions = {},
): Promise<{ header: string[]; records: SourceRecord[] }> {
  const input = await openCsv(fileSource(path, { gunzip: true }), options);
  const records: SourceRecord[] = [];
  for await (const record of input.records) records.push(record);
  return { header: input.header, records };
}

/** The records of the file parsed whole by udsv (an independent parser; it skips the header itself). */
function udsvRows(text: string, rowDelimiter: string): string[][] {
  const parser = initParser(inferSchema(text, { col: ',', row: rowDelimiter, encl: '"' }));
  return parser.stringArrs(text);
}

const layouts = [
  ['smose94_acled_mali_1997-01_to_2019-06.csv', 32, 2916],
  ['valenge_acled_mali_monadic_2017-01_to_2019-06.csv', 28, 3174],
  ['ac0519_2017-01-01-2019-02-27-Mali.csv', 30, 1339],
] as const;

describe('real ACLED Mali exports', () => {
  it.each(layouts)('%s: every record, value for value as udsv reads it', async (file, columns, rows) => {
    const path = sharedData(`acled-mali/${file}`);
    if (path === null) return;
    const { header, records } = await readAll(path);
    expect(header).toHaveLength(columns);
    expect(records).toHaveLength(rows);
    expect(records.filter((r) => r.issue !== undefined)).toEqual([]);
    const reference = udsvRows(readFileSync(path, 'utf8'), '\n');
    expect(records.map((r) => r.values)).toEqual(reference);
    // Records are numbered by physical line; quoted notes hold no line breaks here, so record i is on line i + 2.
    expect(records.every((r, i) => r.row === i + 2)).toBe(true);
  });

  it('keeps the unnamed pandas index column of the smose94 file as an empty name', async () => {
    const path = sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv');
    if (path === null) return;
    const { header } = await readAll(path);
    expect(header.slice(0, 3)).toEqual(['', 'data_id', 'iso']);
  });
});

describe('real ACLED All-Africa 2016 export (gzip, windows-1252, CRLF, 7 unnamed trailing columns)', () => {
  const path = sharedData('acled-africa-2016-sample/ACLED_All_Africa_20160101-20160528.csv.gz');

  it('is refused in auto mode at its first non-UTF-8 byte, with the hint', async () => {
    if (path === null) return;
    const error = await readAll(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isVigieError(error) && error.issues).toEqual([
      {
        row: 67,
        column: null,
        code: 'ENCODING_INVALID',
        params: { encoding: 'utf-8', byte: 23743, hint: '--encoding windows-1252' },
      },
    ]);
  });

  it('reads 6,831 events as windows-1252, line numbers counting the bare LFs inside notes', async () => {
    if (path === null) return;
    const { header, records } = await readAll(path, { encoding: 'windows-1252' });
    expect(header).toHaveLength(25);
    expect(header.at(-1)).toBe('FATALITIES');
    expect(records).toHaveLength(6831);
    expect(records.filter((r) => r.issue !== undefined)).toEqual([]);
    expect(records.at(-1)?.row).toBe(6856); // 6,832 CRLF-ended lines plus 24 line breaks inside quoted notes
    expect(records.some((r) => r.values?.some((v) => v.includes('\u2019')))).toBe(true); // 0x92 is a right quote
    // stream: true, because Node 20's TextDecoder reads windows-1252 as Latin-1 without it (see decode.ts)
    const text = new TextDecoder('windows-1252').decode(gunzipSync(readFileSync(path)), { stream: true });
    const reference = udsvRows(text, '\r\n').map((row) => row.slice(0, 25));
    expect(records.map((r) => r.values)).toEqual(reference);
  });
});

describe('other real files', () => {
  it('reads the UCDP GED reduction (gzip, LF)', async () => {
    const path = sharedData('ucdp-ged201-reduced/ged201_reduced_6col.csv.gz');
    if (path === null) return;
    const { header, records } = await readAll(path);
    expect(header).toEqual([
      'year',
      'longitude',
      'latitude',
      'where_coordinates',
      'best',
      'deaths_civilians',
    ]);
    expect(records).toHaveLength(61296);
    expect(records.filter((r) => r.issue !== undefined)).toEqual([]);
  });

  it('reads the monthly admin2 aggregates (CRLF)', async () => {
    const path = sharedData(
      'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv',
    );
    if (path === null) return;
    const { header, records } = await readAll(path);
    expect(header).toEqual([
      'Country',
      'Admin1',
      'Admin2',
      'ISO3',
      'Admin2 Pcode',
      'Admin1 Pcode',
      'Month',
      'Year',
      'Events',
      'Fatalities',
    ]);
    expect(records).toHaveLength(18656);
    expect(records[0]).toEqual({
      row: 2,
      values: ['Mali', 'Kayes', 'Nioro', 'MLI', 'ML0106', 'ML01', 'January', '1997', '0', '0'],
    });
  });
});
