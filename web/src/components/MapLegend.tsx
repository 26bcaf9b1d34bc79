import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { PERPETRATORS } from '../lib/filters.ts';
import { ZERO_COLOUR, classColour, perpetratorColour } from '../lib/palette.ts';
import type { Measure } from '../lib/types.ts';

/**
 * The map's legend as HTML beside the map: classes with their ranges (or, on the forecast layer, the forecast's
 * own legend in their place), point colours with labels, base symbols.
 */
export function MapLegend({
  measure,
  breaks,
  showPoints,
  showBases,
  reference,
  areaClasses,
}: {
  measure: Measure;
  breaks: number[];
  showPoints: boolean;
  showBases: boolean;
  reference: string;
  /** Replaces the observed measure's classes (the forecast layer's legend). */
  areaClasses?: ReactNode;
}) {
  const { t, fmt, label } = useI18n();
  const classes: { colour: string; text: string }[] = [{ colour: ZERO_COLOUR, text: fmt.number(0) }];
  let low = 1;
  for (const b of breaks) {
    classes.push({
      colour: classColour(b, breaks),
      text: low === b ? fmt.number(b) : `${fmt.number(low)}–${fmt.number(b)}`,
    });
    low = b + 1;
  }
  return (
    <section className="legend" aria-labelledby="legend-title" data-testid="map-legend">
      <h2 id="legend-title">{t('legend.title')}</h2>
      {areaClasses ?? (
        <>
          <h3>{t(`measure.${measure}` as MessageKey)}</h3>
          <ul>
            {classes.map((c) => (
              <li key={c.text}>
                <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
                {c.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {showPoints ? (
        <>
          <h3>{t('legend.points')}</h3>
          <ul className="legend-points">
            {PERPETRATORS.map((p) => (
              <li key={p}>
                <span className="dot" style={{ background: perpetratorColour(p) }} aria-hidden="true" />
                {label('perpetrator', p)}
              </li>
            ))}
          </ul>
          <p className="hint">{t('legend.pointSize')}</p>
        </>
      ) : null}
      {showBases ? (
        <>
          <h3>{t('legend.bases')}</h3>
          <ul>
            <li>
              <span className="base-icon base-open legend-base" aria-hidden="true">
                <span />
              </span>
              {t('legend.baseOpen', { date: fmt.date(reference) })}
            </li>
            <li>
              <span className="base-icon base-closed legend-base" aria-hidden="true">
                <span />
              </span>
              {t('legend.baseClosed', { date: fmt.date(reference) })}
            </li>
            <li>
              <span className="base-icon base-undated legend-base" aria-hidden="true">
                <span />
              </span>
              {t('legend.baseUndated')}
            </li>
          </ul>
        </>
      ) : null}
    </section>
  );
}
