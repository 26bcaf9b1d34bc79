import { useI18n } from '../i18n/i18n.tsx';
import type { PerpetratorLeaders } from '../lib/analysis-types.ts';

/** Per period: the armed-actor category that led, its share, the runner-up, and unidentified harm as a caveat. */
export function LeadersTable({ data }: { data: PerpetratorLeaders }) {
  const { t, fmt, label } = useI18n();
  const periods = data.periods.filter((p) => p.total > 0);
  const name = (k: string | null) => (k === null ? '—' : label('perpetrator', k));
  const led = Object.entries(data.ledPeriods).sort((a, b) => b[1] - a[1]);
  return (
    <section aria-labelledby="leaders-title" className="chart-section">
      <h2 id="leaders-title">{t('trends.leaders.title')}</h2>
      <p className="hint">{t('trends.leaders.hint')}</p>
      <p data-testid="led-periods">
        {t('trends.leaders.count')} {led.map(([k, n]) => `${name(k)} : ${fmt.number(n)}`).join(' · ') || '—'}
      </p>
      <div className="table-scroll">
        <table data-testid="leaders-table">
          <caption className="visually-hidden">{t('trends.leaders.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trends.col.period')}</th>
              <th scope="col">{t('trends.col.leader')}</th>
              <th scope="col">{t('trends.col.value')}</th>
              <th scope="col">{t('trends.col.share')}</th>
              <th scope="col">{t('trends.col.runnerUp')}</th>
              <th scope="col">{t('trends.col.unidentified')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period} data-period={p.period} data-leader={p.leader ?? ''} data-value={p.value}>
                <th scope="row">
                  {data.by === 'month' ? fmt.month(`${p.period.slice(0, 7)}-01`) : p.period}
                </th>
                <td>
                  {p.tied.length > 1
                    ? t('trends.tied', { names: p.tied.map(name).join(', ') })
                    : name(p.leader)}
                </td>
                <td className="num">{fmt.number(p.value)}</td>
                <td className="num">{p.share === null ? '—' : fmt.percent(p.share)}</td>
                <td>{p.runnerUp === null ? '—' : `${name(p.runnerUp)} (${fmt.number(p.runnerUpValue)})`}</td>
                <td className="num">
                  {fmt.number(p.unidentified.value)}
                  {p.unidentified.exceedsLeader ? ` — ${t('trends.exceedsLeader')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
