import { useI18n } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import { dayOf, hasFilters, type Filters } from '../lib/filters.ts';
import type { Boundaries } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';

/** One sentence saying what the page shows: period and area, and any other filter in force. */
export function FilterSummary({ filters }: { filters: Filters }) {
  const { t, fmt, label } = useI18n();
  const level1 = useFetch<Boundaries>(api.boundaries(1), { reference: true });
  const level2 = useFetch<Boundaries>(api.boundaries(2), { reference: true });
  const nameOf = (b: Boundaries | undefined, code: string) =>
    b?.features.find((f) => f.properties.code === code)?.properties.name ?? code;
  const parts: string[] = [];
  if (filters.from || filters.to) {
    parts.push(
      t('summary.period', {
        from: filters.from ? fmt.date(dayOf(filters.from, 'from')) : '…',
        to: filters.to ? fmt.date(dayOf(filters.to, 'to')) : '…',
      }),
    );
  } else parts.push(t('summary.allDates'));
  if (filters.admin2) parts.push(nameOf(level2.data, filters.admin2));
  else if (filters.admin1) parts.push(nameOf(level1.data, filters.admin1));
  else if (filters.country) parts.push(label('country', filters.country.toUpperCase()));
  else parts.push(t('summary.allAreas'));
  if (filters.source) parts.push(label('source', filters.source));
  if (filters.type) parts.push(label('eventType', filters.type));
  if (filters.perpetrator) parts.push(label('perpetrator', filters.perpetrator));
  if (filters.civilianOnly === 'true') parts.push(t('filters.civilianOnly'));
  return (
    <p className="filter-summary" data-testid="filter-summary" data-filtered={hasFilters(filters)}>
      {parts.join(' · ')}
    </p>
  );
}
