import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import {
  EMERGING_STEPS,
  HOTSPOT_UNITS,
  type EmergingStep,
  type HotspotMeasure,
  type HotspotUnit,
} from '../lib/analysis-types.ts';
import { updateParams } from '../lib/router.ts';

export type HotspotView = 'gi' | 'emerging';

/** The hotspot page's measures under the map page's URL names, so a measure chosen on one page follows to the other. */
export const HOTSPOT_MEASURE_PARAM: Record<HotspotMeasure, string> = {
  events: 'events',
  'civilian-events': 'civilianEvents',
  'civilian-fatalities': 'civilianFatalities',
};

export function parseHotspotParams(params: URLSearchParams): {
  view: HotspotView;
  unit: HotspotUnit;
  measure: HotspotMeasure;
  step: EmergingStep;
} {
  const measureParam = params.get('measure');
  const measure =
    (Object.keys(HOTSPOT_MEASURE_PARAM) as HotspotMeasure[]).find(
      (m) => HOTSPOT_MEASURE_PARAM[m] === measureParam,
    ) ?? 'civilian-events';
  return {
    view: params.get('view') === 'emerging' ? 'emerging' : 'gi',
    unit: HOTSPOT_UNITS.find((u) => u === params.get('unit')) ?? 'admin2',
    measure,
    step: EMERGING_STEPS.find((s) => s === params.get('step')) ?? 'quarter',
  };
}

/** View (Gi* or emerging), unit, measure, period (whole months) and, for emerging hotspots, the time step. */
export function HotspotControls({
  view,
  unit,
  measure,
  step,
  from,
  to,
}: {
  view: HotspotView;
  unit: HotspotUnit;
  measure: HotspotMeasure;
  step: EmergingStep;
  from: string;
  to: string;
}) {
  const { t } = useI18n();
  return (
    <form className="map-controls" aria-label={t('hotspots.controls')} onSubmit={(e) => e.preventDefault()}>
      <fieldset className="segmented">
        <legend>{t('hotspots.view')}</legend>
        {(['gi', 'emerging'] as const).map((v) => (
          <label key={v} className={view === v ? 'checked' : undefined}>
            <input
              type="radio"
              name="hotspot-view"
              value={v}
              checked={view === v}
              onChange={() => updateParams({ view: v === 'gi' ? undefined : v })}
            />
            {t(`hotspots.view.${v}` as MessageKey)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="hs-unit">{t('hotspots.unit')}</label>
        <select id="hs-unit" value={unit} onChange={(e) => updateParams({ unit: e.target.value })}>
          {HOTSPOT_UNITS.map((u) => (
            <option key={u} value={u}>
              {u.startsWith('h3:')
                ? t('hotspots.unit.h3', { res: u.slice(3) })
                : t(`hotspots.unit.${u}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="hs-measure">{t('hotspots.measure')}</label>
        <select
          id="hs-measure"
          value={HOTSPOT_MEASURE_PARAM[measure]}
          onChange={(e) => updateParams({ measure: e.target.value })}
        >
          {Object.values(HOTSPOT_MEASURE_PARAM).map((m) => (
            <option key={m} value={m}>
              {t(`measure.${m}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="hs-from">{t('hotspots.from')}</label>
        <input
          id="hs-from"
          type="month"
          value={from}
          onChange={(e) => e.target.value && updateParams({ from: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="hs-to">{t('hotspots.to')}</label>
        <input
          id="hs-to"
          type="month"
          value={to}
          onChange={(e) => e.target.value && updateParams({ to: e.target.value })}
        />
      </div>
      {view === 'emerging' ? (
        <div className="field">
          <label htmlFor="hs-step">{t('hotspots.step')}</label>
          <select id="hs-step" value={step} onChange={(e) => updateParams({ step: e.target.value })}>
            {EMERGING_STEPS.map((s) => (
              <option key={s} value={s}>
                {t(`hotspots.step.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </form>
  );
}
