import { useState, type ReactNode } from 'react';
import { AlertActions } from '../components/alerts/AlertActions.tsx';
import { areaName, duration, harmLabel } from '../components/alerts/AlertTable.tsx';
import { AlertTimeline } from '../components/alerts/AlertTimeline.tsx';
import { AlertAreaLinks } from '../components/area/AlertAreaLinks.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { alertApi, isOverdue, type AlertDetail } from '../lib/alert-api.ts';
import { canRecord } from '../lib/roles.ts';
import { useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useFetch } from '../lib/use-fetch.ts';

/**
 * One alert (/alerts/:id): area, severity, evidence (text for monitors and admins; links to events and
 * incidents), owner, required response, deadline; the timeline with who and when; the actions the state allows
 * (monitors, admins and the owner: analysts read).
 */
export function AlertPage() {
  const { t, fmt } = useI18n();
  const { user } = useSession();
  const { path } = useLocation();
  const id = path.split('/')[2] ?? '';
  const [version, setVersion] = useState(0);
  const answer = useFetch<AlertDetail>(alertApi.alert(id), { version });
  const a = answer.data;
  const who = (uid: string | null) =>
    uid === null
      ? t('alert.system')
      : uid === user?.id
        ? t('alert.you')
        : t('alert.user', { id: uid.slice(0, 8) });
  const fact = (label: MessageKey, value: ReactNode, testId?: string) => (
    <>
      <dt>{t(label)}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
  return (
    <div className="page alert-page">
      <p>
        <Link to="/alerts" search="">
          {t('alert.back')}
        </Link>
      </p>
      <h1 id="page-title">{a ? t('alert.title', { reference: a.reference }) : t('alert.loadingTitle')}</h1>
      {answer.error ? <ErrorMessage error={answer.error} /> : null}
      {answer.loading && !a ? <Loading /> : null}
      {a ? (
        <div className="incident-layout">
          <div>
            <dl className="detail-list" data-testid="alert-facts">
              {fact('alerts.col.state', t(`alertState.${a.state}` as MessageKey), 'alert-state')}
              {fact('alerts.col.severity', t(`alertSeverity.${a.severity}` as MessageKey))}
              {fact('alerts.col.area', <AlertAreaLinks area={a.area} name={areaName(a)} />)}
              {fact(
                'alerts.col.harm',
                a.peopleCount === null
                  ? harmLabel(t, a.harm)
                  : `${harmLabel(t, a.harm)} · ${t('alert.people', { n: a.peopleCount })}`,
              )}
              {fact('alert.requiredResponse', a.requiredResponse)}
              {fact(
                'alerts.col.deadline',
                <>
                  {fmt.dateTime(a.deadline)}
                  {isOverdue(a) ? <strong className="overdue"> {t('alerts.overdue')}</strong> : null}
                </>,
              )}
              {fact('alert.owner', a.ownerId === null ? t('alert.noOwner') : who(a.ownerId))}
              {fact('alert.source', t(`alertSource.${a.source}` as MessageKey))}
              {fact('alert.createdAt', `${fmt.dateTime(a.createdAt)} · ${who(a.createdBy)}`)}
              {fact('alert.toAck', duration(t, a.timings.toAcknowledge))}
              {fact('alert.toRespond', duration(t, a.timings.toRespond))}
              {a.outcome
                ? fact('alert.outcome', t(`alertOutcome.${a.outcome}` as MessageKey), 'alert-outcome')
                : null}
            </dl>
            <section aria-labelledby="alert-evidence-title">
              <h2 id="alert-evidence-title">{t('alert.evidence')}</h2>
              {a.evidenceText ? (
                <p className="evidence-text" data-testid="alert-evidence">
                  {a.evidenceText}
                </p>
              ) : (
                <p className="hint">{t('alert.noEvidenceText')}</p>
              )}
              {a.links.events.length + a.links.incidents.length + a.links.firings.length > 0 ? (
                <ul>
                  {a.links.events.map((e) => (
                    <li key={`e${e}`}>
                      <Link to="/events" search={`event=${e}`}>
                        {t('alert.eventLink', { id: e })}
                      </Link>
                    </li>
                  ))}
                  {a.links.incidents.map((i) => (
                    <li key={i}>
                      <Link to={`/incidents/${i}`} search="">
                        {t('alert.incidentLink', { id: i.slice(0, 8) })}
                      </Link>
                    </li>
                  ))}
                  {a.links.firings.map((f) => (
                    <li key={f}>{t('alert.firing', { key: f })}</li>
                  ))}
                </ul>
              ) : null}
              {a.messages.map((m) => (
                <p key={m.id} className="hint">
                  {t('alert.message', { gateway: m.gateway, at: fmt.dateTime(m.receivedAt) })}{' '}
                  {m.text ? <q>{m.text}</q> : null}
                </p>
              ))}
            </section>
            <AlertTimeline alert={a} who={who} />
          </div>
          {user && (canRecord(user.role) || a.ownerId === user.id) ? (
            <AlertActions key={a.id} alert={a} onDone={() => setVersion((v) => v + 1)} />
          ) : (
            <p className="hint">{t('alert.readOnly')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
