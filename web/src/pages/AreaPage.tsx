import { AreaFanChart } from '../components/area/AreaFanChart.tsx';
import { AreaAlerts, AreaForecastTable, AreaHistoryTable } from '../components/area/AreaTables.tsx';
import { ForecastOutcomeSelect } from '../components/ForecastOutcomeSelect.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { areaApi, FORECAST_OUTCOMES, parseAreaPath, type AreaProfile } from '../lib/area-api.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { NotFound } from './NotFound.tsx';

/**
 * One region or cercle (/areas/admin1/ML-MO): the last 36 months of civilian harm, the newest stored forecast
 * as a fan with its table (median, 90 % interval, P(y ≥ 1), P(y ≥ 25)), the run it comes from and how far to
 * trust it, and the area's open alerts.
 */
export function AreaPage() {
  const { t, fmt } = useI18n();
  const { path, params } = useLocation();
  const area = parseAreaPath(path);
  const outcome = FORECAST_OUTCOMES.find((o) => o === params.get('outcome')) ?? 'civilian-fatalities';
  const profile = useFetch<AreaProfile>(area ? areaApi.profile(area.unit, area.code, outcome) : null);
  if (!area) return <NotFound />;
  const data = profile.data;
  const forecast = data?.forecast ?? null;
  const mapSearch = new URLSearchParams({
    ...(area.unit === 'admin2' ? { unit: 'admin2', admin2: area.code } : { admin1: area.code }),
    layer: 'forecast',
  }).toString();
  return (
    <div className="page area-page">
      <h1 id="page-title" data-testid="area-name">
        {data?.name ?? area.code}
      </h1>
      <p className="lead">
        {t(`area.level.${area.unit}`, { code: area.code, country: data?.country ?? '' })}{' '}
        <Link to="/map" search={mapSearch}>
          {t('area.onMap')}
        </Link>
        {' · '}
        <Link to="/forecasts" search="">
          {t('area.allForecasts')}
        </Link>
      </p>
      <div className="controls">
        <ForecastOutcomeSelect
          id="area-outcome"
          className="field inline"
          value={outcome}
          onChange={(o) => updateParams({ outcome: o === 'civilian-fatalities' ? undefined : o })}
        />
      </div>
      {profile.loading && !data ? <Loading /> : null}
      {profile.error ? <ErrorMessage error={profile.error} /> : null}
      {data ? (
        <>
          <section aria-labelledby="area-trend-title">
            <h2 id="area-trend-title">
              {t('area.trendTitle', {
                from: data.history[0] ? fmt.month(`${data.history[0].month}-01`) : '',
                to: data.history.at(-1) ? fmt.month(`${data.history.at(-1)!.month}-01`) : '',
              })}
            </h2>
            <AreaFanChart
              name={data.name}
              outcome={outcome}
              history={data.history}
              values={forecast?.values ?? []}
              origin={forecast?.run.origin ?? null}
            />
            {data.source === 'aggregates' ? (
              <p className="hint" data-testid="area-source">
                {t('area.sourceAggregates')}
              </p>
            ) : null}
            <AreaHistoryTable history={data.history} family={data.family} />
          </section>
          <section aria-labelledby="area-forecast-title">
            <h2 id="area-forecast-title">{t('area.forecast.title')}</h2>
            {forecast ? (
              <>
                <p className="hint" data-testid="area-run">
                  {t('forecast.run', {
                    origin: fmt.month(`${forecast.run.origin}-01`),
                    at: fmt.dateTime(forecast.run.createdAt),
                    model: forecast.run.model,
                    samples: forecast.run.samples,
                  })}
                </p>
                {forecast.values.length > 0 ? (
                  <AreaForecastTable values={forecast.values} />
                ) : (
                  <p>{t('area.forecast.notInRun')}</p>
                )}
                <p className="hint" data-testid="area-backtest-note">
                  {t('area.forecast.caveat')} <code>npx vigie forecast backtest</code>
                </p>
              </>
            ) : (
              <div className="empty-state" data-testid="area-forecast-empty">
                <p>{t('area.forecast.none')}</p>
                <pre>
                  <code>{`npx vigie forecast run --unit ${area.unit} --outcome ${outcome}${data.source === 'aggregates' ? ' --source aggregates' : ''}`}</code>
                </pre>
              </div>
            )}
          </section>
          <AreaAlerts alerts={data.alerts} />
        </>
      ) : null}
    </div>
  );
}
