import type { RowIssue } from '../core/issues.ts';

/** What `vigie import … --json` prints and POST /api/v1/imports returns (DESIGN §6). */
export interface ImportReport {
  runId: number | null;
  source: string;
  file: string;
  layout: string | null;
  /** Records read (a monadic ACLED event spread over several lines is one record). */
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Events removed because the source withdrew them (ACLED deletion files); 0 for other imports. */
  deleted: number;
  /** Physical data lines read, including the extra lines of folded records. */
  sourceRows: number;
  /** True when the import stored its valid rows; false when it was rejected and nothing was stored. */
  stored: boolean;
  /** Errors of rejected records, in file order (the first MAX_LISTED_ISSUES; `issuesTotal` counts all). */
  issues: RowIssue[];
  issuesTotal: number;
  warnings: RowIssue[];
}

/** A report of nothing written yet: the starting point of every import, and the whole of a file rejected early. */
export function emptyReport(source: string, file: string, layout: string | null): ImportReport {
  return {
    runId: null,
    source,
    file,
    layout,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    deleted: 0,
    sourceRows: 0,
    stored: false,
    issues: [],
    issuesTotal: 0,
    warnings: [],
  };
}

/** A report lists at most this many issues; more would make a 100 MB error file out of a wrong delimiter. */
export const MAX_LISTED_ISSUES = 1000;

export class IssueList {
  readonly items: RowIssue[] = [];
  total = 0;
  add(issues: readonly RowIssue[]): void {
    for (const i of issues) {
      this.total++;
      if (this.items.length < MAX_LISTED_ISSUES) this.items.push(i);
    }
  }
}
