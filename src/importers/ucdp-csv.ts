import { DuplicateIds } from './duplicates.ts';
import type { SourceRecord, TabularInput } from './read/types.ts';
import type { EventImport, ParsedEventRecord } from './types.ts';
import { detectUcdpLayout } from './ucdp-layouts.ts';
import { UcdpRowMapper } from './ucdp-record.ts';
import type { UcdpImportOptions } from './ucdp-record.ts';

export type { UcdpImportOptions } from './ucdp-record.ts';
export { ucdpVersionFrom } from './ucdp-layouts.ts';

/**
 * UCDP GED CSV (release file or web export) → one record per event. The header decides the layout before any row
 * is read; a file that is not GED (e.g. the 6-column reduction of GED 20.1, which has no ids and no dates) is
 * rejected with HEADER_MISSING_COLUMNS. The web export's closing empty field needs nothing: unnamed columns are
 * never mapped.
 */
export function importUcdpCsv(input: TabularInput, options: UcdpImportOptions): EventImport {
  const layout = detectUcdpLayout(input.header);
  const mapper = new UcdpRowMapper(layout, options);
  return {
    layout: { id: layout.id, description: layout.description },
    records: ucdpRecords(input.records, mapper),
  };
}

export async function* ucdpRecords(
  records: AsyncIterable<SourceRecord>,
  mapper: UcdpRowMapper,
): AsyncGenerator<ParsedEventRecord> {
  const duplicates = new DuplicateIds(mapper.idColumn);
  for await (const record of records) {
    if (record.values === undefined) {
      yield { rows: [record.row], event: null, issues: [record.issue], warnings: [] };
      continue;
    }
    const parsed = mapper.map(record.values, record.row);
    duplicates.check(parsed);
    yield parsed;
  }
}
