import L from 'leaflet';
import { useEffect, useRef, useState, type DependencyList, type RefObject } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** A tile layer is optional configuration (VITE_TILE_URL at build time); the map stands on boundaries alone. */
const TILE_URL = (import.meta.env['VITE_TILE_URL'] as string | undefined) ?? '';
const TILE_ATTRIBUTION = (import.meta.env['VITE_TILE_ATTRIBUTION'] as string | undefined) ?? '';

declare global {
  interface Window {
    /** The page's Leaflet map, for browser tests and debugging from the console. */
    __vigieMap?: L.Map;
  }
}

/**
 * The Leaflet map (canvas renderer). It is given a view (fitBounds) before any layer is added, which the canvas
 * renderer needs; `bounds` re-fits when the boundaries arrive.
 */
export function useLeafletMap(bounds: L.LatLngBounds): {
  ref: RefObject<HTMLDivElement | null>;
  map: L.Map | null;
} {
  const ref = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const { t } = useI18n();
  useEffect(() => {
    const node = ref.current;
    if (node === null) return;
    const m = L.map(node, { preferCanvas: true, zoomSnap: 0.25, keyboard: true, attributionControl: true });
    m.fitBounds(bounds, { padding: [8, 8] });
    m.attributionControl.setPrefix(false);
    if (TILE_URL !== '') L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION }).addTo(m);
    window.__vigieMap = m;
    setMap(m);
    return () => {
      if (window.__vigieMap === m) delete window.__vigieMap;
      m.remove();
      setMap(null);
    };
    // The map is made once; later bounds are applied by the effect below.
  }, []);
  useEffect(() => {
    map?.fitBounds(bounds, { padding: [8, 8] });
  }, [map, bounds]);
  useEffect(() => {
    if (map === null) return;
    map.attributionControl.addAttribution(t('map.attribution'));
    const label = t('map.label');
    map.getContainer().setAttribute('aria-label', label);
    return () => {
      map.attributionControl.removeAttribution(t('map.attribution'));
    };
  }, [map, t]);
  return { ref, map };
}

type Ordered = L.Layer & { bringToBack?: () => unknown; bringToFront?: () => unknown };

/**
 * Adds the layer `build` returns and removes it when `deps` change or the map goes. All vector layers share one
 * canvas (so clicks reach the areas under the points); `order` keeps areas below and points above when a layer
 * is rebuilt.
 */
export function useLayer(
  map: L.Map | null,
  build: () => Ordered | null,
  deps: DependencyList,
  order: 'back' | 'front' = 'front',
): void {
  useEffect(() => {
    if (map === null) return;
    const layer = build();
    if (layer === null) return;
    layer.addTo(map);
    if (order === 'back') layer.bringToBack?.();
    else layer.bringToFront?.();
    return () => {
      layer.remove();
    };
  }, [map, ...deps]);
}
