import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { confirmLink, incidentApi } from '../../lib/incident-api.ts';
import type { Candidates, IncidentDetail } from '../../lib/incident-types.ts';
import { useFetch } from '../../lib/use-fetch.ts';
import { ErrorMessage, Loading } from '../StatusMessage.tsx';

/** Imported events that may be this incident (distance, days, kind), each with a button to confirm the link. */
export function CandidatesPanel({ incident, onChange }: { incident: IncidentDetail; onChange: () => void }) {
  const { t, fmt, label } = useI18n();
  const [version, setVersion] = useState(0);
  const answer = useFetch<Candidates>(incidentApi.candidates(incident.id), { version });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const linked = new Set(incident.eventLinks.map((l) => l.eventId));
  const confirm = (eventId: number) => {
    setBusy(eventId);
    setError(null);
    confirmLink(incident.id, eventId).then(
      () => {
        setBusy(null);
        setVersion((v) => v + 1);
        onChange();
      },
      (err: unknown) => {
        setBusy(null);
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
  };
  const candidates = answer.data?.candidates ?? [];
  return (
    <section aria-labelledby="candidates-title" data-testid="candidates">
      <h2 id="candidates-title">{t('candidates.title')}</h2>
      {incident.eventLinks.length > 0 ? (
        <p>{t('candidates.linked', { ids: incident.eventLinks.map((l) => `#${l.eventId}`).join(', ') })}</p>
      ) : null}
      {answer.error ? <ErrorMessage error={answer.error} /> : null}
      {answer.loading && !answer.data ? <Loading /> : null}
      {answer.data && candidates.length === 0 ? <p className="status">{t('candidates.none')}</p> : null}
      {candidates.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>{t('candidates.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('candidates.event')}</th>
                <th scope="col">{t('incident.date')}</th>
                <th scope="col">{t('candidates.kind')}</th>
                <th scope="col" className="num">
                  {t('candidates.distance')}
                </th>
                <th scope="col" className="num">
                  {t('candidates.days')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('candidates.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) => (
                <tr key={c.eventId}>
                  <td>
                    #{c.eventId} {c.location ?? ''} ({c.source})
                  </td>
                  <td>{fmt.date(c.date)}</td>
                  <td>{label('eventType', c.eventType)}</td>
                  <td className="num">{c.distanceKm === null ? '—' : fmt.number(c.distanceKm)}</td>
                  <td className="num">{fmt.number(c.dayGap)}</td>
                  <td>
                    {linked.has(c.eventId) ? (
                      t('candidates.confirmed')
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy !== null}
                        onClick={() => confirm(c.eventId)}
                      >
                        {t('candidates.confirm', { id: c.eventId })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
