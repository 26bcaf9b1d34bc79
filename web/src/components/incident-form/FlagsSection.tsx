import { useI18n } from '../../i18n/i18n.tsx';
import { UN_COOPERATION_KINDS } from '../../lib/incident-vocab.ts';
import { FieldError, VocabSelect } from './fields.tsx';
import type { SectionProps } from './section.ts';

/** Retaliation for cooperation with the UN (and its kind), CRSV (stricter access), child victims. */
export function FlagsSection({ form, patch }: SectionProps) {
  const { t } = useI18n();
  return (
    <fieldset className="form-section" id="f-flags">
      <legend>{t('form.flags')}</legend>
      <div className="field-check">
        <input
          type="checkbox"
          id="f-flags-retaliationForUnCooperation"
          checked={form.retaliation}
          onChange={(e) => patch({ retaliation: e.target.checked })}
        />
        <label htmlFor="f-flags-retaliationForUnCooperation">{t('form.retaliation')}</label>
      </div>
      {form.retaliation ? (
        <VocabSelect
          k="flags.unCooperationKind"
          label={t('form.unCooperationKind')}
          value={form.unCooperationKind}
          options={UN_COOPERATION_KINDS}
          prefix="unCooperation"
          empty={t('form.choose')}
          onChange={(v) => patch({ unCooperationKind: v })}
        />
      ) : null}
      <div className="field-check">
        <input
          type="checkbox"
          id="f-flags-crsv"
          checked={form.crsv}
          onChange={(e) => patch({ crsv: e.target.checked })}
          aria-describedby="f-flags-crsv-hint"
        />
        <label htmlFor="f-flags-crsv">{t('form.crsv')}</label>
      </div>
      <p className="hint" id="f-flags-crsv-hint">
        {t('form.crsvHint')}
      </p>
      <FieldError k="flags.crsv" />
      <div className="field-check">
        <input
          type="checkbox"
          id="f-flags-childVictims"
          checked={form.childVictims}
          onChange={(e) => patch({ childVictims: e.target.checked })}
        />
        <label htmlFor="f-flags-childVictims">{t('form.childVictims')}</label>
      </div>
      <FieldError k="flags" />
    </fieldset>
  );
}
