import { useState, type FormEvent } from 'react';
import { ActionError } from '../components/alerts/AlertActions.tsx';
import { AlertFields, alertInput, EMPTY_DRAFT } from '../components/alerts/AlertFields.tsx';
import { Link } from '../components/Link.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { alertApi, type CreatedAlert } from '../lib/alert-api.ts';
import { ApiError, sendJson } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';

/** Raise an alert by hand (/alerts/new); on success, the new alert's page. */
export function AlertFormPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await sendJson<CreatedAlert>('POST', alertApi.create(), alertInput(draft));
      navigate(`/alerts/${answer.alert.id}`, '');
    } catch (x) {
      setError(x instanceof ApiError ? x : new ApiError(0, 'NETWORK', String(x)));
      setBusy(false);
    }
  };
  return (
    <div className="page alert-form-page">
      <p>
        <Link to="/alerts" search="">
          {t('alert.back')}
        </Link>
      </p>
      <h1 id="page-title">{t('nav.newAlert')}</h1>
      <p className="lead">{t('alertForm.lead')}</p>
      <form onSubmit={(e) => void submit(e)} data-testid="alert-form" className="narrow-form">
        <AlertFields draft={draft} onChange={setDraft} prefix="af" />
        {error ? <ActionError error={error} id="alert-form-error" /> : null}
        <button type="submit" disabled={busy}>
          {t('alertForm.submit')}
        </button>
      </form>
    </div>
  );
}
