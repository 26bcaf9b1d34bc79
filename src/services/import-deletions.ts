import { isVigieError } from '../core/errors.ts';
import {
  deletionRecords,
  deletionsFromJson,
  type ParsedDeletionRecord,
} from '../importers/acled-deletions.ts';
import { peekBytes } from '../importers/read/byte-peek.ts';
import { openCsv } from '../importers/read/csv.ts';
import { readJson } from '../importers/read/json.ts';
import type { ByteSource } from '../importers/read/types.ts';
import { recordRejectedFile } from './import-event-file.ts';
import type { EventImportDeps } from './import-events.ts';
import { IssueList, type ImportReport } from './import-report.ts';
import type { ImportOptions } from './vigie.ts';

const BATCH = 500;

/**
 * ACLED deletion lists: every listed event still in the store is removed and leaves a tombstone, in one
 * transaction. Ids vigie never had count as unchanged. A bad row rejects the file unless skipInvalid is set.
 */
export async function importAcledDeletions(
  deps: Pick<EventImportDeps, 'port' | 'now'>,
  input: ByteSource,
  options: ImportOptions,
): Promise<ImportReport> {
  let records: AsyncIterable<ParsedDeletionRecord>;
  try {
    const peeked = await peekBytes(input.chunks(), 64);
    const replay: ByteSource = { name: input.name, chunks: () => peeked.stream };
    const first = Buffer.from(peeked.head).toString('utf8').trimStart()[0];
    records =
      first === '{' || first === '['
        ? deletionsFromJson(await readJson(replay))
        : deletionRecords(await openCsv(replay, options.encoding ? { encoding: options.encoding } : {}));
  } catch (error) {
    if (!isVigieError(error) || error.code !== 'INPUT_REJECTED') throw error;
    return recordRejectedFile(deps, 'acled-deletions', input.name, error.issues);
  }
  const issues = new IssueList();
  const counts = { rowsRead: 0, unchanged: 0, rejected: 0, deleted: 0 };
  const run = {
    kind: 'deletions',
    source: 'acled',
    file_name: input.name,
    file_sha256: null,
    layout: 'acled-deletions',
    started_at: deps.now(),
    status: 'running',
  };
  const outcome = (status: 'committed' | 'rejected') => ({
    status,
    finished_at: deps.now(),
    file_sha256: null,
    layout: 'acled-deletions',
    rows_read: counts.rowsRead,
    inserted: 0,
    updated: 0,
    unchanged: status === 'committed' ? counts.unchanged : 0,
    rejected: status === 'committed' ? counts.rejected : counts.rowsRead,
    deleted: status === 'committed' ? counts.deleted : 0,
    issues_json: JSON.stringify(issues.items),
  });
  let runId: number;
  let stored = true;
  try {
    ({ runId } = await deps.port.inTransaction(run, async (session) => {
      let batch: string[] = [];
      const flush = async () => {
        const deleted = await session.deleteEvents('acled', batch, deps.now(), 'withdrawn by ACLED');
        counts.deleted += deleted.length;
        counts.unchanged += batch.length - deleted.length;
        batch = [];
      };
      for await (const r of records) {
        counts.rowsRead++;
        if (r.deletion === null) {
          counts.rejected++;
          issues.add(r.issues);
        } else batch.push(r.deletion.sourceId);
        if (batch.length >= BATCH) await flush();
      }
      await flush();
      if (counts.rejected > 0 && options.skipInvalid !== true) throw new Rejected();
      return outcome('committed');
    }));
  } catch (error) {
    if (!(error instanceof Rejected) && !(isVigieError(error) && error.code === 'INPUT_REJECTED'))
      throw error;
    if (isVigieError(error)) issues.add(error.issues);
    stored = false;
    runId = await deps.port.recordRun({ ...run, status: 'rejected' }, outcome('rejected'));
  }
  return {
    runId,
    source: 'acled-deletions',
    file: input.name,
    layout: 'acled-deletions',
    rowsRead: counts.rowsRead,
    inserted: 0,
    updated: 0,
    unchanged: stored ? counts.unchanged : 0,
    rejected: stored ? counts.rejected : counts.rowsRead,
    deleted: stored ? counts.deleted : 0,
    sourceRows: counts.rowsRead,
    stored,
    issues: issues.items,
    issuesTotal: issues.total,
    warnings: [],
  };
}

class Rejected extends Error {}
