import { useRef, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { ApiError, uploadImport } from '../lib/api.ts';
import type { ImportReport } from '../lib/types.ts';
import { ErrorMessage } from './StatusMessage.tsx';

const KINDS = ['acled', 'ucdp', 'acled-deletions', 'acled-monthly', 'boundaries', 'bases'] as const;
type Kind = (typeof KINDS)[number];

type Phase = { name: 'idle' } | { name: 'sending'; sent: number; total: number } | { name: 'processing' };

/**
 * Uploads one file with its kind and options. The bar shows the bytes sent; once they are all sent the server
 * is importing, which the bar shows as indeterminate until the report arrives.
 */
export function UploadForm({
  onStart,
  onReport,
}: {
  onStart: () => void;
  onReport: (r: ImportReport) => void;
}) {
  const { t, fmt } = useI18n();
  const [kind, setKind] = useState<Kind>('acled');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [level, setLevel] = useState('2');
  const [setName, setSetName] = useState('');
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [error, setError] = useState<ApiError | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = phase.name !== 'idle';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(new ApiError(0, 'NO_FILE', t('upload.noFile')));
      return;
    }
    const params = new URLSearchParams({ kind });
    if (skipInvalid) params.set('skipInvalid', 'true');
    if (kind === 'boundaries') {
      params.set('level', level);
      if (setName.trim() !== '') params.set('set', setName.trim());
    }
    setError(null);
    onStart();
    setPhase({ name: 'sending', sent: 0, total: file.size });
    const upload = uploadImport(params.toString(), file, (sent, total) =>
      setPhase(sent >= total ? { name: 'processing' } : { name: 'sending', sent, total }),
    );
    upload.done.then(
      ({ report }) => {
        setPhase({ name: 'idle' });
        onReport(report);
      },
      (err: unknown) => {
        setPhase({ name: 'idle' });
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
  };

  return (
    <section className="upload" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <form onSubmit={submit} className="upload-form">
        <div className="field">
          <label htmlFor="u-kind">{t('upload.kind')}</label>
          <select id="u-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} disabled={busy}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`upload.kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
          <p className="hint" id="u-kind-hint">
            {t(`upload.hint.${kind}` as MessageKey)}
          </p>
        </div>
        <div className="field">
          <label htmlFor="u-file">{t('upload.file')}</label>
          <input id="u-file" type="file" ref={fileInput} disabled={busy} aria-describedby="u-kind-hint" />
        </div>
        {kind === 'boundaries' ? (
          <>
            <div className="field">
              <label htmlFor="u-level">{t('upload.level')}</label>
              <select id="u-level" value={level} onChange={(e) => setLevel(e.target.value)} disabled={busy}>
                {['1', '2', '3'].map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="u-set">{t('upload.set')}</label>
              <input
                id="u-set"
                value={setName}
                placeholder="cod-ab-2017"
                pattern="[a-z0-9][a-z0-9._\-]{0,63}"
                onChange={(e) => setSetName(e.target.value)}
                disabled={busy}
              />
            </div>
          </>
        ) : null}
        <div className="field field-check">
          <input
            id="u-skip"
            type="checkbox"
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.target.checked)}
            disabled={busy}
          />
          <label htmlFor="u-skip">{t('upload.skipInvalid')}</label>
        </div>
        <button type="submit" disabled={busy}>
          {t('upload.submit')}
        </button>
      </form>
      {phase.name !== 'idle' ? (
        <div className="progress" role="status">
          <label htmlFor="u-progress">
            {phase.name === 'sending'
              ? t('upload.sending', { sent: fmt.bytes(phase.sent), total: fmt.bytes(phase.total) })
              : t('upload.processing')}
          </label>
          {phase.name === 'sending' ? (
            <progress id="u-progress" max={phase.total} value={phase.sent} />
          ) : (
            <progress id="u-progress" />
          )}
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
