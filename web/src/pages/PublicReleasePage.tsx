import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { incidentApi } from '../lib/incident-api.ts';
import type { PublicRelease } from '../lib/incident-types.ts';
import { useFetch } from '../lib/use-fetch.ts';

/**
 * The redacted public release (GET /api/v1/public/incidents), open to anyone: verified incidents by cercle ×
 * month × harm × perpetrator category, small cells withheld. Explains k-suppression in plain words.
 */
export function PublicReleasePage() {
  const { t, fmt, label } = useI18n();
  const release = useFetch<PublicRelease>(incidentApi.publicRelease('json'));
  const data = release.data;
  const safe = (n: number | null) =>
    n === null ? t('public.fewerThanK', { k: data?.k ?? 5 }) : fmt.number(n);
  return (
    <section className="page public-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('public.title')}</h1>
      <p className="lead">{t('public.lead')}</p>
      <div className="explain" data-testid="public-explain">
        <h2>{t('public.howTitle')}</h2>
        <p>{t('public.how', { k: data?.k ?? 5 })}</p>
        <p>{t('public.noTotals')}</p>
      </div>
      <p className="downloads">
        <a href={incidentApi.publicRelease('csv')} download>
          {t('public.csv')}
        </a>{' '}
        <a href={incidentApi.publicRelease('hxl')} download>
          {t('public.hxl')}
        </a>
      </p>
      {release.error ? <ErrorMessage error={release.error} /> : null}
      {release.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <div className="table-scroll">
            <table data-testid="public-table">
              <caption>{t('public.caption', { k: data.k })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('public.month')}</th>
                  <th scope="col">{t('public.place')}</th>
                  <th scope="col">{t('public.harm')}</th>
                  <th scope="col">{t('public.perpetrator')}</th>
                  <th scope="col" className="num">
                    {t('public.incidents')}
                  </th>
                  <th scope="col" className="num">
                    {t('public.victims')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.cells.map((c) => (
                  <tr
                    key={`${c.month}|${c.admin2Pcode ?? c.admin1Pcode ?? ''}|${c.harm}|${c.perpetrator}`}
                    data-place={c.admin2Pcode ?? c.admin1Pcode ?? ''}
                    data-harm={c.harm}
                  >
                    <td>{fmt.month(`${c.month}-01`)}</td>
                    <td>{c.admin2Pcode ?? t('public.admin1Only', { code: c.admin1Pcode ?? '—' })}</td>
                    <td>{t(`incidentHarm.${c.harm}` as MessageKey)}</td>
                    <td>{label('perpetrator', c.perpetrator)}</td>
                    <td className="num" data-testid="public-incidents">
                      {fmt.number(c.incidents)}
                    </td>
                    <td className="num">{fmt.number(c.victims)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.cells.length === 0 ? <p className="status">{t('public.empty')}</p> : null}
          <h2>{t('public.notesTitle')}</h2>
          <ul className="notes-list" data-testid="public-notes">
            <li>{t('public.suppressed', { count: data.notes.suppressedCells })}</li>
            <li>{t('public.coarsened', { value: safe(data.notes.coarsenedToAdmin1) })}</li>
            <li>{t('public.dropped', { value: safe(data.notes.droppedWithoutLocation) })}</li>
            <li>{t('public.invalid', { value: safe(data.notes.droppedInvalid) })}</li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
