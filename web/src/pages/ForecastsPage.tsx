import { useMemo, useState } from 'react';
import { ForecastMap, type ForecastMeasure } from '../components/alerts/ForecastMap.tsx';
import { Link } from '../components/Link.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { alertApi, decimal, type ForecastSet } from '../lib/alert-api.ts';
import { api, type Boundaries } from '../lib/api.ts';
import { areaPath, type ForecastOutcome } from '../lib/area-api.ts';
import { ForecastOutcomeSelect } from '../components/ForecastOutcomeSelect.tsx';
import { useFetch } from '../lib/use-fetch.ts';

const UNITS = ['admin1', 'admin2', 'priogrid'] as const;

/**
 * The newest stored forecast (`vigie forecast run`) per unit and target month: mean, median, 90 % interval,
 * P(y ≥ 1), P(y ≥ 25), as a choropleth (regions and cercles) and a table; how to make one when none is stored.
 */
export function ForecastsPage() {
  const { t, fmt } = useI18n();
  const num = useMemo(() => decimal(fmt.tag), [fmt]);
  const [unit, setUnit] = useState<(typeof UNITS)[number]>('admin1');
  const [outcome, setOutcome] = useState<ForecastOutcome>('civilian-fatalities');
  const [month, setMonth] = useState('');
  const [measure, setMeasure] = useState<ForecastMeasure>('mean');
  const set = useFetch<ForecastSet>(alertApi.forecasts(unit, outcome));
  const level = unit === 'admin1' ? 1 : unit === 'admin2' ? 2 : null;
  const boundaries = useFetch<Boundaries>(set.data && level ? api.boundaries(level) : null, {
    reference: true,
  });
  const months = useMemo(() => [...new Set(set.data?.values.map((v) => v.targetMonth))].sort(), [set.data]);
  const target = months.includes(month) ? month : (months[0] ?? '');
  const values = useMemo(
    () => (set.data?.values ?? []).filter((v) => v.targetMonth === target).sort((a, b) => b.mean - a.mean),
    [set.data, target],
  );
  const none = set.error?.status === 404;
  return (
    <div className="page forecasts-page">
      <h1 id="page-title">{t('forecast.title')}</h1>
      <p className="lead">{t('forecast.lead')}</p>
      <div className="controls">
        <div className="field inline">
          <label htmlFor="fc-unit">{t('forecast.unit')}</label>
          <select id="fc-unit" value={unit} onChange={(e) => setUnit(e.target.value as typeof unit)}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`forecast.unit.${u}`)}
              </option>
            ))}
          </select>
        </div>
        <ForecastOutcomeSelect
          id="fc-outcome"
          className="field inline"
          value={outcome}
          onChange={setOutcome}
        />
        {months.length > 0 ? (
          <div className="field inline">
            <label htmlFor="fc-month">{t('forecast.month')}</label>
            <select id="fc-month" value={target} onChange={(e) => setMonth(e.target.value)}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {fmt.month(`${m}-01`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {level ? (
          <div className="field inline">
            <label htmlFor="fc-measure">{t('forecast.measure')}</label>
            <select
              id="fc-measure"
              value={measure}
              onChange={(e) => setMeasure(e.target.value as ForecastMeasure)}
            >
              <option value="mean">{t('forecast.mean')}</option>
              <option value="pAny">{t('forecast.pAny')}</option>
            </select>
          </div>
        ) : null}
      </div>
      {set.loading && !set.data ? <Loading /> : null}
      {none ? (
        <section className="empty-state" data-testid="forecast-empty">
          <p>{t('forecast.empty')}</p>
          <pre>
            <code>{`npx vigie forecast run --unit ${unit} --outcome ${outcome}`}</code>
            {outcome === 'fatalities' || outcome === 'events' ? (
              <code>{`\nnpx vigie forecast run --unit ${unit} --outcome ${outcome} --source aggregates`}</code>
            ) : null}
          </pre>
        </section>
      ) : set.error ? (
        <ErrorMessage error={set.error} />
      ) : null}
      {set.data ? (
        <>
          <p className="hint" data-testid="forecast-run">
            {t('forecast.run', {
              origin: fmt.month(`${set.data.run.origin}-01`),
              at: fmt.dateTime(set.data.run.createdAt),
              model: set.data.run.model,
              samples: set.data.run.samples,
            })}
            {set.data.run.source === 'aggregates' ? ` ${t('forecast.sourceAggregates')}` : ''}
          </p>
          {level && boundaries.data ? (
            <ForecastMap boundaries={boundaries.data} values={values} measure={measure} />
          ) : null}
          <div className="table-scroll">
            <table data-testid="forecast-table">
              <caption>{t('forecast.caption', { month: target ? fmt.month(`${target}-01`) : '' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('forecast.col.unit')}</th>
                  <th scope="col">{t('forecast.mean')}</th>
                  <th scope="col">{t('forecast.col.median')}</th>
                  <th scope="col">{t('forecast.col.interval')}</th>
                  <th scope="col">{t('forecast.pAny')}</th>
                  <th scope="col">{t('forecast.col.pMass')}</th>
                </tr>
              </thead>
              <tbody>
                {values.map((v) => (
                  <tr key={v.unitCode}>
                    <th scope="row">
                      {unit === 'priogrid' ? (
                        v.unitName
                      ) : (
                        <Link to={areaPath(unit, v.unitCode)} search="">
                          {v.unitName}
                        </Link>
                      )}{' '}
                      <span className="hint">({v.unitCode})</span>
                    </th>
                    <td className="num">{num(v.mean)}</td>
                    <td className="num">{num(v.median)}</td>
                    <td className="num">{`${num(v.lower90)} – ${num(v.upper90)}`}</td>
                    <td className="num">{fmt.percent(v.pAny)}</td>
                    <td className="num">{fmt.percent(v.pMass)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      <section aria-labelledby="fc-backtest-title">
        <h2 id="fc-backtest-title">{t('forecast.backtest')}</h2>
        <p>{t('forecast.backtestText')}</p>
        <pre>
          <code>npx vigie forecast backtest</code>
        </pre>
      </section>
    </div>
  );
}
