import { cellToBoundary } from 'h3-js';
import L from 'leaflet';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { HotspotUnit } from './analysis-types.ts';
import type { Boundaries } from './types.ts';

/** The square of a PRIO-GRID cell (0.5°; gid = row·720 + col + 1 counted from −90/−180) as a GeoJSON ring. */
export function priogridRing(gid: number): [number, number][] {
  const row = Math.floor((gid - 1) / 720);
  const col = (gid - 1) % 720;
  const south = -90 + row * 0.5;
  const west = -180 + col * 0.5;
  return [
    [west, south],
    [west + 0.5, south],
    [west + 0.5, south + 0.5],
    [west, south + 0.5],
    [west, south],
  ];
}

/** Features for the units of a hotspot answer: admin polygons joined by code, grid cells built from their code. */
export function unitFeatures(
  unit: HotspotUnit,
  codes: readonly string[],
  boundaries: Boundaries | undefined,
): FeatureCollection<Geometry, { code: string }> {
  if (unit === 'admin1' || unit === 'admin2') {
    const wanted = new Set(codes);
    const features = (boundaries?.features ?? [])
      .filter((f) => wanted.has(f.properties.code))
      .map((f) => ({ ...f, properties: { code: f.properties.code } }));
    return { type: 'FeatureCollection', features };
  }
  const features: Feature<Geometry, { code: string }>[] = codes.map((code) => ({
    type: 'Feature',
    properties: { code },
    geometry: {
      type: 'Polygon',
      coordinates: [unit === 'priogrid' ? priogridRing(Number(code)) : cellToBoundary(code, true)],
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** Units filled with the colour of their class; text tooltips (no HTML). */
export function classLayer(
  features: FeatureCollection<Geometry, { code: string }>,
  colour: (code: string) => string,
  tooltip: (code: string) => string,
  selected: string | undefined,
  onClick: (code: string) => void,
): L.GeoJSON {
  return L.geoJSON(features, {
    style: (f) => {
      const code = (f?.properties as { code: string }).code;
      return {
        fillColor: colour(code),
        fillOpacity: 0.85,
        color: code === selected ? '#000' : '#666',
        weight: code === selected ? 3 : 0.5,
      };
    },
    onEachFeature: (f, layer) => {
      const code = (f.properties as { code: string }).code;
      layer.bindTooltip(tooltip(code), { sticky: true });
      layer.on('click', () => onClick(code));
    },
  });
}
