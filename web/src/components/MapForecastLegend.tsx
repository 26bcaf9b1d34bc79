import { useI18n } from '../i18n/i18n.tsx';
import type { ForecastSet } from '../lib/alert-api.ts';
import type { ForecastOutcome } from '../lib/area-api.ts';
import { forecastClasses, type NextMonth } from '../lib/forecast-classes.ts';
import { Link } from './Link.tsx';

/**
 * The legend of the "forecast next month" layer: probability classes with their counts, then which stored run the
 * colours come from (origin, model, when) and the way to every forecast.
 */
export function MapForecastLegend({
  next,
  run,
  outcome,
}: {
  next: NextMonth;
  run: ForecastSet['run'];
  outcome: ForecastOutcome;
}) {
  const { t, fmt } = useI18n();
  return (
    <div data-testid="map-forecast-legend">
      <h3>{t(`map.forecast.legendTitle.${outcome}`, { month: fmt.month(`${next.month}-01`) })}</h3>
      <ul>
        {forecastClasses(next).map((c) => (
          <li key={c.hi} data-count={c.count}>
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            {c.hi === 0
              ? fmt.percent(0)
              : t('forecast.classRange', { lo: fmt.percent(c.lo), hi: fmt.percent(c.hi) })}{' '}
            ({fmt.number(c.count)})
          </li>
        ))}
      </ul>
      <p className="hint" data-testid="map-forecast-run">
        {t('map.forecast.run', {
          model: run.model,
          at: fmt.dateTime(run.createdAt),
          origin: fmt.month(`${run.origin}-01`),
        })}{' '}
        {run.source === 'aggregates' ? `${t('forecast.sourceAggregates')} ` : null}
        <Link to="/forecasts" search="">
          {t('area.allForecasts')}
        </Link>
      </p>
    </div>
  );
}

/** Said where the legend would be when no run is stored for the map's unit: the command that makes one. */
export function MapForecastMissing({
  unit,
  outcome,
}: {
  unit: 'admin1' | 'admin2';
  outcome: ForecastOutcome;
}) {
  const { t } = useI18n();
  return (
    <div className="empty-state" data-testid="map-forecast-empty">
      <p>{t(`map.forecast.none.${unit}`)}</p>
      <pre>
        <code>{`npx vigie forecast run --unit ${unit} --outcome ${outcome}`}</code>
      </pre>
    </div>
  );
}
