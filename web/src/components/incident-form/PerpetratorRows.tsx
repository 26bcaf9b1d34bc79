import { useI18n } from '../../i18n/i18n.tsx';
import { newPerpetrator } from '../../lib/incident-form-state.ts';
import { PERPETRATOR_CATEGORIES } from '../../lib/incident-vocab.ts';
import { TextField, VocabSelect } from './fields.tsx';
import { updateRow, type SectionProps } from './section.ts';

/** Alleged perpetrators: a category of the actor taxonomy and an optional name, rows added and removed. */
export function PerpetratorRows({ form, patch }: SectionProps) {
  const { t } = useI18n();
  const rows = form.perpetrators;
  return (
    <fieldset className="form-section" id="f-perpetrators">
      <legend>{t('form.perpetrators')}</legend>
      {rows.length === 0 ? <p className="hint">{t('form.perpetratorsNone')}</p> : null}
      {rows.map((row, i) => (
        <div
          className="field-row repeat-row"
          key={row.key}
          role="group"
          aria-label={t('form.perpetratorN', { n: i + 1 })}
        >
          <VocabSelect
            k={`perpetrators.${i}.category`}
            label={t('form.category')}
            value={row.category}
            options={PERPETRATOR_CATEGORIES}
            prefix="perpetrator"
            onChange={(v) => patch({ perpetrators: updateRow(rows, row.key, { category: v }) })}
          />
          <TextField
            k={`perpetrators.${i}.name`}
            label={t('form.perpetratorName')}
            value={row.name}
            onChange={(v) => patch({ perpetrators: updateRow(rows, row.key, { name: v }) })}
          />
          <button
            type="button"
            className="secondary remove-row"
            onClick={() => patch({ perpetrators: rows.filter((r) => r.key !== row.key) })}
          >
            {t('form.remove', { what: t('form.perpetratorN', { n: i + 1 }) })}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => patch({ perpetrators: [...rows, newPerpetrator()] })}
      >
        {t('form.addPerpetrator')}
      </button>
    </fieldset>
  );
}
