import { useI18n } from '../i18n/i18n.tsx';
import type { ImportIssue, ImportReport } from '../lib/types.ts';

const COUNTS = ['rowsRead', 'inserted', 'updated', 'unchanged', 'rejected', 'deleted'] as const;

/** What an import did: the counts and, for a rejected or partly rejected file, the list of issues by row. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, fmt } = useI18n();
  return (
    <section
      className={report.stored ? 'report report-ok' : 'report report-rejected'}
      aria-labelledby="report-title"
      data-testid="import-report"
      data-stored={report.stored}
    >
      <h2 id="report-title" tabIndex={-1} ref={(h) => h?.focus()}>
        {report.stored
          ? t('report.titleStored', { file: report.file })
          : t('report.titleRejected', { file: report.file })}
      </h2>
      {!report.stored ? <p role="alert">{t('report.rejectedHelp')}</p> : null}
      <dl className="report-counts">
        {COUNTS.map((c) => (
          <div key={c}>
            <dt>{t(`report.${c}`)}</dt>
            <dd>{fmt.number(report[c])}</dd>
          </div>
        ))}
      </dl>
      {report.layout ? <p>{t('report.layout', { layout: report.layout })}</p> : null}
      <IssueTable
        title={t('report.issues', { count: report.issuesTotal, n: fmt.number(report.issuesTotal) })}
        issues={report.issues}
        testId="import-issues"
      />
      {report.issuesTotal > report.issues.length ? (
        <p>
          {t('report.moreIssues', {
            count: report.issuesTotal - report.issues.length,
            n: fmt.number(report.issuesTotal - report.issues.length),
          })}
        </p>
      ) : null}
      <IssueTable
        title={t('report.warnings', { count: report.warnings.length })}
        issues={report.warnings}
        testId="import-warnings"
      />
    </section>
  );
}

function IssueTable({ title, issues, testId }: { title: string; issues: ImportIssue[]; testId: string }) {
  const { t, fmt } = useI18n();
  if (issues.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="issues" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.row')}</th>
            <th scope="col">{t('report.column')}</th>
            <th scope="col">{t('report.message')}</th>
            <th scope="col">{t('report.code')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n}>
              <td className="num">{i.row > 0 ? fmt.number(i.row) : '—'}</td>
              <td>{i.column ?? '—'}</td>
              <td>{i.message}</td>
              <td>
                <code>{i.code}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
