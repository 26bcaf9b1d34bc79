import { useMemo } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { decimal } from '../lib/alert-api.ts';
import { areaPath, type ForecastOutcome } from '../lib/area-api.ts';
import type { NextMonth } from '../lib/forecast-classes.ts';
import type { Boundaries, MapCell, Measure } from '../lib/types.ts';
import { Link } from './Link.tsx';
import type { MapUnit } from './MapControls.tsx';

/**
 * The map's areas as a list, highest first: the keyboard and screen-reader way to read the map and to pick a
 * region or cercle (the same filter a click on the map sets), with a link to each area's page. On the forecast
 * layer it lists P(y ≥ 1) and the median with its 90 % interval instead of the observed measure.
 */
export function AreaList({
  unit,
  measure,
  areas,
  cells,
  selected,
  onSelect,
  forecast,
  areaSearch = '',
  forecastOutcome = 'civilian-fatalities',
}: {
  unit: MapUnit;
  measure: Measure;
  areas: Boundaries | undefined;
  cells: MapCell[];
  selected: string | undefined;
  onSelect: (code: string) => void;
  forecast?: NextMonth | undefined;
  /** The area pages' query (the forecast outcome shown), so a link opens the page on the same forecast. */
  areaSearch?: string;
  /** Which stored forecast the forecast columns show (their heading names it). */
  forecastOutcome?: ForecastOutcome;
}) {
  const { t, fmt } = useI18n();
  const num = useMemo(() => decimal(fmt.tag), [fmt]);
  const byCode = new Map(cells.map((c) => [c.code, c]));
  const rows =
    areas !== undefined
      ? areas.features.map((f) => ({
          code: f.properties.code,
          name: f.properties.name,
          value: forecast
            ? (forecast.byCode.get(f.properties.code)?.pAny ?? -1)
            : (byCode.get(f.properties.code)?.[measure] ?? 0),
        }))
      : cells.map((c) => ({ code: c.code, name: c.name ?? c.code, value: c[measure] }));
  const sorted = rows
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, areas ? undefined : 15);
  const pickable = areas !== undefined;
  const adminUnit = unit === 'admin1' || unit === 'admin2' ? unit : null;
  return (
    <section className="area-list" aria-labelledby="area-list-title">
      <h2 id="area-list-title">{t(`map.list.${unit.startsWith('h3:') ? 'h3' : unit}` as MessageKey)}</h2>
      {pickable ? <p className="hint">{t('map.listHint')}</p> : null}
      <div className="table-scroll area-scroll">
        <table data-testid="area-list" data-layer={forecast ? 'forecast' : 'observed'}>
          <thead>
            <tr>
              <th scope="col">{t('map.area')}</th>
              {forecast ? (
                <>
                  <th scope="col" className="num">
                    {t(`map.forecast.pAny.${forecastOutcome}`)}
                  </th>
                  <th scope="col" className="num">
                    {t('map.list.median')}
                  </th>
                </>
              ) : (
                <th scope="col" className="num">
                  {t(`measure.${measure}` as MessageKey)}
                </th>
              )}
              {adminUnit ? <th scope="col">{t('map.list.page')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => {
              const v = forecast?.byCode.get(r.code);
              return (
                <tr key={r.code} className={r.code === selected ? 'selected' : undefined} data-code={r.code}>
                  <th scope="row">
                    {pickable ? (
                      <button
                        type="button"
                        className="link-button"
                        aria-pressed={r.code === selected}
                        onClick={() => onSelect(r.code)}
                      >
                        {r.name}
                      </button>
                    ) : (
                      <code>{r.name}</code>
                    )}
                  </th>
                  {forecast ? (
                    <>
                      <td className="num" data-col="pAny">
                        {v ? fmt.percent(v.pAny) : '—'}
                      </td>
                      <td className="num" data-col="median">
                        {v
                          ? t('map.list.medianValue', {
                              median: num(v.median),
                              lo: num(v.lower90),
                              hi: num(v.upper90),
                            })
                          : '—'}
                      </td>
                    </>
                  ) : (
                    <td className="num">{fmt.number(r.value)}</td>
                  )}
                  {adminUnit ? (
                    <td>
                      <Link to={areaPath(adminUnit, r.code)} search={areaSearch}>
                        {t('map.list.open')}
                        <span className="visually-hidden"> {r.name}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
