import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError } from '../../lib/api.ts';
import { addVictims } from '../../lib/incident-api.ts';
import { issuesByField, newVictim, victimBody, type VictimRow } from '../../lib/incident-form-state.ts';
import type { IncidentDetail } from '../../lib/incident-types.ts';
import { FieldErrors } from '../incident-form/fields.tsx';
import { VictimRecords } from '../incident-form/VictimRecords.tsx';
import { ErrorMessage } from '../StatusMessage.tsx';

/** For the case's members: more individual victim records, with the same fields and warning as the form. */
export function AddVictimsPanel({ incident, onAdded }: { incident: IncidentDetail; onAdded: () => void }) {
  const { t } = useI18n();
  const [rows, setRows] = useState<VictimRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const errors =
    error?.code === 'VALIDATION_FAILED' ? issuesByField(error.details) : new Map<string, string[]>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    addVictims(incident.id, rows.map(victimBody)).then(
      () => {
        setBusy(false);
        setRows([]);
        onAdded();
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      },
    );
  };

  if (rows.length === 0)
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setRows([newVictim(incident.harmTypes)])}>
          {t('victims.addRecords')}
        </button>
      </p>
    );
  return (
    <FieldErrors.Provider value={errors}>
      <form onSubmit={submit} noValidate data-testid="add-victims">
        <VictimRecords rows={rows} harmTypes={incident.harmTypes} onChange={setRows} />
        {error ? <ErrorMessage error={error} /> : null}
        <p>
          <button type="submit" disabled={busy}>
            {busy ? t('form.sending') : t('victims.save')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setRows([])} disabled={busy}>
            {t('victims.cancel')}
          </button>
        </p>
      </form>
    </FieldErrors.Provider>
  );
}
