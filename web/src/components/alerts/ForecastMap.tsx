import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { decimal, type ForecastValue } from '../../lib/alert-api.ts';
import { boundsOf } from '../../lib/map-layers.ts';
import { classBreaks, classColour, SEQUENTIAL, ZERO_COLOUR } from '../../lib/palette.ts';
import type { Boundaries } from '../../lib/types.ts';
import { ClassLegend } from '../ClassLegend.tsx';
import { useLayer, useLeafletMap } from '../MapView.tsx';

export type ForecastMeasure = 'mean' | 'pAny';

/** The forecast of one target month per unit as a choropleth, with its class legend (the table is the alternative). */
export function ForecastMap({
  boundaries,
  values,
  measure,
}: {
  boundaries: Boundaries;
  values: ForecastValue[];
  measure: ForecastMeasure;
}) {
  const { t, fmt } = useI18n();
  const num = useMemo(() => decimal(fmt.tag), [fmt]);
  const bounds = useMemo(() => boundsOf(boundaries), [boundaries]);
  const { ref, map } = useLeafletMap(bounds);
  const byCode = useMemo(() => new Map(values.map((v) => [v.unitCode, v])), [values]);
  const breaks = useMemo(() => classBreaks(values.map((v) => v[measure])), [values, measure]);
  const show = (n: number) => (measure === 'pAny' ? fmt.percent(n) : num(n));
  useLayer(
    map,
    () =>
      L.geoJSON(boundaries, {
        style: (f) => {
          const v = byCode.get((f?.properties as { code: string }).code);
          return {
            fillColor: v ? classColour(v[measure], breaks) : '#ffffff',
            fillOpacity: 0.8,
            color: '#555',
            weight: 0.7,
          };
        },
        onEachFeature: (f, layer) => {
          const p = f.properties as { code: string; name: string };
          const v = byCode.get(p.code);
          layer.bindTooltip(
            v
              ? t('forecast.tooltip', {
                  name: p.name,
                  mean: num(v.mean),
                  lo: num(v.lower90),
                  hi: num(v.upper90),
                  p: fmt.percent(v.pAny),
                })
              : `${p.name}: ${t('forecast.noValue')}`,
            { sticky: true },
          );
        },
      }),
    [boundaries, byCode, breaks, measure, t, fmt, num],
    'back',
  );
  const first = SEQUENTIAL.length - breaks.length;
  const items = [
    {
      key: 'zero',
      colour: ZERO_COLOUR,
      label: show(0),
      count: values.filter((v) => v[measure] <= 0).length,
    },
    ...breaks.map((b, i) => {
      const lo = i === 0 ? 0 : breaks[i - 1]!;
      return {
        key: `c${i}`,
        colour: SEQUENTIAL[first + i]!,
        label: t('forecast.classRange', { lo: show(lo), hi: show(b) }),
        count: values.filter((v) => v[measure] > lo && v[measure] <= b).length,
      };
    }),
  ];
  return (
    <div className="forecast-map">
      <div
        ref={ref}
        className="map small-map"
        role="region"
        aria-label={t('forecast.mapLabel')}
        data-testid="forecast-map"
        data-ready={map !== null}
      />
      <ClassLegend
        title={measure === 'pAny' ? t('forecast.pAny') : t('forecast.mean')}
        items={items}
        testId="forecast-legend"
      />
    </div>
  );
}
