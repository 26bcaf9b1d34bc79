import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { DrawdownBase } from '../lib/analysis-types.ts';
import { boundsOf } from '../lib/map-layers.ts';
import type { Boundaries } from '../lib/types.ts';
import { useLayer, useLeafletMap } from './MapView.tsx';

const TREATED = '#D55E00';
const COMPARISON = '#56B4E9';

/** Ménaka's 2021 cercles (ML10xx) are compared as the 2017 cercle ML0704, as the server does. */
const as2017 = (code: string) => (code.startsWith('ML10') && code.length > 4 ? 'ML0704' : code);

/**
 * The base, a circle of `radiusKm` around it, its cercle (the treated area of the estimate) and the comparison
 * cercles; cercles left out of the comparison (another closure in the window) stay white.
 */
export function DrawdownMap({
  base,
  cercles,
  radiusKm,
}: {
  base: DrawdownBase;
  cercles: Boundaries | undefined;
  radiusKm: number;
}) {
  const { t } = useI18n();
  const bounds = useMemo(() => boundsOf(cercles), [cercles]);
  const { ref, map } = useLeafletMap(bounds);
  const comparison = useMemo(() => new Set(base.comparisonUnits), [base]);
  useLayer(
    map,
    () =>
      cercles
        ? L.geoJSON(cercles, {
            style: (f) => {
              const code = (f?.properties as { code: string }).code;
              const key = as2017(code);
              const treated = key === base.admin2;
              return {
                fillColor: treated ? TREATED : comparison.has(key) ? COMPARISON : '#ffffff',
                fillOpacity: treated ? 0.7 : 0.35,
                color: treated ? '#000' : '#666',
                weight: treated ? 2 : 0.5,
              };
            },
            onEachFeature: (f, layer) => {
              const p = f.properties as { code: string; name: string };
              const key = as2017(p.code);
              const role =
                key === base.admin2
                  ? t('drawdown.map.treated')
                  : comparison.has(key)
                    ? t('drawdown.map.comparison')
                    : t('drawdown.map.excluded');
              layer.bindTooltip(`${p.name}\n${role}`, { sticky: true });
            },
          })
        : null,
    [cercles, base, comparison, t],
    'back',
  );
  useLayer(map, () => {
    const group = L.layerGroup();
    L.circle([base.latitude, base.longitude], {
      radius: radiusKm * 1000,
      color: '#000',
      weight: 2,
      dashArray: '6,4',
      fill: false,
      interactive: false,
    }).addTo(group);
    L.marker([base.latitude, base.longitude], {
      keyboard: true,
      title: base.base,
      alt: base.base,
      icon: L.divIcon({
        className: 'base-icon base-closed',
        html: '<span aria-hidden="true"></span>',
        iconSize: [16, 16],
        iconAnchor: [8, 8],
      }),
    }).addTo(group);
    return group;
  }, [base, radiusKm]);
  return (
    <div className="drawdown-map">
      <div
        ref={ref}
        className="map small-map"
        role="region"
        data-testid="drawdown-map"
        data-ready={map !== null && cercles !== undefined}
      />
      <ul className="legend-inline" aria-label={t('legend.title')}>
        <li>
          <span className="swatch" style={{ background: TREATED }} aria-hidden="true" />
          {t('drawdown.map.treatedLegend', { name: base.admin2Name })}
        </li>
        <li>
          <span className="swatch" style={{ background: COMPARISON }} aria-hidden="true" />
          {t('drawdown.map.comparisonLegend', { n: base.comparison.units })}
        </li>
        <li>
          <span className="swatch" style={{ background: '#ffffff' }} aria-hidden="true" />
          {t('drawdown.map.excluded')}
        </li>
        <li>
          {t(base.radiusKm === null ? 'drawdown.map.radius' : 'drawdown.map.radiusTreated', { km: radiusKm })}
        </li>
      </ul>
    </div>
  );
}
