import { useI18n } from '../../i18n/i18n.tsx';
import { newVictim, type VictimRow } from '../../lib/incident-form-state.ts';
import { AGE_GROUPS, CONSENT_LEVELS, HARM_TYPES, SEXES, VICTIM_STATUSES } from '../../lib/incident-vocab.ts';
import { CheckGroup, TextField, VocabSelect } from './fields.tsx';
import { updateRow } from './section.ts';

/**
 * Individual victims: identity and testimony are encrypted field by field on the server and shown only to the
 * case's monitors; the consent level decides every export and share. The warning says so before any input.
 */
export function VictimRecords({
  rows,
  harmTypes,
  onChange,
}: {
  rows: VictimRow[];
  /** The incident's harm types: the choices offered for each victim (all when none is ticked yet). */
  harmTypes: readonly string[];
  onChange: (rows: VictimRow[]) => void;
}) {
  const { t } = useI18n();
  const harms = harmTypes.length > 0 ? HARM_TYPES.filter((h) => harmTypes.includes(h)) : HARM_TYPES;
  return (
    <fieldset className="form-section protected" id="f-victims" aria-describedby="victims-warning">
      <legend>{t('form.victims')}</legend>
      <div className="warning" id="victims-warning" data-testid="protected-warning">
        <p>
          <strong>{t('form.protectedTitle')}</strong> {t('form.protectedText')}
        </p>
      </div>
      {rows.map((row, i) => (
        <VictimFields
          key={row.key}
          row={row}
          index={i}
          harms={harms}
          onChange={(change) => onChange(updateRow(rows, row.key, change))}
          onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
        />
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...rows, newVictim([...harmTypes])])}
      >
        {t('form.addVictim')}
      </button>
    </fieldset>
  );
}

function VictimFields({
  row,
  index: i,
  harms,
  onChange,
  onRemove,
}: {
  row: VictimRow;
  index: number;
  harms: readonly string[];
  onChange: (change: Partial<VictimRow>) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const label = t('form.victimN', { n: i + 1 });
  return (
    <fieldset className="victim-record" data-testid="victim-record">
      <legend>{label}</legend>
      <div className="field-row">
        <TextField
          k={`victims.${i}.name`}
          label={t('victim.name')}
          value={row.name}
          onChange={(v) => onChange({ name: v })}
        />
        <TextField
          k={`victims.${i}.contact`}
          label={t('victim.contact')}
          value={row.contact}
          onChange={(v) => onChange({ contact: v })}
        />
        <TextField
          k={`victims.${i}.address`}
          label={t('victim.address')}
          value={row.address}
          onChange={(v) => onChange({ address: v })}
        />
      </div>
      <TextField
        k={`victims.${i}.testimony`}
        label={t('victim.testimony')}
        value={row.testimony}
        onChange={(v) => onChange({ testimony: v })}
        multiline
      />
      <div className="field-row">
        <VocabSelect
          k={`victims.${i}.sex`}
          label={t('form.sex')}
          value={row.sex}
          options={SEXES}
          prefix="sex"
          onChange={(v) => onChange({ sex: v })}
        />
        <VocabSelect
          k={`victims.${i}.age`}
          label={t('form.age')}
          value={row.age}
          options={AGE_GROUPS}
          prefix="age"
          onChange={(v) => onChange({ age: v })}
        />
        <VocabSelect
          k={`victims.${i}.status`}
          label={t('form.victimStatus')}
          value={row.status}
          options={VICTIM_STATUSES}
          prefix="victimStatus"
          onChange={(v) => onChange({ status: v })}
        />
      </div>
      <CheckGroup
        k={`victims.${i}.harms`}
        legend={t('victim.harms')}
        options={harms}
        prefix="incidentHarm"
        value={row.harms}
        onChange={(v) => onChange({ harms: v })}
      />
      <div className="field-row">
        <VocabSelect
          k={`victims.${i}.consent`}
          label={t('victim.consent')}
          value={row.consent}
          options={CONSENT_LEVELS}
          prefix="consent"
          onChange={(v) => onChange({ consent: v })}
        />
        {row.consent === 'named_partner' ? (
          <TextField
            k={`victims.${i}.consentPartner`}
            label={t('victim.consentPartner')}
            value={row.consentPartner}
            onChange={(v) => onChange({ consentPartner: v })}
          />
        ) : null}
      </div>
      <button type="button" className="secondary remove-row" onClick={onRemove}>
        {t('form.remove', { what: label })}
      </button>
    </fieldset>
  );
}
