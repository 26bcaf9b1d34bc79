import { useState } from 'react';
import { AlertTable, duration } from '../components/alerts/AlertTable.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ALERT_STATES, alertApi, inboxOrder, type AlertMetrics, type AlertPage } from '../lib/alert-api.ts';
import { canRecord } from '../lib/roles.ts';
import { useSession } from '../lib/session.tsx';
import { useFetch } from '../lib/use-fetch.ts';

const ACTIVE = 'open,acknowledged,responding';

/**
 * The alerts inbox: active alerts by default, open work first, then by severity and deadline, overdue said in
 * words; the medians of time to acknowledge and to respond. Analysts read it (and may raise alerts).
 */
export function AlertsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [states, setStates] = useState(ACTIVE);
  const list = useFetch<AlertPage>(alertApi.list(states));
  const metrics = useFetch<AlertMetrics>(alertApi.metrics());
  const alerts = [...(list.data?.alerts ?? [])].sort(inboxOrder);
  const m = metrics.data;
  return (
    <div className="page alerts-page">
      <h1 id="page-title">{t('alerts.title')}</h1>
      <p className="lead">{t('alerts.lead')}</p>
      <p className="actions">
        <Link to="/alerts/new" search="" className="button-link">
          {t('nav.newAlert')}
        </Link>
        {user && canRecord(user.role) ? (
          <Link to="/alerts/triage" search="" className="button-link secondary">
            {t('nav.triage')}
          </Link>
        ) : null}
      </p>
      {m ? (
        <dl className="figure-grid" data-testid="alert-metrics">
          <div className="figure">
            <dt>{t('alerts.medianAck')}</dt>
            <dd className="figure-value">{duration(t, m.medianToAcknowledge)}</dd>
          </div>
          <div className="figure">
            <dt>{t('alerts.medianRespond')}</dt>
            <dd className="figure-value">{duration(t, m.medianToRespond)}</dd>
          </div>
          <div className="figure">
            <dt>{t('alerts.counted')}</dt>
            <dd>{t('alerts.countedValue', { n: m.alerts, a: m.acknowledged, r: m.responded })}</dd>
          </div>
        </dl>
      ) : null}
      {metrics.error ? <ErrorMessage error={metrics.error} /> : null}
      <div className="field inline">
        <label htmlFor="alert-states">{t('alerts.stateFilter')}</label>
        <select id="alert-states" value={states} onChange={(e) => setStates(e.target.value)}>
          <option value={ACTIVE}>{t('alerts.active')}</option>
          <option value="">{t('alerts.all')}</option>
          {ALERT_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`alertState.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data ? (
        alerts.length === 0 ? (
          <p className="status">{t('alerts.empty')}</p>
        ) : (
          <AlertTable alerts={alerts} caption={t('alerts.caption')} />
        )
      ) : null}
      {list.data?.nextCursor ? <p className="hint">{t('alerts.more')}</p> : null}
    </div>
  );
}
