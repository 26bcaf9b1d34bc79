import { useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, getJson } from '../../lib/api.ts';
import { incidentApi, uploadEvidence } from '../../lib/incident-api.ts';
import type { CustodyEntry, CustodyLog, IncidentDetail } from '../../lib/incident-types.ts';
import { ErrorMessage } from '../StatusMessage.tsx';

/**
 * Evidence files: hash, size, type; download and custody log for the case's members, and an upload (multipart
 * field `file`; the server hashes it at intake and never modifies the original). Files are named by their hash.
 */
export function EvidencePanel({ incident, onChange }: { incident: IncidentDetail; onChange: () => void }) {
  const { t, fmt } = useI18n();
  const member = incident.view === 'identities';
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [custody, setCustody] = useState<Record<string, CustodyEntry[]>>({});

  const upload = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError(new ApiError(0, 'NO_FILE', t('upload.noFile')));
      return;
    }
    setBusy(true);
    setError(null);
    uploadEvidence(incident.id, file).then(
      () => {
        setBusy(false);
        if (input.current) input.current.value = '';
        onChange();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
  };
  const showCustody = (evidenceId: string) => {
    getJson<CustodyLog>(incidentApi.custody(incident.id, evidenceId)).then(
      (answer) => setCustody((c) => ({ ...c, [evidenceId]: answer.custody })),
      (err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err))),
    );
  };

  return (
    <section aria-labelledby="evidence-title" data-testid="evidence">
      <h2 id="evidence-title">{t('evidence.title')}</h2>
      {incident.evidence.length === 0 ? <p className="status">{t('evidence.none')}</p> : null}
      <ul className="evidence-list">
        {incident.evidence.map((e) => (
          <li key={e.id}>
            <code title={e.sha256}>{e.sha256.slice(0, 16)}…</code> — {e.mediaType}, {fmt.bytes(e.sizeBytes)},{' '}
            {fmt.dateTime(e.receivedAt)}
            {member ? (
              <>
                {' '}
                <a
                  href={incidentApi.evidence(incident.id, e.id)}
                  download={`evidence-${e.sha256.slice(0, 16)}`}
                >
                  {t('evidence.download')}
                </a>{' '}
                <button type="button" className="link-button" onClick={() => showCustody(e.id)}>
                  {t('evidence.custody')}
                </button>
              </>
            ) : null}
            {custody[e.id] ? (
              <ol className="custody" aria-label={t('evidence.custody')}>
                {custody[e.id]!.map((c, n) => (
                  <li key={n}>
                    {fmt.dateTime(c.at)} — {t(`custody.${c.action}`)} ({c.userId})
                    {c.note ? ` : ${c.note}` : ''}
                  </li>
                ))}
              </ol>
            ) : null}
          </li>
        ))}
      </ul>
      {member ? (
        <form onSubmit={upload} className="upload-form">
          <div className="field">
            <label htmlFor="ev-file">{t('evidence.file')}</label>
            <input id="ev-file" type="file" ref={input} disabled={busy} aria-describedby="ev-file-hint" />
            <p className="hint" id="ev-file-hint">
              {t('evidence.hint')}
            </p>
          </div>
          <button type="submit" disabled={busy}>
            {busy ? t('form.sending') : t('evidence.upload')}
          </button>
        </form>
      ) : (
        <p className="hint">{t('evidence.membersOnly')}</p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
