import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import type { LeaderPeriod } from '../lib/analysis-types.ts';
import { PERPETRATORS } from '../lib/filters.ts';
import { perpetratorColour } from '../lib/palette.ts';
import type { Aggregates, Measure } from '../lib/types.ts';
import { ChartTable } from './ChartTable.tsx';
import { PlotFigure } from './PlotFigure.tsx';

const NONE = 'none';
const MILITIA = 'self_defence_militia';

interface Point {
  date: Date;
  period: string;
  key: string;
  value: number;
}

/**
 * One line per perpetrator category over years or months, the periods that self-defence militias led shaded
 * behind them (the seed's claim, tested on the data); the figures are in a table under the chart.
 */
export function PerpetratorTrendChart({
  data,
  measure,
  leaders,
}: {
  data: Aggregates;
  measure: Measure;
  leaders: LeaderPeriod[];
}) {
  const { t, fmt, label } = useI18n();
  const start = (period: string) =>
    new Date(`${period.length === 4 ? `${period}-01` : period.slice(0, 7)}-01T00:00:00Z`);
  // Points sit in the middle of their period, so each lies inside its shaded band.
  const middle = (period: string) => {
    const d = start(period);
    return period.length === 4
      ? new Date(Date.UTC(d.getUTCFullYear(), 6, 1))
      : new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 15));
  };
  const points = useMemo<Point[]>(() => {
    const keyOf = (k: string | null) => (k === null || k === 'unknown' ? NONE : k);
    const periods = [...new Set(data.series.map((p) => p.period))].sort();
    const present = new Set(data.series.filter((p) => p[measure] > 0).map((p) => keyOf(p.key)));
    const value = new Map(data.series.map((p) => [`${p.period}|${keyOf(p.key)}`, p[measure]]));
    // Zeros are drawn: a category absent in a year is a point at 0, not a gap the line jumps over.
    return periods.flatMap((period) =>
      [...present].map((key) => ({
        date: middle(period),
        period,
        key,
        value: value.get(`${period}|${key}`) ?? 0,
      })),
    );
  }, [data, measure]);
  const keys = useMemo(() => {
    const present = new Set(points.map((p) => p.key));
    return [...PERPETRATORS, NONE].filter((k) => present.has(k));
  }, [points]);
  const name = useCallback(
    (k: string) => (k === NONE ? label('perpetrator', null) : label('perpetrator', k)),
    [label],
  );
  const militiaLed = useMemo(
    () =>
      leaders
        .filter((l) => l.leader === MILITIA && l.total > 0)
        .map((l) => {
          const x1 = start(l.period);
          const x2 =
            data.by === 'year'
              ? new Date(Date.UTC(x1.getUTCFullYear() + 1, 0, 1))
              : new Date(Date.UTC(x1.getUTCFullYear(), x1.getUTCMonth() + 1, 1));
          return { x1, x2 };
        }),
    [leaders, data.by],
  );
  const title = t(`trends.chart.${measure}` as MessageKey);
  const total = points.reduce((s, p) => s + p.value, 0);

  const build = useCallback(
    (width: number): Plot.PlotOptions => ({
      width,
      height: 340,
      marginLeft: 56,
      ariaLabel: title,
      ariaDescription: t('trends.chart.description', { total: fmt.number(total) }),
      x: { type: 'utc', label: null, ticks: Math.max(2, Math.floor(width / 90)) },
      y: {
        label: t(`measure.${measure}` as MessageKey),
        grid: true,
        tickFormat: (n: number) => fmt.number(n),
      },
      color: {
        domain: keys,
        range: keys.map((k) => perpetratorColour(k === NONE ? null : k)),
        legend: true,
        tickFormat: name,
      },
      marks: [
        Plot.rect(militiaLed, { x1: 'x1', x2: 'x2', fill: perpetratorColour(MILITIA), fillOpacity: 0.15 }),
        Plot.ruleY([0]),
        Plot.lineY(points, { x: 'date', y: 'value', stroke: 'key', strokeWidth: 2, curve: 'linear' }),
        Plot.dot(points, {
          x: 'date',
          y: 'value',
          fill: 'key',
          r: 2.5,
          title: (p: Point) => `${p.period}\n${name(p.key)} : ${fmt.number(p.value)}`,
          tip: true,
        }),
      ],
    }),
    [points, keys, name, militiaLed, measure, fmt, t, title, total],
  );

  return (
    <figure className="chart" data-testid="perpetrator-chart" data-total={total} data-measure={measure}>
      <PlotFigure build={build} />
      <figcaption>
        {t('trends.chart.caption', { total: fmt.number(total), periods: fmt.number(militiaLed.length) })}
      </figcaption>
      <ChartTable bars={points} keys={keys} name={name} />
    </figure>
  );
}
