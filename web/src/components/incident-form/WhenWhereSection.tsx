import { useI18n } from '../../i18n/i18n.tsx';
import { DATE_PRECISIONS, PLACE_PRECISIONS } from '../../lib/incident-vocab.ts';
import { FieldError, TextField, VocabSelect } from './fields.tsx';
import type { SectionProps } from './section.ts';

/** Date (from, optional to, precision) and place (point and/or P-code, location name, precision). */
export function WhenWhereSection({ form, patch }: SectionProps) {
  const { t } = useI18n();
  return (
    <>
      <fieldset className="form-section" id="f-date">
        <legend>{t('form.when')}</legend>
        <div className="field-row">
          <TextField
            k="date.from"
            type="date"
            label={t('form.dateFrom')}
            value={form.dateFrom}
            onChange={(v) => patch({ dateFrom: v })}
            required
          />
          <TextField
            k="date.to"
            type="date"
            label={t('form.dateTo')}
            value={form.dateTo}
            onChange={(v) => patch({ dateTo: v })}
            hint={t('form.dateToHint')}
          />
          <VocabSelect
            k="date.precision"
            label={t('form.datePrecision')}
            value={form.datePrecision}
            options={DATE_PRECISIONS}
            prefix="datePrecision"
            onChange={(v) => patch({ datePrecision: v })}
          />
        </div>
        <FieldError k="date" />
      </fieldset>
      <fieldset className="form-section" id="f-place">
        <legend>{t('form.where')}</legend>
        <p className="hint">{t('form.whereHint')}</p>
        <div className="field-row">
          <TextField
            k="place.latitude"
            label={t('form.latitude')}
            inputMode="decimal"
            value={form.latitude}
            onChange={(v) => patch({ latitude: v })}
          />
          <TextField
            k="place.longitude"
            label={t('form.longitude')}
            inputMode="decimal"
            value={form.longitude}
            onChange={(v) => patch({ longitude: v })}
          />
          <TextField
            k="place.pcode"
            label={t('form.pcode')}
            value={form.pcode}
            onChange={(v) => patch({ pcode: v })}
            hint={t('form.pcodeHint')}
          />
        </div>
        <div className="field-row">
          <TextField
            k="place.locationName"
            label={t('form.locationName')}
            value={form.locationName}
            onChange={(v) => patch({ locationName: v })}
          />
          <VocabSelect
            k="place.precision"
            label={t('form.placePrecision')}
            value={form.placePrecision}
            options={PLACE_PRECISIONS}
            prefix="placePrecision"
            onChange={(v) => patch({ placePrecision: v })}
          />
        </div>
        <FieldError k="place" />
      </fieldset>
    </>
  );
}
