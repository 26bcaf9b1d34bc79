import 'leaflet/dist/leaflet.css';
import { useMemo, useState } from 'react';
import { AreaList } from '../components/AreaList.tsx';
import { FilterSummary } from '../components/FilterSummary.tsx';
import {
  MapControls,
  isGrid,
  parseForecastOutcome,
  parseLayer,
  parseMeasure,
  parseUnit,
} from '../components/MapControls.tsx';
import { MapForecastLegend, MapForecastMissing } from '../components/MapForecastLegend.tsx';
import { MapLegend } from '../components/MapLegend.tsx';
import { useLayer, useLeafletMap } from '../components/MapView.tsx';
import { ErrorMessage } from '../components/StatusMessage.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../components/Link.tsx';
import { alertApi, decimal, type ForecastSet } from '../lib/alert-api.ts';
import { api } from '../lib/api.ts';
import { areaPath } from '../lib/area-api.ts';
import { nextMonthForecast } from '../lib/forecast-classes.ts';
import { forecastChoroplethLayer } from '../lib/forecast-layer.ts';
import { useDatabase } from '../lib/database.tsx';
import { dayOf, filterQuery, readFilters } from '../lib/filters.ts';
import {
  basesLayer,
  boundsOf,
  choroplethLayer,
  gridLayer,
  outlineLayer,
  pointsLayer,
  popupContent,
} from '../lib/map-layers.ts';
import { classBreaks } from '../lib/palette.ts';
import { navigate, updateParams, useLocation } from '../lib/router.ts';
import type { Base, Bases, Boundaries, EventPoints, MapCells, Stats } from '../lib/types.ts';
import { baseStatus } from '../lib/bases.ts';
import { useFetch } from '../lib/use-fetch.ts';

const POINT_LIMIT = 5000;

