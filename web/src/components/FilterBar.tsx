import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import {
  EVENT_TYPES,
  FILTER_KEYS,
  PERPETRATORS,
  SOURCES,
  readFilters,
  type FilterKey,
} from '../lib/filters.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import type { Boundaries } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { DateInput } from './DateInput.tsx';

/**
 * The shared filters, written to the URL as they change (pushState: the back button undoes a change). Every page
 * reads them from the URL, so this bar and the map's region click are two ways of setting the same state.
 */
export function FilterBar() {
  const { t, label } = useI18n();
  const { params } = useLocation();
  const filters = readFilters(params);
  const admin1 = useFetch<Boundaries>(api.boundaries(1), { reference: true });
  const admin2 = useFetch<Boundaries>(api.boundaries(2), { reference: true });
  const set = (key: FilterKey, value: string | undefined) =>
    updateParams(key === 'admin1' ? { admin1: value, admin2: undefined } : { [key]: value });

  const regions = (admin1.data?.features ?? [])
    .map((f) => f.properties)
    .sort((a, b) => a.name.localeCompare(b.name));
  const cercles = (admin2.data?.features ?? []).map((f) => f.properties);
  const inRegion = cercles.filter((c) => filters.admin1 !== undefined && c.parentCode === filters.admin1);
  const admin2Options = (inRegion.length > 0 ? inRegion : cercles).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const unknownAdmin1 = filters.admin1 !== undefined && !regions.some((r) => r.code === filters.admin1);

  return (
    <section className="filter-bar" aria-label={t('filters.label')}>
      <form onSubmit={(e) => e.preventDefault()}>
        <DateInput
          id="f-from"
          label={t('filters.from')}
          value={filters.from}
          edge="from"
          onChange={(v) => set('from', v)}
        />
        <DateInput
          id="f-to"
          label={t('filters.to')}
          value={filters.to}
          edge="to"
          onChange={(v) => set('to', v)}
        />
        <div className="field">
          <label htmlFor="f-country">{t('filters.country')}</label>
          <select
            id="f-country"
            value={filters.country ?? ''}
            onChange={(e) => set('country', e.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {['MLI', 'BFA', 'NER'].map((c) => (
              <option key={c} value={c}>
                {label('country', c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-admin1">{t('filters.admin1')}</label>
          <select id="f-admin1" value={filters.admin1 ?? ''} onChange={(e) => set('admin1', e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {unknownAdmin1 ? <option value={filters.admin1}>{filters.admin1}</option> : null}
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-admin2">{t('filters.admin2')}</label>
          <select
            id="f-admin2"
            value={filters.admin2 ?? ''}
            disabled={cercles.length === 0 && filters.admin2 === undefined}
            onChange={(e) => set('admin2', e.target.value)}
          >
            <option value="">{cercles.length === 0 ? t('filters.noAdmin2') : t('filters.all')}</option>
            {filters.admin2 !== undefined && !cercles.some((c) => c.code === filters.admin2) ? (
              <option value={filters.admin2}>{filters.admin2}</option>
            ) : null}
            {admin2Options.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-source">{t('filters.source')}</label>
          <select id="f-source" value={filters.source ?? ''} onChange={(e) => set('source', e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {label('source', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-type">{t('filters.type')}</label>
          <select id="f-type" value={filters.type ?? ''} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {EVENT_TYPES.map((s) => (
              <option key={s} value={s}>
                {label('eventType', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-perpetrator">{t('filters.perpetrator')}</label>
          <select
            id="f-perpetrator"
            value={filters.perpetrator ?? ''}
            onChange={(e) => set('perpetrator', e.target.value)}
          >
            <option value="">{t('filters.all')}</option>
            {PERPETRATORS.map((s) => (
              <option key={s} value={s}>
                {label('perpetrator', s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-check">
          <input
            id="f-civilian"
            type="checkbox"
            checked={filters.civilianOnly === 'true'}
            onChange={(e) => set('civilianOnly', e.target.checked ? 'true' : undefined)}
          />
          <label htmlFor="f-civilian">{t('filters.civilianOnly')}</label>
        </div>
        <button
          type="button"
          className="secondary"
          disabled={!FILTER_KEYS.some((k) => filters[k] !== undefined)}
          onClick={() => updateParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])))}
        >
          {t('filters.reset')}
        </button>
      </form>
    </section>
  );
}
