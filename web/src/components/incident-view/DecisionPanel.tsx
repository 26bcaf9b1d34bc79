import { useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { decide } from '../../lib/incident-api.ts';
import type { IncidentDetail } from '../../lib/incident-types.ts';
import { nextStates, STANDARDS_OF_PROOF, type StandardOfProof } from '../../lib/incident-vocab.ts';

/**
 * Moves the verification workflow: the decisions the current state allows, the standard of proof when
 * verifying, a reason for every decision but starting review. Sends the version read, so a decision taken on a
 * stale page answers CONFLICT; the reporter's own incident answers FORBIDDEN (four eyes).
 */
export function DecisionPanel({ incident, onDecided }: { incident: IncidentDetail; onDecided: () => void }) {
  const { t } = useI18n();
  const choices = nextStates(incident.status);
  const [to, setTo] = useState(choices[0]);
  const [standard, setStandard] = useState<StandardOfProof>('reasonable_grounds');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const target = choices.find((c) => c === to) ?? choices[0];
  const needsReason = target !== 'under_review';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (target === undefined) return;
    if (needsReason && reason.trim() === '') {
      setError(new ApiError(0, 'REASON_MISSING', t('decision.reasonMissing')));
      return;
    }
    setBusy(true);
    setError(null);
    decide(incident.id, {
      to: target,
      ...(target === 'verified' ? { standardOfProof: standard } : {}),
      ...(needsReason ? { reason: reason.trim() } : {}),
      version: incident.version,
    }).then(
      () => {
        setBusy(false);
        setReason('');
        onDecided();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
  };
  if (choices.length === 0) return null;
  const message = error ? messageOf(error, t) : null;
  return (
    <section aria-labelledby="decision-title" className="decision-panel" data-testid="decision-panel">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset className="check-group">
          <legend>{t('decision.to')}</legend>
          {choices.map((c) => (
            <div className="field-check" key={c}>
              <input
                type="radio"
                name="decision-to"
                id={`decision-${c}`}
                value={c}
                checked={target === c}
                onChange={() => setTo(c)}
              />
              <label htmlFor={`decision-${c}`}>{t(`decision.${c}` as MessageKey)}</label>
            </div>
          ))}
        </fieldset>
        {target === 'verified' ? (
          <div className="field">
            <label htmlFor="decision-standard">{t('decision.standard')}</label>
            <select
              id="decision-standard"
              value={standard}
              onChange={(e) => setStandard(e.target.value as StandardOfProof)}
            >
              {STANDARDS_OF_PROOF.map((s) => (
                <option key={s} value={s}>
                  {t(`proof.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {needsReason ? (
          <div className="field wide">
            <label htmlFor="decision-reason">{t('decision.reason')}</label>
            <textarea
              id="decision-reason"
              rows={3}
              value={reason}
              required
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={error?.code === 'REASON_MISSING' ? true : undefined}
              aria-describedby={message ? 'decision-error' : undefined}
            />
          </div>
        ) : null}
        {message ? (
          <div className="error" role="alert" id="decision-error" data-code={error?.code}>
            <p>{message}</p>
          </div>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? t('form.sending') : t('decision.submit')}
        </button>
      </form>
    </section>
  );
}

function messageOf(error: ApiError, t: ReturnType<typeof useI18n>['t']): string {
  if (error.code === 'CONFLICT') return t('decision.conflict');
  if (error.code === 'FORBIDDEN') return t('decision.forbidden');
  if (error.code === 'REASON_MISSING') return error.message;
  if (error.code === 'NETWORK') return t('form.network');
  return `${error.message} [${error.code}]`;
}
