import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import { updateParams } from '../lib/router.ts';
import type { Aggregates, Measures } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { UNKNOWN } from './MonthlyChart.tsx';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

interface Row extends Measures {
  key: string | null;
  label: string;
}

/**
 * Totals by region or harm category as a table with bars. A region's name is a button that sets the admin-1
 * filter, as a click on the map does.
 */
export function Breakdown({
  group,
  query,
  title,
}: {
  group: 'region' | 'harm';
  query: string;
  title: MessageKey;
}) {
  const { t, fmt, label } = useI18n();
  const { data, error } = useFetch<Aggregates>(
    api.aggregates([query, 'by=year', `group=${group}`].filter(Boolean).join('&')),
  );
  const rows = new Map<string, Row>();
  for (const p of data?.series ?? []) {
    const key = p.key === UNKNOWN ? null : p.key;
    const id = key ?? '';
    const known = data?.keys.find((k) => k.key === p.key)?.label;
    const name =
      group === 'harm' ? label('harm', key) : key === null ? t('breakdown.noRegion') : (known ?? key);
    const row = rows.get(id) ?? {
      key,
      label: name,
      events: 0,
      fatalities: 0,
      civilianEvents: 0,
      civilianFatalities: 0,
    };
    row.events += p.events;
    row.fatalities += p.fatalities;
    row.civilianEvents += p.civilianEvents;
    row.civilianFatalities += p.civilianFatalities;
    rows.set(id, row);
  }
  const sorted = [...rows.values()]
    .filter((r) => r.events > 0)
    .sort(
      (a, b) =>
        Number(a.key === null) - Number(b.key === null) ||
        b.civilianFatalities - a.civilianFatalities ||
        b.events - a.events,
    );
  const max = Math.max(1, ...sorted.map((r) => r.civilianFatalities));
  const id = `breakdown-${group}`;

  return (
    <section aria-labelledby={id} className="breakdown">
      <h2 id={id}>{t(title)}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && sorted.length === 0 ? <p className="status">{t('chart.empty')}</p> : null}
      {sorted.length > 0 ? (
        <table className="bars" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{group === 'region' ? t('breakdown.region') : t('breakdown.harm')}</th>
              <th scope="col" className="num">
                {t('measure.events')}
              </th>
              <th scope="col" className="num">
                {t('measure.civilianFatalities')}
              </th>
              <th scope="col" className="bar-col">
                <span className="visually-hidden">{t('breakdown.bar')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.key ?? ''}>
                <th scope="row">
                  {group === 'region' && r.key !== null ? (
                    <button
                      type="button"
                      className="link-button"
                      title={t('breakdown.filterTo', { name: r.label })}
                      onClick={() => updateParams({ admin1: r.key ?? undefined, admin2: undefined })}
                    >
                      {r.label}
                    </button>
                  ) : (
                    r.label
                  )}
                </th>
                <td className="num">{fmt.number(r.events)}</td>
                <td className="num">{fmt.number(r.civilianFatalities)}</td>
                <td className="bar-col" aria-hidden="true">
                  <span className="bar" style={{ width: `${(100 * r.civilianFatalities) / max}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
