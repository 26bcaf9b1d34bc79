import type { RowIssue } from '../../core/issues.ts';

/** One import as the history shows it. */
export interface ImportRunView {
  id: number;
  kind: string;
  source: string;
  fileName: string;
  fileSha256: string | null;
  layout: string | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
  issues: RowIssue[];
}

export interface ImportRunPort {
  list(limit: number): Promise<ImportRunView[]>;
}
