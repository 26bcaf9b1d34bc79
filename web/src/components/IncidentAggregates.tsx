import { useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { incidentApi } from '../lib/incident-api.ts';
import type { IncidentAggregates } from '../lib/incident-types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

const MONTH = /^\d{4}-\d{2}$/;

/**
 * Counts inside the organisation (GET /api/v1/incident-aggregates): incidents and victims by month × region ×
 * harm over the incidents the reader may see. Not suppressed: they never leave the organisation.
 */
export function IncidentAggregates() {
  const { t, fmt } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<'verified' | 'all'>('all');
  const url = incidentApi.aggregates(MONTH.test(from) ? from : '', MONTH.test(to) ? to : '', status);
  const answer = useFetch<IncidentAggregates>(url);
  const cells = answer.data?.cells ?? [];
  const max = Math.max(1, ...cells.map((c) => c.incidents));
  return (
    <section className="aggregates" aria-labelledby="agg-title" data-testid="incident-aggregates">
      <h2 id="agg-title">{t('aggregates.title')}</h2>
      <p className="hint">{t('aggregates.lead')}</p>
      <form className="aggregate-filters" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="agg-from">{t('aggregates.from')}</label>
          <input id="agg-from" type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="agg-to">{t('aggregates.to')}</label>
          <input id="agg-to" type="month" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="agg-status">{t('aggregates.status')}</label>
          <select
            id="agg-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as 'verified' | 'all')}
          >
            <option value="all">{t('aggregates.all')}</option>
            <option value="verified">{t('aggregates.verified')}</option>
          </select>
        </div>
      </form>
      {answer.error ? <ErrorMessage error={answer.error} /> : null}
      {answer.loading && !answer.data ? <Loading /> : null}
      {answer.data && cells.length === 0 ? <p className="status">{t('aggregates.empty')}</p> : null}
      {cells.length > 0 ? (
        <div className="table-scroll">
          <table data-testid="aggregate-table">
            <caption>{t('aggregates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('public.month')}</th>
                <th scope="col">{t('aggregates.region')}</th>
                <th scope="col">{t('public.harm')}</th>
                <th scope="col" className="num">
                  {t('public.incidents')}
                </th>
                <th scope="col" className="num">
                  {t('public.victims')}
                </th>
              </tr>
            </thead>
            <tbody>
              {cells.map((c) => (
                <tr
                  key={`${c.month}|${c.admin1Pcode ?? ''}|${c.harm}`}
                  data-harm={c.harm}
                  data-region={c.admin1Pcode ?? ''}
                >
                  <td>{fmt.month(c.month)}</td>
                  <td>{c.admin1Pcode ?? t('aggregates.unplaced')}</td>
                  <td>{t(`incidentHarm.${c.harm}` as MessageKey)}</td>
                  <td className="num">
                    <span
                      className="agg-bar"
                      style={{ width: `${(c.incidents / max) * 4}rem` }}
                      aria-hidden="true"
                    />{' '}
                    <span data-testid="aggregate-incidents">{fmt.number(c.incidents)}</span>
                  </td>
                  <td className="num">{fmt.number(c.victims)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
