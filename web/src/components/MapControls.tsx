import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { updateParams } from '../lib/router.ts';
import type { Measure } from '../lib/types.ts';
import { FORECAST_OUTCOMES, type ForecastOutcome } from '../lib/area-api.ts';
import { ForecastOutcomeSelect } from './ForecastOutcomeSelect.tsx';

export type MapUnit = 'admin1' | 'admin2' | 'h3:4' | 'h3:5' | 'h3:6' | 'h3:7' | 'priogrid';
const UNITS: readonly MapUnit[] = ['admin1', 'admin2', 'h3:4', 'h3:5', 'h3:6', 'h3:7', 'priogrid'];

/** Grid units leave coarse locations out; admin units count every event placed in them. */
export const isGrid = (unit: MapUnit): boolean => unit === 'priogrid' || unit.startsWith('h3:');
const MEASURES: readonly Measure[] = ['civilianFatalities', 'events', 'civilianEvents', 'fatalities'];

export const parseUnit = (v: string | null): MapUnit => UNITS.find((u) => u === v) ?? 'admin1';

/** What colours regions and cercles: the observed measure under the filters, or the stored forecast. */
export type MapLayer = 'observed' | 'forecast';
/** Only admin units have stored forecasts on the map; grids fall back to the observed layer. */
export const parseLayer = (v: string | null, unit: MapUnit): MapLayer =>
  v === 'forecast' && (unit === 'admin1' || unit === 'admin2') ? 'forecast' : 'observed';
/** Which stored forecast colours the forecast layer (URL parameter `outcome`). */
export const parseForecastOutcome = (v: string | null): ForecastOutcome =>
  FORECAST_OUTCOMES.find((o) => o === v) ?? 'civilian-fatalities';
export const parseMeasure = (v: string | null): Measure =>
  MEASURES.find((m) => m === v) ?? 'civilianFatalities';

/**
 * What the map shows: unit (regions, cercles, H3 hexagons at a resolution), for regions and cercles the observed
 * measure or the forecast of next month, points and bases.
 */
export function MapControls({
  unit,
  layer,
  measure,
  forecastOutcome,
  showPoints,
  showBases,
  onPoints,
  onBases,
}: {
  unit: MapUnit;
  layer: MapLayer;
  measure: Measure;
  forecastOutcome: ForecastOutcome;
  showPoints: boolean;
  showBases: boolean;
  onPoints: (v: boolean) => void;
  onBases: (v: boolean) => void;
}) {
  const { t } = useI18n();
  const hexagons = unit.startsWith('h3:');
  return (
    <form className="map-controls" aria-label={t('map.controls')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="segmented">
        <legend>{t('map.unit')}</legend>
        {(['admin1', 'admin2', 'h3', 'priogrid'] as const).map((u) => {
          const checked = u === 'h3' ? hexagons : unit === u;
          return (
            <label key={u} className={checked ? 'checked' : undefined}>
              <input
                type="radio"
                name="map-unit"
                value={u}
                checked={checked}
                onChange={() => updateParams({ unit: u === 'h3' ? 'h3:4' : u === 'admin1' ? undefined : u })}
              />
              {t(`map.unit.${u}` as MessageKey)}
            </label>
          );
        })}
      </fieldset>
      {hexagons ? (
        <div className="field">
          <label htmlFor="map-resolution">{t('map.resolution')}</label>
          <select id="map-resolution" value={unit} onChange={(e) => updateParams({ unit: e.target.value })}>
            {UNITS.filter((u) => u.startsWith('h3:')).map((u) => (
              <option key={u} value={u}>
                {t('map.resolutionOption', { res: u.slice(3) })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {unit === 'admin1' || unit === 'admin2' ? (
        <fieldset className="segmented">
          <legend>{t('map.layer')}</legend>
          {(['observed', 'forecast'] as const).map((l) => (
            <label key={l} className={layer === l ? 'checked' : undefined}>
              <input
                type="radio"
                name="map-layer"
                value={l}
                checked={layer === l}
                onChange={() => updateParams({ layer: l === 'forecast' ? l : undefined })}
              />
              {t(`map.layer.${l}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {layer === 'observed' ? (
        <div className="field">
          <label htmlFor="map-measure">{t('map.measure')}</label>
          <select
            id="map-measure"
            value={measure}
            onChange={(e) =>
              updateParams({ measure: e.target.value === 'civilianFatalities' ? undefined : e.target.value })
            }
          >
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measure.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <ForecastOutcomeSelect
          id="map-forecast-outcome"
          value={forecastOutcome}
          onChange={(o) => updateParams({ outcome: o === 'civilian-fatalities' ? undefined : o })}
        />
      )}
      <div className="field field-check">
        <input
          id="map-points"
          type="checkbox"
          checked={showPoints}
          onChange={(e) => onPoints(e.target.checked)}
        />
        <label htmlFor="map-points">{t('map.points')}</label>
      </div>
      <div className="field field-check">
        <input
          id="map-bases"
          type="checkbox"
          checked={showBases}
          onChange={(e) => onBases(e.target.checked)}
        />
        <label htmlFor="map-bases">{t('map.bases')}</label>
      </div>
    </form>
  );
}
