import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import type { ImportHistory as History } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

/** Every import, newest first, with its counts and status. */
export function ImportHistory({ version }: { version: number }) {
  const { t, fmt, label } = useI18n();
  const { data, error } = useFetch<History>(api.imports(), { version });
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t('history.title')}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && data.imports.length === 0 ? <p className="status">{t('history.none')}</p> : null}
      {data && data.imports.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="import-history">
            <caption className="visually-hidden">{t('history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.when')}</th>
                <th scope="col">{t('history.kind')}</th>
                <th scope="col">{t('history.file')}</th>
                <th scope="col">{t('history.status')}</th>
                <th scope="col" className="num">
                  {t('report.rowsRead')}
                </th>
                <th scope="col" className="num">
                  {t('report.inserted')}
                </th>
                <th scope="col" className="num">
                  {t('report.updated')}
                </th>
                <th scope="col" className="num">
                  {t('report.unchanged')}
                </th>
                <th scope="col" className="num">
                  {t('report.rejected')}
                </th>
                <th scope="col" className="num">
                  {t('report.deleted')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.imports.map((r) => (
                <tr key={r.id}>
                  <td>{fmt.dateTime(r.startedAt)}</td>
                  <td>{r.kind === 'events' ? label('source', r.source) : r.kind}</td>
                  <td className="file-name">{r.fileName.split(/[\\/]/).pop()}</td>
                  <td>
                    <span className={`badge badge-${r.status}`}>{statusLabel(r.status)}</span>
                  </td>
                  <td className="num">{fmt.number(r.rowsRead)}</td>
                  <td className="num">{fmt.number(r.inserted)}</td>
                  <td className="num">{fmt.number(r.updated)}</td>
                  <td className="num">{fmt.number(r.unchanged)}</td>
                  <td className="num">{fmt.number(r.rejected)}</td>
                  <td className="num">{fmt.number(r.deleted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );

  function statusLabel(status: string): string {
    const key = `history.status.${status}`;
    const text = t(key as 'history.status');
    return text === key ? status : text;
  }
}
