import 'leaflet/dist/leaflet.css';
import { useMemo } from 'react';
import { ClassLegend } from '../components/ClassLegend.tsx';
import { HotspotControls, parseHotspotParams } from '../components/HotspotControls.tsx';
import { EmergingTable, GiTable } from '../components/HotspotTables.tsx';
import { useLayer, useLeafletMap } from '../components/MapView.tsx';
import { ErrorMessage, Loading } from '../components/StatusMessage.tsx';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { analysisApi } from '../lib/analysis-api.ts';
import {
  EMERGING_PATTERNS,
  HOTSPOT_CLASSES,
  type EmergingClass,
  type EmergingHotspots,
  type Hotspots,
} from '../lib/analysis-types.ts';
import { api } from '../lib/api.ts';
import { EMERGING_COLOURS, HOTSPOT_COLOURS, hotspotPeriod } from '../lib/hotspot-classes.ts';
import { classLayer, unitFeatures } from '../lib/hotspot-layers.ts';
import { boundsOf, outlineLayer } from '../lib/map-layers.ts';
import { updateParams, useLocation } from '../lib/router.ts';
import type { Boundaries, Coverage } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';

const EMERGING_ORDER: EmergingClass[] = [
  ...EMERGING_PATTERNS.map((p) => `${p}-hot` as const),
  ...EMERGING_PATTERNS.map((p) => `${p}-cold` as const),
  'no-pattern',
];

/**
 * Hotspots: Getis–Ord Gi* classes per unit (hot/cold at 90/95/99 % after FDR) over a period, or the emerging
 * hot-spot pattern of each unit over time steps; a map, a legend with counts and a table of the units that stand out.
 */
export function HotspotsPage() {
  const { t, fmt } = useI18n();
  const { params } = useLocation();
  const { view, unit, measure, step } = parseHotspotParams(params);
  const coverage = useFetch<Coverage>(api.coverage());
  const lastDate =
    coverage.data?.sources
      .map((s) => s.lastDate)
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const period = hotspotPeriod(
    { from: params.get('from'), to: params.get('to') },
    lastDate,
    view === 'emerging' ? step : null,
  );
  const selected = params.get('unitCode') ?? undefined;
  const query = period
    ? new URLSearchParams({
        unit,
        measure,
        from: period.from,
        to: period.to,
        ...(view === 'emerging' ? { step } : {}),
      }).toString()
    : null;
  const gi = useFetch<Hotspots>(view === 'gi' && query ? analysisApi.hotspots(query) : null);
  const emerging = useFetch<EmergingHotspots>(
    view === 'emerging' && query ? analysisApi.emerging(query) : null,
  );
  const level1 = useFetch<Boundaries>(api.boundaries(1), { reference: true });
  const level2 = useFetch<Boundaries>(unit === 'admin2' ? api.boundaries(2) : null, { reference: true });
  const areas = unit === 'admin2' ? level2.data : level1.data;

  const bounds = useMemo(() => boundsOf(level1.data), [level1.data]);
  const { ref, map } = useLeafletMap(bounds);
  const data = view === 'gi' ? gi.data : emerging.data;
  const error = view === 'gi' ? gi.error : emerging.error;
  const classOf = useMemo(() => {
    const m = new Map<string, string>();
    for (const c of data?.cells ?? []) m.set(c.code, c.class);
    return m;
  }, [data]);
  const nameOf = useMemo(() => new Map((data?.cells ?? []).map((c) => [c.code, c.name])), [data]);
  const colour = (cls: string | undefined) =>
    view === 'gi'
      ? HOTSPOT_COLOURS[(cls ?? 'not-significant') as keyof typeof HOTSPOT_COLOURS]
      : EMERGING_COLOURS[(cls ?? 'no-pattern') as EmergingClass];
  const className = (cls: string) =>
    t(`${view === 'gi' ? 'hotspots.class' : 'hotspots.pattern'}.${cls}` as MessageKey);
  const select = (code: string) => updateParams({ unitCode: code === selected ? undefined : code });

  const features = useMemo(
    () =>
      data && (areas || (unit !== 'admin1' && unit !== 'admin2'))
        ? unitFeatures(unit, [...classOf.keys()], areas)
        : null,
    [data, areas, unit, classOf],
  );
  useLayer(
    map,
    () =>
      features
        ? classLayer(
            features,
            (code) => colour(classOf.get(code)),
            (code) => `${nameOf.get(code) ?? code}\n${className(classOf.get(code) ?? '')}`,
            selected,
            select,
          )
        : null,
    [features, classOf, selected, view, t],
    'back',
  );
  useLayer(
    map,
    () => (unit !== 'admin1' && unit !== 'admin2' && level1.data ? outlineLayer(level1.data) : null),
    [unit, level1.data],
  );

  const order: readonly string[] = view === 'gi' ? HOTSPOT_CLASSES : EMERGING_ORDER;
  const counts = new Map<string, number>();
  for (const cls of classOf.values()) counts.set(cls, (counts.get(cls) ?? 0) + 1);
  const legend = order
    .filter((cls) => view === 'gi' || counts.has(cls))
    .map((cls) => ({ key: cls, colour: colour(cls), label: className(cls), count: counts.get(cls) ?? 0 }));
  const loading = data === undefined && error === undefined;

  return (
    <div className="page map-page hotspots-page">
      <h1 id="page-title">{t('hotspots.title')}</h1>
      <p className="lead">{t(view === 'gi' ? 'hotspots.lead.gi' : 'hotspots.lead.emerging')}</p>
      {period ? (
        <HotspotControls view={view} unit={unit} measure={measure} step={step} {...period} />
      ) : coverage.data ? (
        <p className="status">{t('hotspots.noData')}</p>
      ) : (
        <Loading />
      )}
      {error ? <ErrorMessage error={error} /> : null}
      {data ? (
        <p className="status" data-testid="hotspot-summary">
          {t('hotspots.summary', {
            units: fmt.number(data.cells.length),
            from: fmt.month(`${data.from}-01`),
            to: fmt.month(`${data.to}-01`),
            measure: t(`hotspots.measure.${data.measure}` as MessageKey),
          })}
        </p>
      ) : null}
      <div className="map-layout">
        <div
          ref={ref}
          className="map"
          role="region"
          data-testid="hotspot-map"
          data-view={view}
          data-ready={map !== null && features !== null}
        />
        <aside className="map-side" aria-label={t('hotspots.side')}>
          {loading ? <Loading /> : null}
          {data ? (
            <ClassLegend
              title={t(view === 'gi' ? 'hotspots.legend.gi' : 'hotspots.legend.emerging')}
              items={legend}
              testId="hotspot-legend"
            />
          ) : null}
          <p className="hint">{t(view === 'gi' ? 'hotspots.method.gi' : 'hotspots.method.emerging')}</p>
        </aside>
      </div>
      {gi.data && view === 'gi' ? <GiTable data={gi.data} selected={selected} onSelect={select} /> : null}
      {emerging.data && view === 'emerging' ? (
        <EmergingTable data={emerging.data} selected={selected} onSelect={select} />
      ) : null}
    </div>
  );
}
