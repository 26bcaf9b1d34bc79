import type { Insertable } from 'kysely';
import type { EventsTable, ImportRunsTable } from '../../storage/schema.ts';

/** A row of `events` as the import service writes it (the key is assigned by the database). */
export type NewEventRow = Omit<Insertable<EventsTable>, 'id'> & {
  first_import_run: number;
  last_import_run: number;
};

export interface ExistingEvent {
  id: number;
  contentHash: string;
  lastImportRun: number;
}

export interface NewRevision {
  event_id: number;
  import_run_id: number;
  revised_at: string;
  changed_fields: string;
  previous_json: string;
}

export type NewImportRun = Pick<
  ImportRunsTable,
  'kind' | 'source' | 'file_name' | 'file_sha256' | 'layout' | 'started_at' | 'status'
>;

export interface ImportRunOutcome {
  status: 'committed' | 'rejected' | 'failed';
  finished_at: string;
  /** Known only once the whole file has been read. */
  file_sha256: string | null;
  layout: string | null;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Events removed because the source withdrew them (deletion files only). */
  deleted: number;
  issues_json: string;
}

/** What an import does inside its one transaction. Batches keep round trips few on PostgreSQL. */
export interface EventImportSession {
  readonly runId: number;
  findExisting(source: string, sourceIds: readonly string[]): Promise<Map<string, ExistingEvent>>;
  /** Current stored rows, for the revision record of events about to change. */
  loadRows(ids: readonly number[]): Promise<Map<number, Record<string, unknown>>>;
  insertEvents(rows: readonly NewEventRow[]): Promise<void>;
  updateEvents(rows: ReadonlyArray<{ id: number; row: NewEventRow }>): Promise<void>;
  insertRevisions(revisions: readonly NewRevision[]): Promise<void>;
  /**
   * Removes events the source withdrew, leaving a tombstone with their last content (revisions go with the
   * event). Returns the source ids that were present and are now deleted.
   */
  deleteEvents(
    source: string,
    sourceIds: readonly string[],
    deletedAt: string,
    reason: string,
  ): Promise<string[]>;
}

/** The import service's port onto storage (the consumer owns it; storage implements it per dialect). */
export interface EventImportPort {
  /**
   * Records written per batch (default 500). On a server a batch is one round trip; an embedded store writes row
   * by row anyway and is better served by small batches, whose rows die young instead of reaching V8's old space.
   */
  readonly batchSize?: number;
  /**
   * Creates the run record and runs `work` in one transaction. When `work` resolves, the run is finished with its
   * outcome and everything commits together; when it throws, nothing of it stays (the caller then records the
   * rejected run with `recordRun`).
   */
  inTransaction(
    run: NewImportRun,
    work: (session: EventImportSession) => Promise<ImportRunOutcome>,
  ): Promise<{ runId: number; outcome: ImportRunOutcome }>;
  /** Stores a run that wrote nothing (rejected or failed), for the import history. */
  recordRun(run: NewImportRun, outcome: ImportRunOutcome): Promise<number>;
}
