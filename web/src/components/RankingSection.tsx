import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { analysisApi } from '../lib/analysis-api.ts';
import { HOTSPOT_CLASSES, type Ranking } from '../lib/analysis-types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

/**
 * The protection-risk ranking of presences still open, for sequencing: the table, and the formula with its
 * weights (as the server computed them) so that every rank can be re-derived by hand.
 */
export function RankingSection() {
  const { t, fmt } = useI18n();
  const { data, error } = useFetch<Ranking>(analysisApi.ranking(''));
  const dec = (n: number) =>
    n.toLocaleString(fmt.tag, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const cls = (c: string | null) => (c === null ? '—' : t(`hotspots.class.${c}` as MessageKey));
  return (
    <section aria-labelledby="ranking-title" className="chart-section" data-testid="ranking">
      <h2 id="ranking-title">{t('ranking.title')}</h2>
      <p className="hint">{t('ranking.lead')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data ? (
        <>
          <p data-testid="ranking-window">
            {t('ranking.window', {
              from: fmt.month(`${data.from}-01`),
              to: fmt.month(`${data.to}-01`),
              measure: t(`ranking.measure.${data.measure}` as MessageKey),
            })}
          </p>
          <div className="formula" data-testid="ranking-formula">
            <h3>{t('ranking.formula.title')}</h3>
            <p>
              <code>
                score = {dec(data.formula.weights.trend)} × {t('ranking.formula.trendName')} +{' '}
                {dec(data.formula.weights.level)} × {t('ranking.formula.levelName')} +{' '}
                {dec(data.formula.weights.hotspot)} × {t('ranking.formula.hotspotName')} +{' '}
                {dec(data.formula.weights.forecast)} × {t('ranking.formula.forecastName')}
              </code>
            </p>
            <ul>
              <li>{t('ranking.formula.trend', { m: data.formula.months })}</li>
              <li>{t('ranking.formula.level')}</li>
              <li>
                {t('ranking.formula.hotspot')}{' '}
                {HOTSPOT_CLASSES.map((c) => {
                  const score = data.formula.hotspotScores[c];
                  return `${cls(c)} ${score === undefined ? '—' : dec(score)}`;
                }).join(' ; ')}
              </li>
              <li>{t('ranking.formula.forecast')}</li>
            </ul>
          </div>
          {data.presences.length === 0 ? (
            <p className="status" data-testid="ranking-empty">
              {t('ranking.empty')}
            </p>
          ) : (
            <div className="table-scroll">
              <table data-testid="ranking-table">
                <caption className="visually-hidden">{t('ranking.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ranking.col.rank')}</th>
                    <th scope="col">{t('ranking.col.presence')}</th>
                    <th scope="col">{t('ranking.col.admin2')}</th>
                    <th scope="col">{t('ranking.col.score')}</th>
                    <th scope="col">{t('ranking.col.trend')}</th>
                    <th scope="col">{t('ranking.col.level')}</th>
                    <th scope="col">{t('ranking.col.hotspot')}</th>
                    <th scope="col">{t('ranking.col.forecast')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.presences.map((p) => (
                    <tr key={p.name} data-presence={p.name} data-rank={p.rank} data-score={p.score}>
                      <td className="num">{fmt.number(p.rank)}</td>
                      <th scope="row">{p.name}</th>
                      <td>{p.admin2Name}</td>
                      <td className="num">{dec(p.score)}</td>
                      <td className="num">
                        {fmt.number(p.trend.previous)} → {fmt.number(p.trend.recent)} ({dec(p.trend.score)})
                      </td>
                      <td className="num">{dec(p.level.score)}</td>
                      <td>
                        {cls(p.hotspot.class)} ({dec(p.hotspot.score)})
                      </td>
                      <td>{p.forecast.value === null ? t('ranking.noForecast') : dec(p.forecast.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.excluded.length > 0 ? (
            <details>
              <summary>{t('ranking.excluded', { n: fmt.number(data.excluded.length) })}</summary>
              <ul data-testid="ranking-excluded">
                {data.excluded.map((e) => (
                  <li key={e.name}>
                    {e.name} : {t(`ranking.reason.${e.reason}` as MessageKey)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
