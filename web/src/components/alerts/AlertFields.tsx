import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { ALERT_HARMS, ALERT_SEVERITIES, type AlertInput } from '../../lib/alert-api.ts';
import type { Draft } from '../../lib/api-types.ts';
import { harmLabel } from './AlertTable.tsx';

export interface AlertDraft {
  pcode: string;
  name: string;
  severity: string;
  harm: string;
  peopleCount: string;
  requiredResponse: string;
  evidence: string;
  deadline: string;
}
export const EMPTY_DRAFT: AlertDraft = {
  pcode: '',
  name: '',
  severity: 'high',
  harm: 'unspecified',
  peopleCount: '',
  requiredResponse: '',
  evidence: '',
  deadline: '',
};

/** The API body of a draft; blank optional fields are left out (the server then sets the default deadline). */
export function alertInput(d: AlertDraft): Draft<AlertInput> {
  const input: Draft<AlertInput> = {
    area: { pcode: d.pcode.trim().toUpperCase(), ...(d.name.trim() ? { name: d.name.trim() } : {}) },
    severity: d.severity,
    harm: d.harm,
    requiredResponse: d.requiredResponse.trim(),
  };
  if (d.peopleCount !== '') input.peopleCount = Number(d.peopleCount);
  if (d.evidence.trim() !== '') input.evidence = { text: d.evidence.trim() };
  if (d.deadline !== '') input.deadline = new Date(d.deadline).toISOString();
  return input;
}

/** Area (P-code and name), severity, what happened, how many, response required, deadline, evidence text. */
export function AlertFields({
  draft,
  onChange,
  prefix,
  full = true,
}: {
  draft: AlertDraft;
  onChange: (d: AlertDraft) => void;
  prefix: string;
  full?: boolean;
}) {
  const { t } = useI18n();
  const set = (k: keyof AlertDraft) => (e: { target: { value: string } }) =>
    onChange({ ...draft, [k]: e.target.value });
  const id = (k: string) => `${prefix}-${k}`;
  return (
    <>
      <div className="field">
        <label htmlFor={id('pcode')}>{t('alertForm.pcode')}</label>
        <input
          id={id('pcode')}
          required
          pattern="[A-Za-z]{2}[0-9A-Za-z]{0,10}"
          aria-describedby={id('pcode-hint')}
          value={draft.pcode}
          onChange={set('pcode')}
        />
        <p className="hint" id={id('pcode-hint')}>
          {t('alertForm.pcodeHint')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={id('name')}>{t('alertForm.name')}</label>
        <input id={id('name')} maxLength={120} value={draft.name} onChange={set('name')} />
      </div>
      <div className="field">
        <label htmlFor={id('severity')}>{t('alerts.col.severity')}</label>
        <select id={id('severity')} value={draft.severity} onChange={set('severity')}>
          {ALERT_SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`alertSeverity.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('harm')}>{t('alerts.col.harm')}</label>
        <select id={id('harm')} value={draft.harm} onChange={set('harm')}>
          {ALERT_HARMS.map((h) => (
            <option key={h} value={h}>
              {harmLabel(t, h)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={id('people')}>{t('alertForm.people')}</label>
        <input
          id={id('people')}
          type="number"
          min={0}
          value={draft.peopleCount}
          onChange={set('peopleCount')}
        />
      </div>
      <div className="field">
        <label htmlFor={id('response')}>{t('alert.requiredResponse')}</label>
        <input
          id={id('response')}
          required
          maxLength={500}
          value={draft.requiredResponse}
          onChange={set('requiredResponse')}
        />
      </div>
      {full ? (
        <>
          <div className="field">
            <label htmlFor={id('deadline')}>{t('alerts.col.deadline')}</label>
            <input
              id={id('deadline')}
              type="datetime-local"
              aria-describedby={id('deadline-hint')}
              value={draft.deadline}
              onChange={set('deadline')}
            />
            <p className="hint" id={id('deadline-hint')}>
              {t('alertForm.deadlineHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={id('evidence')}>{t('alert.evidence')}</label>
            <textarea
              id={id('evidence')}
              rows={4}
              maxLength={5000}
              aria-describedby={id('evidence-hint')}
              value={draft.evidence}
              onChange={set('evidence')}
            />
            <p className="hint" id={id('evidence-hint')}>
              {t('alertForm.evidenceHint')}
            </p>
          </div>
        </>
      ) : null}
    </>
  );
}
