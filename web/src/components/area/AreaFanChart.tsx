import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ForecastValue } from '../../lib/alert-api.ts';
import { countsFatalities, type AreaMonth, type ForecastOutcome } from '../../lib/area-api.ts';
import { PlotFigure } from '../PlotFigure.tsx';

const OBSERVED = '#0072B2';
const FORECAST = '#D55E00';

const mid = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 15));

/**
 * The area's observed months, then the forecast as a fan: the central 90 % interval as a band, the predictive
 * median as a dashed line, the origin month marked. The figures are in the tables below the chart.
 */
export function AreaFanChart({
  name,
  outcome,
  history,
  values,
  origin,
}: {
  name: string;
  outcome: ForecastOutcome;
  history: AreaMonth[];
  values: ForecastValue[];
  origin: string | null;
}) {
  const { t, fmt } = useI18n();
  const observedName = t('area.chart.observed');
  const medianName = t('area.chart.median');
  const bandName = t('area.chart.interval90');
  const band50Name = t('area.chart.interval50');
  const observed = useMemo(
    () =>
      history.map((h) => ({
        date: mid(h.month),
        value: countsFatalities(outcome) ? h.fatalities : h.events,
      })),
    [history, outcome],
  );
  // The band and the median start at the origin's observed value, so the fan visibly grows out of the history.
  const fan = useMemo(() => {
    const start = origin ? observed.find((o) => o.date.getTime() === mid(origin).getTime()) : undefined;
    const s = start?.value ?? 0;
    const head = start ? [{ date: start.date, median: s, lower: s, upper: s, lower50: s, upper50: s }] : [];
    return [
      ...head,
      ...values.map((v) => ({
        date: mid(v.targetMonth),
        median: v.median,
        lower: v.lower90,
        upper: v.upper90,
        // Runs stored before the 50 % interval was kept draw the 90 % band alone.
        lower50: v.lower50 ?? v.median,
        upper50: v.upper50 ?? v.median,
      })),
    ];
  }, [observed, values, origin]);
  const build = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 300,
      marginLeft: 48,
      ariaLabel: t('area.chart.title', { name }),
      ariaDescription: t('area.chart.description'),
      x: { type: 'utc', label: null, tickFormat: (d: Date) => fmt.month(d) },
      y: { label: t(`forecast.outcome.${outcome}`), grid: true, zero: true },
      color: {
        domain: [observedName, medianName, band50Name, bandName],
        range: [OBSERVED, FORECAST, '#e8885a', '#f4b183'],
        legend: values.length > 0,
      },
      marks: [
        ...(origin ? [Plot.ruleX([mid(origin)], { stroke: '#9aa5b1', strokeDasharray: '2,3' })] : []),
        Plot.areaY(fan, { x: 'date', y1: 'lower', y2: 'upper', fill: '#f4b183', fillOpacity: 0.6 }),
        Plot.areaY(fan, { x: 'date', y1: 'lower50', y2: 'upper50', fill: '#e8885a', fillOpacity: 0.7 }),
        Plot.lineY(observed, { x: 'date', y: 'value', stroke: OBSERVED, strokeWidth: 1.5 }),
        Plot.dot(observed, { x: 'date', y: 'value', fill: OBSERVED, r: 1.8 }),
        Plot.lineY(fan, { x: 'date', y: 'median', stroke: FORECAST, strokeWidth: 2, strokeDasharray: '5,3' }),
        Plot.dot(values, {
          x: (v: ForecastValue) => mid(v.targetMonth),
          y: 'median',
          fill: FORECAST,
          r: 2.5,
        }),
        Plot.ruleY([0]),
      ],
    }),
    [t, fmt, name, outcome, observed, fan, values, origin, observedName, medianName, band50Name, bandName],
  );
  return (
    <figure className="area-chart" data-testid="area-chart">
      <PlotFigure build={build} />
      <figcaption className="hint">
        {values.length > 0 ? t('area.chart.caption') : t('area.chart.captionHistory')}
      </figcaption>
    </figure>
  );
}
