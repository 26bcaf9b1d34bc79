import { useI18n, type MessageKey } from '../../i18n/i18n.tsx';
import { isOverdue, type Alert } from '../../lib/alert-api.ts';
import { Link } from '../Link.tsx';

/** Alerts as a table: reference (link), state, severity, area, deadline (overdue said in words, not by colour). */
export function AlertTable({ alerts, caption }: { alerts: Alert[]; caption: string }) {
  const { t, fmt } = useI18n();
  const now = Date.now();
  return (
    <div className="table-scroll">
      <table data-testid="alert-list">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('alerts.col.reference')}</th>
            <th scope="col">{t('alerts.col.state')}</th>
            <th scope="col">{t('alerts.col.severity')}</th>
            <th scope="col">{t('alerts.col.area')}</th>
            <th scope="col">{t('alerts.col.harm')}</th>
            <th scope="col">{t('alerts.col.deadline')}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.map((a) => {
            const overdue = isOverdue(a, now);
            return (
              <tr key={a.id} data-state={a.state} data-overdue={overdue}>
                <th scope="row">
                  <Link to={`/alerts/${a.id}`} search="">
                    {a.reference}
                  </Link>
                </th>
                <td>{t(`alertState.${a.state}` as MessageKey)}</td>
                <td>
                  <span className={`severity severity-${a.severity}`}>
                    {t(`alertSeverity.${a.severity}` as MessageKey)}
                  </span>
                </td>
                <td>{areaName(a)}</td>
                <td>{harmLabel(t, a.harm)}</td>
                <td>
                  {fmt.dateTime(a.deadline)}
                  {overdue ? <strong className="overdue"> {t('alerts.overdue')}</strong> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export const areaName = (a: Alert): string =>
  [a.area.name, a.area.placeCode ? `(${a.area.placeCode})` : null, a.area.admin1]
    .filter((s) => s)
    .join(' ') || (a.area.latitude !== null ? `${a.area.latitude}, ${a.area.longitude}` : '—');

export function harmLabel(t: (k: MessageKey) => string, harm: string): string {
  return harm === 'armed_attack' || harm === 'unspecified'
    ? t(`alertHarm.${harm}` as MessageKey)
    : t(`incidentHarm.${harm}` as MessageKey);
}

/** Seconds as "3 h 20 min" / "2 j 4 h". */
export function duration(
  t: (k: MessageKey, p?: Record<string, string | number>) => string,
  s: number | null,
) {
  if (s === null) return t('alerts.noMedian');
  const m = Math.round(s / 60);
  if (m < 60) return t('duration.minutes', { m });
  const h = Math.floor(m / 60);
  if (h < 48) return t('duration.hours', { h, m: m % 60 });
  return t('duration.days', { d: Math.floor(h / 24), h: h % 24 });
}
