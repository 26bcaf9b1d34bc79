import { useState, type FormEvent } from 'react';
import { ActionError } from '../components/alerts/AlertActions.tsx';
import { AlertFields, alertInput, EMPTY_DRAFT, type AlertDraft } from '../components/alerts/AlertFields.tsx';
import { harmLabel } from '../components/alerts/AlertTable.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { alertApi, type TriageMessage, type TriageQueue, type TriageResolution } from '../lib/alert-api.ts';
import type { Draft } from '../lib/api-types.ts';
import { ApiError, sendJson } from '../lib/api.ts';
import { useFetch } from '../lib/use-fetch.ts';

/** Community messages that did not parse: read (sender masked), then turned into an alert or dismissed. */
export function TriagePage() {
  const { t } = useI18n();
  const [version, setVersion] = useState(0);
  const queue = useFetch<TriageQueue>(alertApi.triage(), { version });
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="page triage-page">
      <p>
        <Link to="/alerts" search="">
          {t('alert.back')}
        </Link>
      </p>
      <h1 id="page-title">{t('triage.title')}</h1>
      <p className="lead">{t('triage.lead')}</p>
      <div role="status">{done ? <p className="status">{done}</p> : null}</div>
      {queue.error ? <ErrorMessage error={queue.error} /> : null}
      {queue.loading && !queue.data ? <Loading /> : null}
      {queue.data ? (
        queue.data.messages.length === 0 ? (
          <p className="status" data-testid="triage-empty">
            {t('triage.empty')}
          </p>
        ) : (
          <ul className="triage-list" data-testid="triage-queue">
            {queue.data.messages.map((m) => (
              <TriageItem
                key={m.id}
                message={m}
                onDone={(what) => {
                  setDone(what);
                  setVersion((v) => v + 1);
                }}
              />
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

function draftOf(m: TriageMessage): AlertDraft {
  const place = m.parse.place ?? m.parse.candidates[0] ?? null;
  return {
    ...EMPTY_DRAFT,
    pcode: place?.code ?? '',
    name: place?.name ?? '',
    severity: m.parse.severity,
    harm: m.parse.harm ?? 'unspecified',
    peopleCount: m.parse.count === null ? '' : String(m.parse.count),
  };
}

function TriageItem({ message: m, onDone }: { message: TriageMessage; onDone: (what: string) => void }) {
  const { t, fmt } = useI18n();
  const [draft, setDraft] = useState(() => draftOf(m));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const decide = async (body: Draft<TriageResolution>, what: string) => {
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', alertApi.resolve(m.id), body);
      onDone(what);
    } catch (x) {
      setError(x instanceof ApiError ? x : new ApiError(0, 'NETWORK', String(x)));
      setBusy(false);
    }
  };
  const resolve = (e: FormEvent) => {
    e.preventDefault();
    void decide({ action: 'alert', alert: alertInput(draft) }, t('triage.resolved'));
  };
  const heading = `triage-${m.id}`;
  return (
    <li className="panel" aria-labelledby={heading} data-testid="triage-item">
      <h2 id={heading}>{t('triage.item', { sender: m.sender, at: fmt.dateTime(m.receivedAt) })}</h2>
      <p>{m.text === null ? <em>{t('triage.noText')}</em> : <q data-testid="triage-text">{m.text}</q>}</p>
      <p className="hint">
        {t('triage.parse', {
          gateway: m.gateway,
          n: m.messagesFromSender,
          reasons: m.parse.reasons.join(', ') || '—',
          harm: m.parse.harm ? harmLabel(t, m.parse.harm) : '—',
        })}
      </p>
      {m.parse.candidates.length > 1 ? (
        <p className="hint">
          {t('triage.candidates', {
            places: m.parse.candidates.map((c) => `${c.name} (${c.code})`).join(', '),
          })}
        </p>
      ) : null}
      {error ? <ActionError error={error} id={`${heading}-error`} /> : null}
      <details>
        <summary>{t('triage.resolve')}</summary>
        <form onSubmit={resolve}>
          <AlertFields draft={draft} onChange={setDraft} prefix={`tr-${m.id.slice(0, 8)}`} full={false} />
          <button type="submit" disabled={busy}>
            {t('triage.resolveSubmit')}
          </button>
        </form>
      </details>
      <p>
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void decide({ action: 'dismiss' }, t('triage.dismissed'))}
        >
          {t('triage.dismiss')}
        </button>
      </p>
    </li>
  );
}
