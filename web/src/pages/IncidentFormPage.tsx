import { useState, type FormEvent } from 'react';
import { CheckGroup, FieldErrors, TextField } from '../components/incident-form/fields.tsx';
import { fieldLabel } from '../components/incident-form/field-labels.ts';
import { FlagsSection } from '../components/incident-form/FlagsSection.tsx';
import { PerpetratorRows } from '../components/incident-form/PerpetratorRows.tsx';
import { SourceRows } from '../components/incident-form/SourceRows.tsx';
import { VictimCountRows } from '../components/incident-form/VictimCountRows.tsx';
import { VictimRecords } from '../components/incident-form/VictimRecords.tsx';
import { WhenWhereSection } from '../components/incident-form/WhenWhereSection.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiError } from '../lib/api.ts';
import { recordIncident } from '../lib/incident-api.ts';
import {
  emptyForm,
  fieldId,
  issuesByField,
  toRequestBody,
  type IncidentFormState,
} from '../lib/incident-form-state.ts';
import { HARM_TYPES } from '../lib/incident-vocab.ts';
import { navigate } from '../lib/router.ts';

/**
 * Records an incident (POST /api/v1/incidents). The clientId is made once per form, so sending again after a
 * network failure returns the first record instead of a duplicate. Server validation errors are shown next to
 * their fields and listed at the top, each a link to its field.
 */
export function IncidentFormPage() {
  const { t } = useI18n();
  const [form, setForm] = useState<IncidentFormState>(emptyForm);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const patch = (change: Partial<IncidentFormState>) => setForm((f) => ({ ...f, ...change }));
  const errors =
    error?.code === 'VALIDATION_FAILED' ? issuesByField(error.details) : new Map<string, string[]>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    recordIncident(toRequestBody(form)).then(
      (recorded) => navigate(`/incidents/${recorded.id}`, recorded.created ? '' : 'already=1'),
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
        document.getElementById('form-errors')?.focus();
      },
    );
  };

  return (
    <div className="page incident-form-page">
      <h1 id="page-title">{t('form.title')}</h1>
      <p className="lead">{t('form.lead')}</p>
      <div id="form-errors" tabIndex={-1}>
        {error ? <ErrorSummary error={error} errors={errors} /> : null}
      </div>
      <FieldErrors.Provider value={errors}>
        <form onSubmit={submit} noValidate className="incident-form" data-testid="incident-form">
          <WhenWhereSection form={form} patch={patch} />
          <div className="form-section">
            <CheckGroup
              k="harmTypes"
              legend={t('form.harmTypes')}
              options={HARM_TYPES}
              prefix="incidentHarm"
              value={form.harmTypes}
              onChange={(v) => patch({ harmTypes: v })}
            />
          </div>
          <div className="form-section">
            <TextField
              k="narrative"
              label={t('form.narrative')}
              value={form.narrative}
              onChange={(v) => patch({ narrative: v })}
              hint={t('form.narrativeHint')}
              multiline
              required
            />
          </div>
          <PerpetratorRows form={form} patch={patch} />
          <SourceRows form={form} patch={patch} />
          <FlagsSection form={form} patch={patch} />
          <VictimCountRows form={form} patch={patch} />
          <VictimRecords
            rows={form.victims}
            harmTypes={form.harmTypes}
            onChange={(victims) => patch({ victims })}
          />
          <p>
            <button type="submit" disabled={busy}>
              {busy ? t('form.sending') : t('form.submit')}
            </button>
          </p>
        </form>
      </FieldErrors.Provider>
    </div>
  );
}

function ErrorSummary({ error, errors }: { error: ApiError; errors: Map<string, string[]> }) {
  const { t } = useI18n();
  if (error.code !== 'VALIDATION_FAILED')
    return (
      <div className="error" role="alert" data-code={error.code}>
        <p>
          <strong>{error.code === 'NETWORK' ? t('form.network') : t('status.error')}</strong>{' '}
          {error.code === 'NETWORK' ? '' : `${error.message} [${error.code}]`}
        </p>
      </div>
    );
  return (
    <div className="error" role="alert" data-code={error.code}>
      <p>
        <strong>{t('form.invalid', { count: errors.size })}</strong>
      </p>
      <ul>
        {[...errors].map(([key, messages]) => (
          <li key={key}>
            <a href={`#${fieldId(key)}`}>{fieldLabel(key, t)}</a> : {messages.join(' ; ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
