import { FilterSummary } from '../components/FilterSummary.tsx';
import { LeadersTable } from '../components/LeadersTable.tsx';
import { PerpetratorTrendChart } from '../components/PerpetratorTrendChart.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { analysisApi } from '../lib/analysis-api.ts';
import type { PerpetratorLeaders } from '../lib/analysis-types.ts';
import { api } from '../lib/api.ts';
import { filterQuery, readFilters } from '../lib/filters.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import type { Aggregates, Measure } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';

const MEASURES: Measure[] = ['civilianFatalities', 'civilianEvents', 'fatalities', 'events'];

/**
 * Perpetrator trends: civilian harm by perpetrator category per year or month, the leading armed-actor category
 * of each period (does the data bear out that self-defence militias harmed civilians most?), and its caveats.
 */
export function TrendsPage() {
  const { t } = useI18n();
  const { params } = useLocation();
  const filters = readFilters(params);
  const by = params.get('by') === 'month' ? 'month' : 'year';
  const measure = MEASURES.find((m) => m === params.get('measure')) ?? 'civilianFatalities';
  const series = useFetch<Aggregates>(api.aggregates(filterQuery(filters, { by, group: 'perpetrator' })));
  const leaders = useFetch<PerpetratorLeaders>(analysisApi.leaders(filterQuery(filters, { by, measure })));
  const error = series.error ?? leaders.error;

  return (
    <div className="page trends-page">
      <h1 id="page-title">{t('trends.title')}</h1>
      <FilterSummary filters={filters} />
      <p className="lead">{t('trends.lead')}</p>
      <form className="map-controls" aria-label={t('trends.controls')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="tr-measure">{t('chart.measure')}</label>
          <select id="tr-measure" value={measure} onChange={(e) => updateParams({ measure: e.target.value })}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measure.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tr-by">{t('trends.by')}</label>
          <select
            id="tr-by"
            value={by}
            onChange={(e) => updateParams({ by: e.target.value === 'year' ? undefined : e.target.value })}
          >
            <option value="year">{t('trends.by.year')}</option>
            <option value="month">{t('trends.by.month')}</option>
          </select>
        </div>
      </form>
      {error ? <ErrorMessage error={error} /> : null}
      {!series.data || !leaders.data ? (
        error ? null : (
          <Loading />
        )
      ) : series.data.series.length === 0 ? (
        <p className="status">{t('chart.empty')}</p>
      ) : (
        <section aria-labelledby="trend-chart-title" className="chart-section">
          <h2 id="trend-chart-title">{t(`trends.chart.${measure}` as MessageKey)}</h2>
          <PerpetratorTrendChart data={series.data} measure={measure} leaders={leaders.data.periods} />
        </section>
      )}
      {leaders.data && series.data && series.data.series.length > 0 ? (
        <LeadersTable data={leaders.data} />
      ) : null}
    </div>
  );
}
