import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { decimal, type ForecastValue } from '../../lib/alert-api.ts';
import type { AreaAlert, AreaMonth } from '../../lib/area-api.ts';
import { harmLabel } from '../alerts/AlertTable.tsx';
import { Link } from '../Link.tsx';

/** The forecast month by month: median, central 50 % and 90 % intervals, mean and the two probabilities. */
export function AreaForecastTable({ values }: { values: ForecastValue[] }) {
  const { t, fmt } = useI18n();
  const num = useMemo(() => decimal(fmt.tag), [fmt]);
  return (
    <div className="table-scroll">
      <table data-testid="area-forecast-table">
        <caption>{t('area.forecast.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.month')}</th>
            <th scope="col">{t('area.col.horizon')}</th>
            <th scope="col">{t('forecast.col.median')}</th>
            <th scope="col">{t('area.chart.interval50')}</th>
            <th scope="col">{t('forecast.col.interval')}</th>
            <th scope="col">{t('forecast.mean')}</th>
            <th scope="col">{t('forecast.pAny')}</th>
            <th scope="col">{t('forecast.col.pMass')}</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.targetMonth} data-month={v.targetMonth}>
              <th scope="row">{fmt.month(`${v.targetMonth}-01`)}</th>
              <td className="num">{fmt.number(v.horizon)}</td>
              <td className="num" data-col="median">
                {num(v.median)}
              </td>
              <td className="num" data-col="interval50">
                {v.lower50 === null || v.upper50 === null ? '—' : `${num(v.lower50)} – ${num(v.upper50)}`}
              </td>
              <td className="num" data-col="interval">{`${num(v.lower90)} – ${num(v.upper90)}`}</td>
              <td className="num" data-col="mean">
                {num(v.mean)}
              </td>
              <td className="num" data-col="pAny">
                {fmt.percent(v.pAny)}
              </td>
              <td className="num" data-col="pMass">
                {fmt.percent(v.pMass)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The observed months, newest first, folded away: the chart shows their shape, this their figures. */
export function AreaHistoryTable({
  history,
  family,
}: {
  history: AreaMonth[];
  family: 'civilian' | 'political-violence';
}) {
  const { t, fmt } = useI18n();
  return (
    <details className="chart-table">
      <summary>{t('area.history.table')}</summary>
      <div className="table-scroll">
        <table data-testid="area-history-table">
          <caption className="visually-hidden">{t('area.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('area.col.month')}</th>
              <th scope="col">
                {t(
                  family === 'civilian'
                    ? 'forecast.outcome.civilian-fatalities'
                    : 'forecast.outcome.fatalities',
                )}
              </th>
              <th scope="col">
                {t(family === 'civilian' ? 'forecast.outcome.civilian-events' : 'forecast.outcome.events')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((h) => (
              <tr key={h.month} data-month={h.month}>
                <th scope="row">{fmt.month(`${h.month}-01`)}</th>
                <td className="num">{fmt.number(h.fatalities)}</td>
                <td className="num">{fmt.number(h.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** Open alerts placed in the area, each linked to its page; for roles that do not read alerts, says so. */
export function AreaAlerts({ alerts }: { alerts: AreaAlert[] | null }) {
  const { t, fmt } = useI18n();
  return (
    <section aria-labelledby="area-alerts-title" data-testid="area-alerts">
      <h2 id="area-alerts-title">{t('area.alerts.title')}</h2>
      {alerts === null ? (
        <p>{t('area.alerts.notForRole')}</p>
      ) : alerts.length === 0 ? (
        <p>{t('area.alerts.none')}</p>
      ) : (
        <ul className="area-alerts">
          {alerts.map((a) => (
            <li key={a.id} data-state={a.state}>
              <Link to={`/alerts/${a.id}`} search="">
                {a.reference}
              </Link>{' '}
              {t('area.alerts.item', {
                state: t(`alertState.${a.state}` as MessageKey),
                severity: t(`alertSeverity.${a.severity}` as MessageKey),
                harm: harmLabel(t, a.harm),
                place: a.placeName ?? '—',
                deadline: fmt.dateTime(a.deadline),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
