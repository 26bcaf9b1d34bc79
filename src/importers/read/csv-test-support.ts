import { isVigieError } from '../../core/errors.ts';
import type { RowIssue } from '../../core/issues.ts';
import { bufferSource } from './byte-source.ts';
import { openCsv } from './csv.ts';
import type { CsvOptions } from './csv.ts';
import type { SourceRecord } from './types.ts';

/** Test helper: what openCsv makes of some bytes, as plain data (a rejection included). */
export type CsvResult =
  | { rejected: RowIssue[] }
  | { header: string[]; hxl: string[] | null; records: SourceRecord[]; rejectedLate?: RowIssue[] };

export async function readCsv(
  input: string | Uint8Array,
  options: CsvOptions & { chunkBytes?: number } = {},
): Promise<CsvResult> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const { chunkBytes, ...csvOptions } = options;
  const source = bufferSource('test.csv', bytes, chunkBytes === undefined ? {} : { chunkBytes });
  let opened;
  try {
    opened = await openCsv(source, csvOptions);
  } catch (error) {
    if (isVigieError(error) && error.code === 'INPUT_REJECTED') return { rejected: error.issues };
    throw error;
  }
  const records: SourceRecord[] = [];
  try {
    for await (const record of opened.records) records.push(record);
  } catch (error) {
    if (isVigieError(error) && error.code === 'INPUT_REJECTED') {
      return { header: opened.header, hxl: opened.hxlTags, records, rejectedLate: error.issues };
    }
    throw error;
  }
  return { header: opened.header, hxl: opened.hxlTags, records };
}

/** The records as [row, values] or [row, issue code], for compact expectations. */
export function brief(result: CsvResult): unknown {
  if ('rejected' in result) return { rejected: result.rejected.map((i) => i.code) };
  return result.records.map((r) => (r.issue === undefined ? [r.row, r.values] : [r.row, r.issue.code]));
}
