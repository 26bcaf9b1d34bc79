import { useI18n } from '../../i18n/i18n.tsx';
import { newSource } from '../../lib/incident-form-state.ts';
import { CREDIBILITY, RELIABILITY, SOURCE_KINDS } from '../../lib/incident-vocab.ts';
import { TextField, VocabSelect } from './fields.tsx';
import { updateRow, type SectionProps } from './section.ts';

/** Sources graded on the Admiralty scale: reliability A–F and credibility 1–6, with a description. */
export function SourceRows({ form, patch }: SectionProps) {
  const { t } = useI18n();
  const rows = form.sources;
  return (
    <fieldset className="form-section" id="f-sources">
      <legend>{t('form.sources')}</legend>
      <p className="hint">{t('form.sourcesHint')}</p>
      {rows.map((row, i) => (
        <div
          className="field-row repeat-row"
          key={row.key}
          role="group"
          aria-label={t('form.sourceN', { n: i + 1 })}
        >
          <VocabSelect
            k={`sources.${i}.kind`}
            label={t('form.sourceKind')}
            value={row.kind}
            options={SOURCE_KINDS}
            prefix="sourceKind"
            onChange={(v) => patch({ sources: updateRow(rows, row.key, { kind: v }) })}
          />
          <VocabSelect
            k={`sources.${i}.reliability`}
            label={t('form.reliability')}
            value={row.reliability}
            options={RELIABILITY}
            prefix="reliability"
            onChange={(v) => patch({ sources: updateRow(rows, row.key, { reliability: v }) })}
          />
          <VocabSelect
            k={`sources.${i}.credibility`}
            label={t('form.credibility')}
            value={row.credibility}
            options={CREDIBILITY}
            prefix="credibility"
            onChange={(v) => patch({ sources: updateRow(rows, row.key, { credibility: v }) })}
          />
          <TextField
            k={`sources.${i}.description`}
            label={t('form.sourceDescription')}
            value={row.description}
            onChange={(v) => patch({ sources: updateRow(rows, row.key, { description: v }) })}
          />
          <button
            type="button"
            className="secondary remove-row"
            onClick={() => patch({ sources: rows.filter((r) => r.key !== row.key) })}
          >
            {t('form.remove', { what: t('form.sourceN', { n: i + 1 }) })}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => patch({ sources: [...rows, newSource()] })}>
        {t('form.addSource')}
      </button>
    </fieldset>
  );
}
