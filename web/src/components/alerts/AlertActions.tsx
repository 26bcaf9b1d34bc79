import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { ALERT_OUTCOMES, alertApi, type AlertAction, type AlertDetail } from '../../lib/alert-api.ts';
import type { ApiBody, Draft } from '../../lib/api-types.ts';
import { ApiError, sendJson } from '../../lib/api.ts';

const PLAIN = new Set(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'NETWORK', 'VALIDATION_FAILED']);
/** Codes whose plain words say it all; for the others the server's message (field issues…) follows. */
const SELF_EXPLAINED = new Set(['CONFLICT', 'FORBIDDEN', 'NOT_FOUND', 'NETWORK']);

/** A refused change in plain words, then the server's message where it adds something, and the code. */
export function ActionError({ error, id }: { error: ApiError; id: string }) {
  const { t } = useI18n();
  const plain = PLAIN.has(error.code) ? t(`alertError.${error.code}` as MessageKey) : t('status.error');
  return (
    <div className="error" role="alert" id={id} data-code={error.code}>
      <p>
        <strong>{plain}</strong> {SELF_EXPLAINED.has(error.code) ? null : error.message}{' '}
        <code className="error-code">[{error.code}]</code>
      </p>
    </div>
  );
}

/** Acknowledge, start the response, close with an outcome from the fixed list and a note (keyed by alert id). */
export function AlertActions({ alert, onDone }: { alert: AlertDetail; onDone: () => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const act = async (action: AlertAction, body?: Draft<ApiBody<'/api/v1/alerts/{id}/close'>>) => {
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', alertApi.move(alert.id, action), body);
      setNote('');
      onDone();
    } catch (e) {
      const failed = e instanceof ApiError ? e : new ApiError(0, 'NETWORK', String(e));
      setError(failed);
      // Someone else moved the alert: show its current state (the explanation stays).
      if (failed.code === 'CONFLICT') onDone();
    } finally {
      setBusy(false);
    }
  };
  const close = (e: FormEvent) => {
    e.preventDefault();
    void act('close', note.trim() === '' ? { outcome } : { outcome, note: note.trim() });
  };
  if (alert.state === 'closed') return null;
  return (
    <section className="panel" aria-labelledby="alert-actions-title" data-testid="alert-actions">
      <h2 id="alert-actions-title">{t('alert.actions')}</h2>
      {error ? <ActionError error={error} id="alert-action-error" /> : null}
      <p className="actions">
        {alert.state === 'open' ? (
          <button type="button" disabled={busy} onClick={() => void act('acknowledge')}>
            {t('alert.acknowledge')}
          </button>
        ) : null}
        {alert.state === 'open' || alert.state === 'acknowledged' ? (
          <button type="button" disabled={busy} onClick={() => void act('respond')}>
            {t('alert.respond')}
          </button>
        ) : null}
      </p>
      <form onSubmit={close}>
        <div className="field">
          <label htmlFor="alert-outcome">{t('alert.outcome')}</label>
          <select id="alert-outcome" required value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">{t('alert.chooseOutcome')}</option>
            {ALERT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`alertOutcome.${o}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="alert-note">{t('alert.note')}</label>
          <textarea
            id="alert-note"
            rows={3}
            maxLength={2000}
            aria-describedby="alert-note-hint"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <p className="hint" id="alert-note-hint">
            {t('alert.noteHint')}
          </p>
        </div>
        <button type="submit" disabled={busy || outcome === ''}>
          {t('alert.close')}
        </button>
      </form>
    </section>
  );
}
