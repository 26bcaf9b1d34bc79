import L from 'leaflet';
import type { ForecastValue } from './alert-api.ts';
import { FORECAST_BREAKS, type NextMonth } from './forecast-classes.ts';
import { classColour } from './palette.ts';
import type { Boundaries, BoundaryProperties } from './types.ts';

/** The map's "forecast next month" layer (lib/forecast-classes.ts says what it shows and why). */
export function forecastChoroplethLayer(
  boundaries: Boundaries,
  next: NextMonth,
  selected: string | undefined,
  tooltip: (p: BoundaryProperties, v: ForecastValue | undefined) => string,
  popup: (p: BoundaryProperties, v: ForecastValue | undefined) => HTMLElement,
): L.GeoJSON {
  return L.geoJSON(boundaries, {
    style: (f) => {
      const code = (f?.properties as BoundaryProperties).code;
      const v = next.byCode.get(code);
      const isSelected = code === selected;
      return {
        // A unit the run did not cover is white, not the grey of "no chance".
        fillColor: v ? classColour(v.pAny, FORECAST_BREAKS) : '#ffffff',
        fillOpacity: 0.85,
        color: isSelected ? '#000' : '#555',
        weight: isSelected ? 3 : 0.7,
      };
    },
    onEachFeature: (f, layer) => {
      const p = f.properties as BoundaryProperties;
      const v = next.byCode.get(p.code);
      layer.bindTooltip(tooltip(p, v), { sticky: true });
      layer.bindPopup(() => popup(p, v));
    },
  });
}
