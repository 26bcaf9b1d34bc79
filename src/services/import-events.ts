import type { EventClassification, EventPlacement, SourceEvent } from '../core/event.ts';
import { VigieError } from '../core/errors.ts';
import type { RowIssue } from '../core/issues.ts';
import type { EventImport } from '../importers/types.ts';
import { changedSourceColumns, contentHash, sourceSnapshot, toEventRow } from './event-row.ts';
import { emptyReport, IssueList, type ImportReport } from './import-report.ts';
import type {
  EventImportPort,
  EventImportSession,
  ImportRunOutcome,
  NewEventRow,
} from './ports/event-import-port.ts';

export type PlaceResult = { placement: EventPlacement; warning?: RowIssue } | { issue: RowIssue };

export interface EventImportDeps {
  port: EventImportPort;
  classify(event: SourceEvent): EventClassification;
  /** Admin units and cells from the coordinates; an issue when they contradict the country the row names. */
  place(event: SourceEvent, row: number): PlaceResult;
  now: () => string;
  onProgress?: (recordsRead: number) => void;
}

export interface EventImportRequest {
  source: 'acled' | 'ucdp';
  fileName: string;
  /** SHA-256 of the bytes read, asked for once the whole file has been read. */
  fileSha256(): string | null;
  input: EventImport;
  /** Store the valid records and list the rejected ones, instead of rejecting the whole file. */
  skipInvalid: boolean;
}

const BATCH = 500;

/** What a batch keeps of a record until it is written: the row, not the record and event it came from. */
interface Pending {
  sourceId: string;
  row: NewEventRow;
}

/**
 * Reads every record, checks it, and writes the batch in one transaction. Without skipInvalid any rejected
 * record rolls the whole import back, after reading to the end so that the user gets the full issue list.
 */
export async function importEvents(deps: EventImportDeps, req: EventImportRequest): Promise<ImportReport> {
  const report = emptyReport(req.source, req.fileName, req.input.layout.id);
  const issues = new IssueList();
  const warnings = new IssueList();
  const run = {
    kind: 'events',
    source: req.source,
    file_name: req.fileName,
    file_sha256: null,
    layout: req.input.layout.id,
    started_at: deps.now(),
    status: 'running',
  };
  const outcome = (status: ImportRunOutcome['status']): ImportRunOutcome => ({
    status,
    finished_at: deps.now(),
    file_sha256: req.fileSha256(),
    layout: req.input.layout.id,
    rows_read: report.rowsRead,
    inserted: report.inserted,
    updated: report.updated,
    unchanged: report.unchanged,
    rejected: report.rejected,
    deleted: 0,
    issues_json: JSON.stringify(issues.items),
  });
  try {
    const result = await deps.port.inTransaction(run, async (session) => {
      await readAndWrite(deps, req, session, report, issues, warnings);
      if (report.rejected > 0 && !req.skipInvalid) throw new RejectedImport();
      return outcome('committed');
    });
    report.runId = result.runId;
    report.stored = true;
  } catch (error) {
    if (!(error instanceof RejectedImport)) {
      if (error instanceof VigieError && error.code === 'INPUT_REJECTED') {
        issues.add(error.issues);
        report.rejected = report.rowsRead - report.inserted - report.updated - report.unchanged;
      } else {
        throw error;
      }
    }
    // Nothing of the file was stored: report the valid records as rejected too, so the counts add up to what
    // the store now holds from this file (nothing).
    report.rejected = report.rowsRead;
    report.inserted = report.updated = report.unchanged = 0;
    report.runId = await deps.port.recordRun({ ...run, status: 'rejected' }, outcome('rejected'));
  }
  report.issues = issues.items;
  report.issuesTotal = issues.total;
  report.warnings = warnings.items;
  return report;
}

class RejectedImport extends Error {}

async function readAndWrite(
  deps: EventImportDeps,
  req: EventImportRequest,
  session: EventImportSession,
  report: ImportReport,
  issues: IssueList,
  warnings: IssueList,
): Promise<void> {
  // The same id twice in one file is caught by the importers (importers/duplicates.ts, one compact fingerprint
  // per id); here a repeat inside one batch only needs to be kept from being inserted twice.
  const batchSize = deps.port.batchSize ?? BATCH;
  let batch: Pending[] = [];
  for await (const record of req.input.records) {
    report.rowsRead++;
    report.sourceRows += record.rows.length;
    if (report.rowsRead % 10_000 === 0) deps.onProgress?.(report.rowsRead);
    warnings.add(record.warnings);
    const firstRow = record.rows[0] ?? 0;
    if (record.event === null || record.issues.length > 0) {
      report.rejected++;
      issues.add(record.issues);
      continue;
    }
    const event = record.event;
    const placed = deps.place(event, firstRow);
    if ('issue' in placed) {
      report.rejected++;
      issues.add([placed.issue]);
      continue;
    }
    if (placed.warning) warnings.add([placed.warning]);
    const hash = contentHash(event);
    const row = toEventRow(event, deps.classify(event), placed.placement, hash, session.runId);
    batch.push({ sourceId: event.sourceId, row });
    if (batch.length >= batchSize) {
      await writeBatch(deps, req, session, batch, report);
      batch = [];
    }
  }
  await writeBatch(deps, req, session, batch, report);
  deps.onProgress?.(report.rowsRead);
}

async function writeBatch(
  deps: EventImportDeps,
  req: EventImportRequest,
  session: EventImportSession,
  batch: Pending[],
  report: ImportReport,
): Promise<void> {
  if (batch.length === 0) return;
  // Once the import is bound to be rolled back, writing more would be wasted work.
  if (report.rejected > 0 && !req.skipInvalid) return;
  const existing = await session.findExisting(
    req.source,
    batch.map((p) => p.sourceId),
  );
  const inserts: NewEventRow[] = [];
  const candidates: Array<{ id: number; row: NewEventRow }> = [];
  const inBatch = new Set<string>();
  for (const p of batch) {
    const found = existing.get(p.sourceId);
    // An exact repeat the importer let through (with a warning) is already counted as written.
    if (inBatch.has(p.sourceId)) report.unchanged++;
    else if (found === undefined) inserts.push(p.row);
    else if (found.contentHash === p.row.content_hash) report.unchanged++;
    else candidates.push({ id: found.id, row: p.row });
    inBatch.add(p.sourceId);
  }
  await session.insertEvents(inserts);
  report.inserted += inserts.length;
  if (candidates.length === 0) return;
  const previous = await session.loadRows(candidates.map((c) => c.id));
  const updates: Array<{ id: number; row: NewEventRow }> = [];
  const revisions = [];
  for (const c of candidates) {
    const old = previous.get(c.id);
    if (old === undefined) continue;
    // An older export imported after a newer one must not roll the event back.
    if (isOlder(c.row.source_timestamp, old['source_timestamp'])) {
      report.unchanged++;
      continue;
    }
    const changed = changedSourceColumns(old, c.row);
    updates.push(c);
    revisions.push({
      event_id: c.id,
      import_run_id: session.runId,
      revised_at: deps.now(),
      changed_fields: changed.join(','),
      previous_json: sourceSnapshot(old),
    });
  }
  await session.updateEvents(updates);
  await session.insertRevisions(revisions);
  report.updated += updates.length;
}

function isOlder(incoming: unknown, stored: unknown): boolean {
  return typeof incoming === 'number' && typeof stored === 'number' && incoming < stored;
}
