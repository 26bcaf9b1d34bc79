import { createContext, useContext, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { fieldId } from '../../lib/incident-form-state.ts';

/** The server's validation messages by field key ("victims.0.name"), shared by the form's sections. */
export const FieldErrors = createContext<Map<string, string[]>>(new Map());

const errorId = (key: string) => `${fieldId(key)}-error`;

/** aria-invalid and aria-describedby for an input whose field may carry an error (and, optionally, a hint). */
export function useErrorProps(
  key: string,
  hintId?: string,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const errors = useContext(FieldErrors);
  const has = (errors.get(key)?.length ?? 0) > 0;
  const describedBy = [hintId, has ? errorId(key) : undefined].filter(Boolean).join(' ');
  return {
    ...(has ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  };
}

export function FieldError({ k }: { k: string }) {
  const { t } = useI18n();
  const messages = useContext(FieldErrors).get(k);
  if (!messages || messages.length === 0) return null;
  return (
    <p className="field-error" id={errorId(k)} data-field={k}>
      {t('form.fieldInvalid')} {messages.join(' ; ')}
    </p>
  );
}

/** A select over a closed vocabulary, its options labelled with `prefix.value` from the locale files. */
export function VocabSelect({
  k,
  label,
  value,
  options,
  prefix,
  onChange,
  empty,
}: {
  k: string;
  label: string;
  value: string;
  options: readonly (string | number)[];
  prefix?: string;
  onChange: (v: string) => void;
  empty?: string;
}) {
  const { t } = useI18n();
  const props = useErrorProps(k);
  return (
    <div className="field">
      <label htmlFor={fieldId(k)}>{label}</label>
      <select id={fieldId(k)} value={value} onChange={(e) => onChange(e.target.value)} {...props}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o} value={String(o)}>
            {prefix ? t(`${prefix}.${o}` as MessageKey) : String(o)}
          </option>
        ))}
      </select>
      <FieldError k={k} />
    </div>
  );
}

export function TextField({
  k,
  label,
  value,
  onChange,
  type = 'text',
  hint,
  required = false,
  multiline = false,
  autoComplete = 'off',
  inputMode,
}: {
  k: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  autoComplete?: string;
  inputMode?: 'decimal' | 'text';
}) {
  const id = fieldId(k);
  const props = useErrorProps(k, hint ? `${id}-hint` : undefined);
  const common = { id, value, required, autoComplete, ...props };
  return (
    <div className={multiline ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={6} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError k={k} />
    </div>
  );
}

/** Checkboxes over a closed vocabulary in a fieldset; the group's error is tied to the legend's group. */
export function CheckGroup({
  k,
  legend,
  options,
  prefix,
  value,
  onChange,
}: {
  k: string;
  legend: ReactNode;
  options: readonly string[];
  prefix: string;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useI18n();
  const props = useErrorProps(k);
  return (
    <fieldset className="check-group" id={fieldId(k)} aria-describedby={props['aria-describedby']}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="field-check" key={o}>
          <input
            type="checkbox"
            id={`${fieldId(k)}-${o}`}
            checked={value.includes(o)}
            onChange={(e) => onChange(e.target.checked ? [...value, o] : value.filter((v) => v !== o))}
          />
          <label htmlFor={`${fieldId(k)}-${o}`}>{t(`${prefix}.${o}` as MessageKey)}</label>
        </div>
      ))}
      <FieldError k={k} />
    </fieldset>
  );
}
