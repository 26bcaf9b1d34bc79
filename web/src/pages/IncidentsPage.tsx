import { useState } from 'react';
import { IncidentAggregates } from '../components/IncidentAggregates.tsx';
import { IncidentTable } from '../components/IncidentTable.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { incidentApi } from '../lib/incident-api.ts';
import type { IncidentPage } from '../lib/incident-types.ts';
import { STATES } from '../lib/incident-vocab.ts';
import { canRecord } from '../lib/roles.ts';
import { useSession } from '../lib/session.tsx';
import { useFetch } from '../lib/use-fetch.ts';

/**
 * The incidents the reader may see (summaries), filtered by status and paged with the server's cursor; then the
 * aggregates by month × region × harm. Analysts see only these summaries and counts.
 */
export function IncidentsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const page = useFetch<IncidentPage>(incidentApi.list(status, cursor));
  const incidents = page.data?.incidents ?? [];
  const next = page.data?.nextCursor ?? null;
  return (
    <div className="page incidents-page">
      <h1 id="page-title">{t('incidents.title')}</h1>
      <p className="lead">{user?.role === 'analyst' ? t('incidents.leadAnalyst') : t('incidents.lead')}</p>
      {user && canRecord(user.role) ? (
        <p>
          <Link to="/incidents/new" search="" className="button-link">
            {t('nav.newIncident')}
          </Link>
        </p>
      ) : null}
      <div className="field inline">
        <label htmlFor="inc-status">{t('incidents.statusFilter')}</label>
        <select
          id="inc-status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setCursors([null]);
          }}
        >
          <option value="">{t('incidents.allStatuses')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {page.error ? <ErrorMessage error={page.error} /> : null}
      {page.loading && !page.data ? <Loading /> : null}
      {page.data ? (
        incidents.length === 0 ? (
          <p className="status">{t('incidents.empty')}</p>
        ) : (
          <IncidentTable incidents={incidents} caption={t('incidents.caption')} testId="incident-list" />
        )
      ) : null}
      {cursors.length > 1 || next !== null ? (
        <nav className="pagination" aria-label={t('incidents.paging')}>
          <button
            type="button"
            className="secondary"
            disabled={cursors.length <= 1}
            onClick={() => setCursors((c) => c.slice(0, -1))}
          >
            {t('incidents.previous')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={next === null}
            onClick={() => setCursors((c) => [...c, next])}
          >
            {t('incidents.next')}
          </button>
        </nav>
      ) : null}
      <IncidentAggregates />
    </div>
  );
}
