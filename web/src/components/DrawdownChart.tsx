import * as Plot from '@observablehq/plot';
import { useCallback, useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import type { DrawdownBase } from '../lib/analysis-types.ts';
import { PlotFigure } from './PlotFigure.tsx';

const TREATED = '#D55E00';
const COMPARISON = '#0072B2';

interface Point {
  date: Date;
  month: string;
  series: string;
  value: number;
}

const monthDate = (m: string) => new Date(`${m}-01T00:00:00Z`);
const mid = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7) - 1, 15));

/**
 * The base's cercle month by month against the mean of the comparison cercles, the closure month marked and the
 * before/after means drawn as segments (the closure month belongs to neither); the figures in a table below.
 */
export function DrawdownChart({ base }: { base: DrawdownBase }) {
  const { t, fmt } = useI18n();
  const circle = base.radiusKm !== null;
  const treatedName = circle
    ? t('drawdown.chart.treatedRadius', { km: base.radiusKm ?? 0 })
    : t('drawdown.chart.treated', { name: base.admin2Name });
  const comparisonName = t(circle ? 'drawdown.chart.comparisonRadius' : 'drawdown.chart.comparison', {
    n: fmt.number(base.comparison.units),
  });
  const dec = useCallback(
    (n: number) => n.toLocaleString(fmt.tag, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
    [fmt],
  );
  const points = useMemo<Point[]>(
    () =>
      base.series.months.flatMap((month, i) => [
        { date: mid(month), month, series: treatedName, value: base.series.treated[i] ?? 0 },
        { date: mid(month), month, series: comparisonName, value: base.series.comparison[i] ?? 0 },
      ]),
    [base, treatedName, comparisonName],
  );
  const m = base.window;
  const months = base.series.months;
  const closure = months[m] ?? base.closedOn.slice(0, 7);
  const build = useCallback(
    (width: number): Plot.PlotOptions => {
      const segment = (from: number, to: number, value: number, series: string) => ({
        x1: monthDate(months[from] ?? closure),
        x2: new Date(Date.UTC(+(months[to] ?? closure).slice(0, 4), +(months[to] ?? closure).slice(5, 7), 1)),
        y: value,
        series,
      });
      const means = [
        segment(0, m - 1, base.treated.before, treatedName),
        segment(m + 1, 2 * m, base.treated.after, treatedName),
        segment(0, m - 1, base.comparison.before, comparisonName),
        segment(m + 1, 2 * m, base.comparison.after, comparisonName),
      ];
      return {
        width,
        height: 280,
        marginLeft: 48,
        ariaLabel: t('drawdown.chart.title', { name: base.base }),
        ariaDescription: t('drawdown.chart.description'),
        x: { type: 'utc', label: null, tickFormat: (d: Date) => fmt.month(d) },
        y: { label: t(`drawdown.measure.${base.measure}`), grid: true, zero: true },
        color: { domain: [treatedName, comparisonName], range: [TREATED, COMPARISON], legend: true },
        marks: [
          Plot.rect(
            [
              {
                x1: monthDate(closure),
                x2: new Date(Date.UTC(+closure.slice(0, 4), +closure.slice(5, 7), 1)),
              },
            ],
            { x1: 'x1', x2: 'x2', fill: '#9aa5b1', fillOpacity: 0.3 },
          ),
          Plot.text([closure], {
            x: () => mid(closure),
            frameAnchor: 'top',
            dy: 4,
            text: () => t('drawdown.chart.closure', { date: fmt.date(base.closedOn) }),
          }),
          Plot.ruleY(means, { x1: 'x1', x2: 'x2', y: 'y', stroke: 'series', strokeDasharray: '5,3' }),
          Plot.lineY(points, { x: 'date', y: 'value', stroke: 'series', strokeWidth: 2 }),
          Plot.dot(points, {
            x: 'date',
            y: 'value',
            fill: 'series',
            r: 3,
            title: (p: Point) => `${fmt.month(p.date)}\n${p.series} : ${dec(p.value)}`,
            tip: true,
          }),
        ],
      };
    },
    [base, points, treatedName, comparisonName, closure, months, m, fmt, t, dec],
  );
  return (
    <figure className="chart" data-testid="drawdown-chart">
      <PlotFigure build={build} />
      <figcaption>{t('drawdown.chart.caption', { m: fmt.number(m) })}</figcaption>
      <details className="chart-table">
        <summary>{t('chart.table')}</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('drawdown.chart.title', { name: base.base })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('drawdown.col.month')}</th>
                <th scope="col">{treatedName}</th>
                <th scope="col">{comparisonName}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((month, i) => (
                <tr key={month}>
                  <th scope="row">
                    {fmt.month(`${month}-01`)}
                    {i === m ? ` (${t('drawdown.col.closureMonth')})` : ''}
                  </th>
                  <td className="num">{fmt.number(base.series.treated[i] ?? 0)}</td>
                  <td className="num">{dec(base.series.comparison[i] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
