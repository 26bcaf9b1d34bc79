import { useI18n } from '../../i18n/i18n.tsx';
import { fieldId, newCount } from '../../lib/incident-form-state.ts';
import { AGE_GROUPS, HARM_TYPES, SEXES, VICTIM_STATUSES } from '../../lib/incident-vocab.ts';
import { FieldError, TextField, VocabSelect } from './fields.tsx';
import { updateRow, type SectionProps } from './section.ts';

/** Victim counts (SDG 16.1.2): rows of harm × sex × age group × status × count. No names here. */
export function VictimCountRows({ form, patch }: SectionProps) {
  const { t } = useI18n();
  const rows = form.victimCounts;
  const harms = form.harmTypes.length > 0 ? HARM_TYPES.filter((h) => form.harmTypes.includes(h)) : HARM_TYPES;
  return (
    <fieldset className="form-section" id="f-victimCounts">
      <legend>{t('form.victimCounts')}</legend>
      <p className="hint">{t('form.victimCountsHint')}</p>
      {rows.map((row, i) => {
        const set = (change: Partial<typeof row>) =>
          patch({ victimCounts: updateRow(rows, row.key, change) });
        const label = t('form.countN', { n: i + 1 });
        return (
          <div
            className="field-row repeat-row"
            key={row.key}
            id={fieldId(`victimCounts.${i}`)}
            role="group"
            aria-label={label}
          >
            <VocabSelect
              k={`victimCounts.${i}.harm`}
              label={t('form.harm')}
              value={row.harm}
              options={harms}
              prefix="incidentHarm"
              onChange={(v) => set({ harm: v })}
            />
            <VocabSelect
              k={`victimCounts.${i}.sex`}
              label={t('form.sex')}
              value={row.sex}
              options={SEXES}
              prefix="sex"
              onChange={(v) => set({ sex: v })}
            />
            <VocabSelect
              k={`victimCounts.${i}.age`}
              label={t('form.age')}
              value={row.age}
              options={AGE_GROUPS}
              prefix="age"
              onChange={(v) => set({ age: v })}
            />
            <VocabSelect
              k={`victimCounts.${i}.status`}
              label={t('form.victimStatus')}
              value={row.status}
              options={VICTIM_STATUSES}
              prefix="victimStatus"
              onChange={(v) => set({ status: v })}
            />
            <TextField
              k={`victimCounts.${i}.count`}
              type="number"
              label={t('form.count')}
              value={row.count}
              onChange={(v) => set({ count: v })}
            />
            <button
              type="button"
              className="secondary remove-row"
              onClick={() => patch({ victimCounts: rows.filter((r) => r.key !== row.key) })}
            >
              {t('form.remove', { what: label })}
            </button>
            <FieldError k={`victimCounts.${i}`} />
          </div>
        );
      })}
      <button
        type="button"
        className="secondary"
        onClick={() => patch({ victimCounts: [...rows, newCount(harms[0] ?? 'killing')] })}
      >
        {t('form.addCount')}
      </button>
    </fieldset>
  );
}
