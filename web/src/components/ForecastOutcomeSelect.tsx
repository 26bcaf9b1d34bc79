import { useI18n } from '../i18n/i18n.tsx';
import { FORECAST_OUTCOMES, type ForecastOutcome } from '../lib/area-api.ts';

/** Which stored forecast to show: the same choice on the map, the area pages and the forecasts page. */
export function ForecastOutcomeSelect({
  id,
  value,
  onChange,
  className = 'field',
}: {
  id: string;
  value: ForecastOutcome;
  onChange: (outcome: ForecastOutcome) => void;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <div className={className}>
      <label htmlFor={id}>{t('forecast.outcome')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) =>
          onChange(FORECAST_OUTCOMES.find((o) => o === e.target.value) ?? 'civilian-fatalities')
        }
      >
        {FORECAST_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {t(`forecast.outcome.${o}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
