import { z } from 'zod';
import type { RowIssue } from '../../core/issues.ts';
import { t, type Locale } from '../../i18n/t.ts';
import type { ImportReport } from '../../services/import-report.ts';

const issueSchema = z.object({
  row: z.number(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});

export const importReportSchema = z.object({
  runId: z.number().nullable(),
  source: z.string(),
  file: z.string(),
  layout: z.string().nullable(),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  deleted: z.number(),
  sourceRows: z.number(),
  stored: z.boolean(),
  issues: z.array(issueSchema),
  issuesTotal: z.number(),
  warnings: z.array(issueSchema),
});

export const importRunSchema = z.object({
  id: z.number(),
  kind: z.string(),
  source: z.string(),
  fileName: z.string(),
  fileSha256: z.string().nullable(),
  layout: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.string(),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  deleted: z.number(),
  issues: z.array(z.object({ row: z.number(), column: z.string().nullable(), code: z.string() }).loose()),
});

const withMessage = (locale: Locale, i: RowIssue) => ({
  row: i.row,
  column: i.column,
  code: i.code,
  message: t(locale, `issue.${i.code}`, i.params ?? {}),
});

export function presentImportReport(locale: Locale, r: ImportReport): z.infer<typeof importReportSchema> {
  return importReportSchema.parse({
    ...r,
    issues: r.issues.map((i) => withMessage(locale, i)),
    warnings: r.warnings.map((i) => withMessage(locale, i)),
  });
}
