import type { Kysely } from 'kysely';
import type { RowIssue } from '../core/issues.ts';
import type { ImportRunView } from '../services/ports/import-run-port.ts';
import type { Database } from './schema.ts';

/** The import history, newest first. */
export async function listImportRuns(db: Kysely<Database>, limit: number): Promise<ImportRunView[]> {
  const rows = await db.selectFrom('import_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    source: r.source,
    fileName: r.file_name,
    fileSha256: r.file_sha256,
    layout: r.layout,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    status: r.status,
    rowsRead: r.rows_read,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    deleted: r.deleted,
    issues: JSON.parse(r.issues_json) as RowIssue[],
  }));
}
