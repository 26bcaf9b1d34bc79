import { issue, type RowIssue } from '../core/issues.ts';
import { HeaderIndex, requireColumns, textAt } from './columns.ts';
import { acledData } from './acled-json.ts';
import { tabularFromObjects } from './json-records.ts';
import type { TabularInput } from './read/types.ts';

/** One event ACLED withdrew: its id and when (seconds since 1970, ACLED's `deleted_timestamp`). */
export interface AcledDeletion {
  sourceId: string;
  deletedAt: number | null;
}

export interface ParsedDeletionRecord {
  rows: number[];
  deletion: AcledDeletion | null;
  issues: RowIssue[];
}

/**
 * ACLED's "deleted" endpoint lists events withdrawn since a date: `{data: [{event_id_cnty, deleted_timestamp}]}`
 * as API JSON, or the same two columns as CSV. vigie removes those events and keeps a tombstone.
 */
export function deletionsFromJson(body: unknown): AsyncIterable<ParsedDeletionRecord> {
  return deletionRecords(tabularFromObjects(acledData(body)));
}

export async function* deletionRecords(input: TabularInput): AsyncGenerator<ParsedDeletionRecord> {
  const h = new HeaderIndex(input.header);
  requireColumns(h, 'acled-deletions', [['event_id_cnty']]);
  const id = h.find('event_id_cnty');
  const at = h.find('deleted_timestamp', 'timestamp');
  for await (const record of input.records) {
    if (record.values === undefined) {
      yield { rows: [record.row], deletion: null, issues: [record.issue] };
      continue;
    }
    const sourceId = textAt(record.values, id);
    const stamp = textAt(record.values, at);
    const issues: RowIssue[] = [];
    if (sourceId === null)
      issues.push(issue(record.row, h.nameOf(id, 'event_id_cnty'), 'REQUIRED_VALUE_MISSING'));
    const deletedAt = stamp === null ? null : Number(stamp);
    if (deletedAt !== null && !(Number.isInteger(deletedAt) && deletedAt >= 0)) {
      issues.push(
        issue(record.row, h.nameOf(at, 'deleted_timestamp'), 'NUMBER_INVALID', { value: stamp ?? '' }),
      );
    }
    yield {
      rows: [record.row],
      deletion: issues.length === 0 && sourceId !== null ? { sourceId, deletedAt } : null,
      issues,
    };
  }
}
