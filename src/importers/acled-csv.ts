import { detectAcledLayout } from './acled-layouts.ts';
import { MonadicFolder } from './acled-monadic.ts';
import type { MonadicRow } from './acled-monadic.ts';
import { AcledRowMapper } from './acled-record.ts';
import type { AcledImportOptions } from './acled-record.ts';
import { DuplicateIds } from './duplicates.ts';
import type { SourceRecord, TabularInput } from './read/types.ts';
import type { EventImport, ParsedEventRecord } from './types.ts';

export type { AcledImportOptions } from './acled-record.ts';

/**
 * ACLED CSV (any of the layouts in acled-layouts.ts) → one record per event. The layout is recognised from the
 * header before any row is read, so a file with missing columns is rejected (VigieError INPUT_REJECTED, thrown
 * here, synchronously) before anything is stored. Row problems never throw: they come back as RowIssues on the
 * record, which then carries no event.
 *
 * HXL files (a hashtag row under the header) need nothing here: the reader skips the tag row and the columns
 * are still found by their names.
 */
export function importAcledCsv(input: TabularInput, options: AcledImportOptions): EventImport {
  const layout = detectAcledLayout(input.header, options.slashOrder);
  const mapper = new AcledRowMapper(layout, options);
  return {
    layout: { id: layout.id, description: layout.description },
    records: layout.monadic ? foldedRecords(input.records, mapper) : mappedRecords(input.records, mapper),
  };
}

function unreadable(record: SourceRecord & { values?: undefined }): ParsedEventRecord {
  return { rows: [record.row], event: null, issues: [record.issue], warnings: [] };
}

async function* mappedRecords(
  records: AsyncIterable<SourceRecord>,
  mapper: AcledRowMapper,
): AsyncGenerator<ParsedEventRecord> {
  const duplicates = new DuplicateIds(mapper.col(mapper.layout.columns.eventId, 'event_id_cnty'));
  for await (const record of records) {
    if (record.values === undefined) {
      yield unreadable(record);
      continue;
    }
    const parsed = mapper.map(record.values, record.row);
    duplicates.check(parsed);
    yield parsed;
  }
}

/**
 * Groups adjacent rows of one event_id_cnty and folds each group (see acled-monadic.ts). A row the reader could
 * not read ends the current group: its id is unknown, so it cannot be part of it.
 */
async function* foldedRecords(
  records: AsyncIterable<SourceRecord>,
  mapper: AcledRowMapper,
): AsyncGenerator<ParsedEventRecord> {
  const folder = new MonadicFolder(mapper);
  const idColumn = mapper.layout.columns.eventId;
  const duplicates = new DuplicateIds(mapper.col(idColumn, 'event_id_cnty'));
  let group: MonadicRow[] = [];
  let groupId: string | null = null;

  const flush = (): ParsedEventRecord | null => {
    if (group.length === 0) return null;
    const parsed = folder.fold(group);
    duplicates.check(parsed);
    group = [];
    groupId = null;
    return parsed;
  };

  for await (const record of records) {
    if (record.values === undefined) {
      const folded = flush();
      if (folded !== null) yield folded;
      yield unreadable(record);
      continue;
    }
    const id = (record.values[idColumn] ?? '').trim();
    // Rows without an id are never grouped: each is mapped alone and rejected for the missing id.
    if (group.length > 0 && (id !== groupId || id === '')) {
      const folded = flush();
      if (folded !== null) yield folded;
    }
    group.push({ row: record.row, values: record.values });
    groupId = id;
  }
  const folded = flush();
  if (folded !== null) yield folded;
}
