import { DrawdownChart } from '../components/DrawdownChart.tsx';
import { DrawdownMap } from '../components/DrawdownMap.tsx';
import { RankingSection } from '../components/RankingSection.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { analysisApi } from '../lib/analysis-api.ts';
import type { Drawdown, DrawdownBase } from '../lib/analysis-types.ts';
import { api } from '../lib/api.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import type { Boundaries } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';

const WINDOWS = [3, 6, 9, 12] as const;
/** Treated areas: the base's cercle (monthly aggregates or events), or a circle of N km (events only). */
const AREAS = ['admin2', '25', '50', '100'] as const;
/** The circle drawn around a base: the radius the ranking counts civilian harm in. */
export const RADIUS_KM = 50;

/**
 * Drawdown: per base with a closure date, political violence in its cercle before and after the closure against
 * cercles with no closure in the window (difference-in-differences with its interval), its chart and its map;
 * then the protection-risk ranking of presences still open.
 */
export function DrawdownPage() {
  const { t, fmt, label } = useI18n();
  const { params } = useLocation();
  const months = WINDOWS.find((w) => String(w) === params.get('months')) ?? 6;
  const measure = params.get('measure') === 'fatalities' ? 'fatalities' : 'events';
  const area = AREAS.find((a) => a === params.get('area')) ?? 'admin2';
  const radius = area === 'admin2' ? '' : `&radiusKm=${area}`;
  const drawdown = useFetch<Drawdown>(analysisApi.drawdown(`months=${months}&measure=${measure}${radius}`));
  const cercles = useFetch<Boundaries>(api.boundaries(2), { reference: true });
  const bases = drawdown.data?.bases ?? [];
  const selected = bases.find((b) => b.base === params.get('base')) ?? bases[0];
  const dec = (n: number) =>
    n.toLocaleString(fmt.tag, {
      maximumFractionDigits: 1,
      minimumFractionDigits: 1,
      signDisplay: 'exceptZero',
    });
  const mean = (n: number) =>
    n.toLocaleString(fmt.tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const unit = t(`drawdown.unit.${measure}`);

  return (
    <div className="page drawdown-page">
      <h1 id="page-title">{t('drawdown.title')}</h1>
      <p className="lead">{t('drawdown.lead')}</p>
      <form className="map-controls" aria-label={t('drawdown.controls')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="dd-months">{t('drawdown.months')}</label>
          <select id="dd-months" value={months} onChange={(e) => updateParams({ months: e.target.value })}>
            {WINDOWS.map((w) => (
              <option key={w} value={w}>
                {t('drawdown.monthsOption', { m: w })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dd-measure">{t('drawdown.measure')}</label>
          <select id="dd-measure" value={measure} onChange={(e) => updateParams({ measure: e.target.value })}>
            <option value="events">{t('drawdown.measure.events')}</option>
            <option value="fatalities">{t('drawdown.measure.fatalities')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="dd-area">{t('drawdown.area')}</label>
          <select
            id="dd-area"
            value={area}
            onChange={(e) => updateParams({ area: e.target.value === 'admin2' ? undefined : e.target.value })}
          >
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {a === 'admin2' ? t('drawdown.area.admin2') : t('drawdown.area.radius', { km: a })}
              </option>
            ))}
          </select>
        </div>
      </form>
      {drawdown.error ? <ErrorMessage error={drawdown.error} /> : null}
      {!drawdown.data && !drawdown.error ? <Loading /> : null}
      {drawdown.data && bases.length === 0 ? (
        <p className="status">{t(area === 'admin2' ? 'drawdown.none' : 'drawdown.noneRadius')}</p>
      ) : null}
      {bases.length > 0 ? (
        <section aria-labelledby="dd-bases-title">
          <h2 id="dd-bases-title">{t('drawdown.bases.title')}</h2>
          <div className="table-scroll">
            <table data-testid="drawdown-table">
              <caption className="visually-hidden">{t('drawdown.bases.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('drawdown.col.base')}</th>
                  <th scope="col">{t('drawdown.col.closedOn')}</th>
                  <th scope="col">{t('drawdown.col.admin2')}</th>
                  <th scope="col">{t('drawdown.col.treated')}</th>
                  <th scope="col">{t('drawdown.col.comparison')}</th>
                  <th scope="col">{t('drawdown.col.did', { unit })}</th>
                  <th scope="col">{t('drawdown.col.ci95')}</th>
                </tr>
              </thead>
              <tbody>
                {bases.map((b) => (
                  <tr key={b.base} data-base={b.base} data-did={b.did} aria-selected={b === selected}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={b === selected}
                        onClick={() => updateParams({ base: b.base })}
                      >
                        {b.base}
                      </button>
                    </th>
                    <td>
                      {fmt.date(b.closedOn)}
                      {b.dateQuality ? ` (${label('quality', b.dateQuality)})` : ''}
                    </td>
                    <td>{b.admin2Name}</td>
                    <td className="num">
                      {mean(b.treated.before)} → {mean(b.treated.after)}
                    </td>
                    <td className="num">
                      {mean(b.comparison.before)} → {mean(b.comparison.after)}
                    </td>
                    <td className="num">{dec(b.did)}</td>
                    <td className="num">
                      [{dec(b.ci95[0])} ; {dec(b.ci95[1])}]
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('drawdown.caveat')}</p>
        </section>
      ) : null}
      {selected ? <BaseDetail base={selected} cercles={cercles.data} unit={unit} dec={dec} /> : null}
      <RankingSection />
    </div>
  );
}

function BaseDetail({
  base,
  cercles,
  unit,
  dec,
}: {
  base: DrawdownBase;
  cercles: Boundaries | undefined;
  unit: string;
  dec: (n: number) => string;
}) {
  const { t, fmt, label } = useI18n();
  return (
    <section aria-labelledby="dd-base-title" className="chart-section" data-testid="drawdown-detail">
      <h2 id="dd-base-title">{t('drawdown.base.title', { name: base.base })}</h2>
      <p data-testid="drawdown-estimate" data-did={base.did}>
        {t('drawdown.base.estimate', {
          did: dec(base.did),
          unit,
          low: dec(base.ci95[0]),
          high: dec(base.ci95[1]),
          name: base.admin2Name,
          n: fmt.number(base.comparison.units),
        })}
      </p>
      <p className="hint">
        {t('drawdown.base.source', {
          source: t(`drawdown.source.${base.source}`),
          date: fmt.date(base.closedOn),
          quality: base.dateQuality ? label('quality', base.dateQuality) : '—',
        })}
      </p>
      <div className="columns">
        <DrawdownChart base={base} />
        <DrawdownMap base={base} cercles={cercles} radiusKm={base.radiusKm ?? RADIUS_KM} />
      </div>
    </section>
  );
}