/** Map: choropleth by admin-1/admin-2 or H3 hexagons, event points, protection presences and a legend. */
export function MapPage() {
  const { t, fmt, label } = useI18n();
  const { params } = useLocation();
  const { empty } = useDatabase();
  const filters = readFilters(params);
  const unit = parseUnit(params.get('unit'));
  const measure = parseMeasure(params.get('measure'));
  const layer = parseLayer(params.get('layer'), unit);
  const forecastOutcome = parseForecastOutcome(params.get('outcome'));
  // Area pages open on the forecast the map shows.
  const areaSearch =
    layer === 'forecast' && forecastOutcome !== 'civilian-fatalities' ? `outcome=${forecastOutcome}` : '';
  const forecastUnit = unit === 'admin1' || unit === 'admin2' ? unit : null;
  const [showPoints, setShowPoints] = useState(false);
  const [showBases, setShowBases] = useState(true);
  const grid = isGrid(unit);

  const level1 = useFetch<Boundaries>(api.boundaries(1), { reference: true });
  const level2 = useFetch<Boundaries>(unit === 'admin2' ? api.boundaries(2) : null, { reference: true });
  const cells = useFetch<MapCells>(api.map(filterQuery(filters, { unit })));
  const points = useFetch<EventPoints>(
    showPoints ? api.points(filterQuery(filters, { limit: String(POINT_LIMIT) })) : null,
  );
  const bases = useFetch<Bases>(api.bases(), { reference: true });
  const stats = useFetch<Stats>(grid ? null : api.stats(filterQuery(filters)));
  // Fetched only on the forecast layer: before any run the answer is a 404, which the legend explains.
  const forecastSet = useFetch<ForecastSet>(
    layer === 'forecast' && forecastUnit ? alertApi.forecasts(forecastUnit, forecastOutcome) : null,
  );
  const next = useMemo(
    () => (layer === 'forecast' ? nextMonthForecast(forecastSet.data) : null),
    [layer, forecastSet.data],
  );
  const forecastMissing = layer === 'forecast' && forecastSet.error?.status === 404;
  const num = useMemo(() => decimal(fmt.tag), [fmt]);

  const bounds = useMemo(() => boundsOf(level1.data), [level1.data]);
  const { ref, map } = useLeafletMap(bounds);
  const values = useMemo(() => new Map((cells.data?.cells ?? []).map((c) => [c.code, c])), [cells.data]);
  const breaks = useMemo(
    () => classBreaks((cells.data?.cells ?? []).map((c) => c[measure])),
    [cells.data, measure],
  );
  const areas = unit === 'admin2' ? level2.data : unit === 'admin1' ? level1.data : undefined;
  const selected = unit === 'admin2' ? filters.admin2 : filters.admin1;
  const reference = filters.to ? dayOf(filters.to, 'to') : new Date().toISOString().slice(0, 10);
  const status = (b: Base) => baseStatus(b, reference);
  const valueText = (v: number | undefined) =>
    t('map.value', { measure: t(`measure.${measure}`), value: fmt.number(v ?? 0) });

  const selectArea = (code: string) => {
    if (unit === 'admin2') updateParams({ admin2: code === filters.admin2 ? undefined : code });
    else updateParams({ admin1: code === filters.admin1 ? undefined : code, admin2: undefined });
  };

  useLayer(
    map,
    () =>
      areas && next && forecastUnit
        ? forecastChoroplethLayer(
            areas,
            next,
            selected,
            (p, v) =>
              v
                ? t('map.forecast.tooltip', {
                    name: p.name,
                    what: t(`map.forecast.pAny.${forecastOutcome}`),
                    p: fmt.percent(v.pAny),
                    median: num(v.median),
                    lo: num(v.lower90),
                    hi: num(v.upper90),
                  })
                : `${p.name}\n${t('forecast.noValue')}`,
            (p, v) =>
              popupContent(
                p.name,
                v
                  ? [
                      [t('forecast.pAny'), fmt.percent(v.pAny)],
                      [t('forecast.col.median'), num(v.median)],
                      [t('forecast.col.interval'), `${num(v.lower90)} – ${num(v.upper90)}`],
                      [t('forecast.col.pMass'), fmt.percent(v.pMass)],
                    ]
                  : [[t('forecast.noValue'), '—']],
                {
                  text: t('map.forecast.openArea'),
                  onClick: () => navigate(areaPath(forecastUnit, p.code), areaSearch),
                },
              ),
          )
        : null,
    [areas, next, forecastUnit, forecastOutcome, areaSearch, selected, fmt, t, num],
    'back',
  );
  useLayer(
    map,
    () =>
      areas && layer === 'observed'
        ? choroplethLayer(
            areas,
            { values, measure, breaks, selected },
            (p, c) => `${p.name}\n${valueText(c?.[measure])}`,
            selectArea,
          )
        : null,
    [areas, layer, values, measure, breaks, selected, fmt],
    'back',
  );
  useLayer(
    map,
    () =>
      grid && cells.data
        ? gridLayer(cells.data.cells, { values, measure, breaks, selected }, (c) => valueText(c[measure]))
        : null,
    [grid, cells.data, measure, breaks, fmt],
    'back',
  );
  // Outlines alone while the forecast layer has nothing to colour (none stored, or still loading).
  const outlines = grid ? level1.data : layer === 'forecast' && next === null ? areas : undefined;
  useLayer(map, () => (outlines ? outlineLayer(outlines) : null), [outlines]);
  useLayer(
    map,
    () =>
      showPoints && points.data
        ? pointsLayer(points.data, (p) =>
            popupContent(
              p.location ?? t('detail.noPlace'),
              [
                [t('detail.date'), fmt.date(p.date)],
                [t('detail.type'), label('eventType', p.eventType)],
                [t('detail.perpetrator'), label('perpetrator', p.perpetratorCategory)],
                [t('detail.fatalities'), fmt.number(p.fatalities)],
                [t('detail.civilianFatalities'), fmt.number(p.civilianFatalities)],
              ],
              {
                text: t('map.openEvent'),
                onClick: () => navigate('/events', filterQuery(filters, { event: String(p.id) })),
              },
            ),
          )
        : null,
    [showPoints, points.data, fmt, label],
  );
  useLayer(
    map,
    () =>
      showBases && bases.data
        ? basesLayer(
            bases.data.bases,
            status,
            (b) =>
              popupContent(b.name, [
                [t('base.type'), b.siteType ?? ''],
                [t('base.region'), b.admin1Text ?? ''],
                [t('base.opened'), b.openedOn ? fmt.date(b.openedOn) : t('base.unknown')],
                [t('base.closed'), b.closedOn ? fmt.date(b.closedOn) : t(`base.noClosure.${status(b)}`)],
                [t('base.quality'), b.dateQuality ? label('quality', b.dateQuality) : ''],
                [t('base.notes'), b.notes ?? ''],
              ]),
            (b) => t(`base.title.${status(b)}`, { name: b.name }),
          )
        : null,
    [showBases, bases.data, reference, fmt, label],
  );

  // Grid cells leave coarse locations out; admin areas count them (their region is known) but points do not.
  const excluded = grid ? cells.data?.excludedCoarse : stats.data?.unassigned.coarseLocation;
  return (
    <div className="page map-page">
      <h1 id="page-title">{t('map.title')}</h1>
      <FilterSummary filters={filters} />
      <MapControls
        unit={unit}
        layer={layer}
        measure={measure}
        forecastOutcome={forecastOutcome}
        showPoints={showPoints}
        showBases={showBases}
        onPoints={setShowPoints}
        onBases={setShowBases}
      />
      {cells.error ? <ErrorMessage error={cells.error} /> : null}
      {empty ? (
        <p className="status" role="note">
          {t('map.emptyDatabase')}{' '}
          <Link to="/data" search="">
            {t('empty.browserLink')}
          </Link>
        </p>
      ) : null}
      <div className="map-layout">
        <div
          ref={ref}
          className="map"
          role="region"
          data-testid="map"
          data-layer={layer}
          data-ready={
            map !== null &&
            cells.data !== undefined &&
            (areas !== undefined || grid) &&
            (layer === 'observed' || next !== null || forecastMissing)
          }
        />
        <aside className="map-side" aria-label={t('map.side')}>
          <MapLegend
            measure={measure}
            breaks={breaks}
            showPoints={showPoints}
            showBases={showBases}
            reference={reference}
            areaClasses={
              next && forecastSet.data ? (
                <MapForecastLegend next={next} run={forecastSet.data.run} outcome={forecastOutcome} />
              ) : forecastMissing && forecastUnit ? (
                <MapForecastMissing unit={forecastUnit} outcome={forecastOutcome} />
              ) : undefined
            }
          />
          {layer === 'forecast' && forecastSet.error && !forecastMissing ? (
            <ErrorMessage error={forecastSet.error} />
          ) : null}
          {excluded !== undefined && excluded > 0 ? (
            <p className="excluded" data-testid="excluded-coarse">
              {t(grid ? 'map.excluded' : 'map.coarseInAreas', { count: excluded, n: fmt.number(excluded) })}
            </p>
          ) : null}
          {points.data?.truncated ? (
            <p className="excluded">{t('map.truncated', { n: fmt.number(POINT_LIMIT) })}</p>
          ) : null}
          <AreaList
            unit={unit}
            measure={measure}
            areas={areas}
            cells={cells.data?.cells ?? []}
            selected={selected}
            onSelect={selectArea}
            forecast={next ?? undefined}
            areaSearch={areaSearch}
            forecastOutcome={forecastOutcome}
          />
        </aside>
      </div>
    </div>
  );
}
