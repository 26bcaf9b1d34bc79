import type { Transaction } from 'kysely';
import type { RunSummary, WriteCounts } from '../services/ports/reference-port.ts';
import type { Database } from './schema.ts';

/** The import-run bookkeeping of reference-data imports, written in the same transaction as the data. */
export async function insertRun(
  trx: Transaction<Database>,
  run: RunSummary,
  status: string,
): Promise<number> {
  const row = await trx
    .insertInto('import_runs')
    .values({
      kind: run.kind,
      source: run.source,
      file_name: run.fileName,
      file_sha256: run.fileSha256,
      layout: run.layout,
      started_at: run.startedAt,
      status,
      rows_read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      deleted: 0,
      issues_json: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishRun(
  trx: Transaction<Database>,
  runId: number,
  run: RunSummary,
  counts: WriteCounts,
  status = 'committed',
): Promise<void> {
  await trx
    .updateTable('import_runs')
    .set({
      status,
      finished_at: run.finishedAt,
      rows_read: run.rowsRead,
      rejected: run.rejected,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      issues_json: JSON.stringify(run.issues.slice(0, 1000)),
    })
    .where('id', '=', runId)
    .execute();
}
