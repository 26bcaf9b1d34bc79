import { cellToBoundary } from 'h3-js';
import L from 'leaflet';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { BaseStatus } from './bases.ts';
import { classColour } from './palette.ts';
import { perpetratorColour } from './palette.ts';
import type { Base, Boundaries, BoundaryProperties, EventPoints, MapCell, Measure } from './types.ts';

/** Leaflet layers of the map page, built from API answers; DOM content is made with textContent (no HTML). */

export interface AreaStyle {
  values: Map<string, MapCell>;
  measure: Measure;
  breaks: number[];
  selected: string | undefined;
}

export function choroplethLayer(
  boundaries: Boundaries,
  style: AreaStyle,
  tooltip: (p: BoundaryProperties, cell: MapCell | undefined) => string,
  onClick: ((code: string) => void) | null,
): L.GeoJSON {
  return L.geoJSON(boundaries, {
    style: (f) => {
      const code = (f?.properties as BoundaryProperties).code;
      const value = style.values.get(code)?.[style.measure] ?? 0;
      const selected = code === style.selected;
      return {
        fillColor: classColour(value, style.breaks),
        fillOpacity: 0.85,
        color: selected ? '#000' : '#555',
        weight: selected ? 3 : 0.7,
      };
    },
    onEachFeature: (f, layer) => {
      const p = f.properties as BoundaryProperties;
      layer.bindTooltip(tooltip(p, style.values.get(p.code)), { sticky: true });
      if (onClick) layer.on('click', () => onClick(p.code));
    },
  });
}

/** Region outlines above hexagons, for orientation; not interactive. */
export function outlineLayer(boundaries: Boundaries): L.GeoJSON {
  return L.geoJSON(boundaries, {
    interactive: false,
    style: { fill: false, color: '#333', weight: 1, opacity: 0.8 },
  });
}

/** Grid cells (H3 hexagons, PRIO-GRID squares): the API's polygon when given, else the H3 cell's boundary. */
export function gridLayer(cells: MapCell[], style: AreaStyle, tooltip: (cell: MapCell) => string): L.GeoJSON {
  const features: Feature<Polygon, MapCell>[] = cells
    .filter((c) => c[style.measure] > 0)
    .map((c) => ({
      type: 'Feature',
      properties: { ...c, geometry: undefined },
      geometry: c.geometry ?? { type: 'Polygon', coordinates: [cellToBoundary(c.code, true)] },
    }));
  const collection: FeatureCollection<Polygon, MapCell> = { type: 'FeatureCollection', features };
  return L.geoJSON(collection, {
    style: (f) => ({
      fillColor: classColour((f?.properties as MapCell)[style.measure], style.breaks),
      fillOpacity: 0.85,
      color: '#444',
      weight: 0.4,
    }),
    onEachFeature: (f, layer) => layer.bindTooltip(tooltip(f.properties as MapCell), { sticky: true }),
  });
}

export function pointsLayer(
  points: EventPoints,
  popup: (p: EventPoints['features'][number]['properties']) => HTMLElement,
): L.LayerGroup {
  const group = L.layerGroup();
  for (const f of points.features) {
    const [lng, lat] = f.geometry.coordinates;
    if (lat === undefined || lng === undefined) continue;
    const p = f.properties;
    L.circleMarker([lat, lng], {
      radius: 2.5 + Math.min(8, Math.sqrt(p.fatalities)),
      color: '#222',
      weight: 0.6,
      fillColor: perpetratorColour(p.perpetratorCategory),
      fillOpacity: 0.8,
    })
      .bindPopup(() => popup(p))
      .addTo(group);
  }
  return group;
}

/** Bases as keyboard-focusable markers: filled while open, hollow once closed, dashed when undated. */
export function basesLayer(
  bases: Base[],
  status: (b: Base) => BaseStatus,
  popup: (b: Base) => HTMLElement,
  title: (b: Base) => string,
): L.LayerGroup {
  const group = L.layerGroup();
  for (const b of bases) {
    L.marker([b.latitude, b.longitude], {
      keyboard: true,
      title: title(b),
      alt: title(b),
      icon: L.divIcon({
        className: `base-icon base-${status(b)}`,
        html: '<span aria-hidden="true"></span>',
        iconSize: [16, 16],
        iconAnchor: [8, 8],
      }),
    })
      .bindPopup(() => popup(b))
      .addTo(group);
  }
  return group;
}

/** A popup body from rows of [label, value]; values are text, never HTML. */
export function popupContent(
  title: string,
  rows: [string, string][],
  link?: { text: string; onClick: () => void },
) {
  const root = document.createElement('div');
  root.className = 'popup';
  const h = document.createElement('strong');
  h.textContent = title;
  root.append(h);
  const dl = document.createElement('dl');
  for (const [label, value] of rows) {
    if (value === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dl.append(dt, dd);
  }
  root.append(dl);
  if (link) {
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = link.text;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      link.onClick();
    });
    root.append(a);
  }
  return root;
}

/** Bounds of a FeatureCollection, or Mali's when there is nothing to measure. */
export function boundsOf(boundaries: Boundaries | undefined): L.LatLngBounds {
  const mali = L.latLngBounds([10.1, -12.3], [25.1, 4.3]);
  if (!boundaries || boundaries.features.length === 0) return mali;
  const b = L.geoJSON(boundaries).getBounds();
  return b.isValid() ? b : mali;
}
