import * as Plot from '@observablehq/plot';
import { useCallback, useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { api } from '../lib/api.ts';
import { PERPETRATORS } from '../lib/filters.ts';
import { perpetratorColour } from '../lib/palette.ts';
import type { Aggregates, Measure } from '../lib/types.ts';
import { useFetch } from '../lib/use-fetch.ts';
import { ChartTable } from './ChartTable.tsx';
import { PlotFigure } from './PlotFigure.tsx';
import { ErrorMessage, Loading } from './StatusMessage.tsx';

const MEASURES: Measure[] = ['civilianFatalities', 'civilianEvents', 'fatalities', 'events'];
const NONE = 'none';
/** The API's key for events without a value in the grouped column. */
export const UNKNOWN = 'unknown';

interface Bar {
  date: Date;
  period: string;
  key: string;
  value: number;
}

/** Monthly figures stacked by perpetrator category, with where each source's data ends marked on the axis. */
export function MonthlyChart({
  query,
  coverageEnds,
  gaps,
}: {
  query: string;
  coverageEnds: { source: string; date: string }[];
  /** Parts of the chosen period no source covers: drawn as "no data", never as zero. */
  gaps: { from: string; to: string }[];
}) {
  const { t, fmt, label } = useI18n();
  const [measure, setMeasure] = useState<Measure>('civilianFatalities');
  const url = api.aggregates([query, 'by=month', 'group=perpetrator'].filter(Boolean).join('&'));
  const { data, error } = useFetch<Aggregates>(url);

  const bars = useMemo<Bar[]>(
    () =>
      (data?.series ?? [])
        .map((p) => ({
          date: new Date(`${p.period.slice(0, 7)}-01T00:00:00Z`),
          period: p.period.slice(0, 7),
          key: p.key === UNKNOWN ? NONE : p.key,
          value: p[measure],
        }))
        .filter((b) => b.value > 0),
    [data, measure],
  );
  const keys = useMemo(() => {
    const present = new Set(bars.map((b) => b.key));
    return [...PERPETRATORS, NONE].filter((k) => present.has(k));
  }, [bars]);
  const name = useCallback(
    (k: string) => (k === NONE ? label('perpetrator', null) : label('perpetrator', k)),
    [label],
  );
  const total = bars.reduce((sum, b) => sum + b.value, 0);
  const title = t(`chart.title.${measure}` as MessageKey);

  const build = useCallback(
    (width: number): Plot.PlotOptions => {
      const yearFormat = new Intl.DateTimeFormat(fmt.tag, { year: 'numeric', timeZone: 'UTC' });
      const ends = coverageEnds.map((c) => ({ ...c, d: new Date(`${c.date}T00:00:00Z`) }));
      const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
      const spans = gaps.map((g) => ({ x1: day(g.from), x2: day(g.to) }));
      const times = [
        ...bars.map((b) => b.date.getTime()),
        ...spans.flatMap((s) => [s.x1.getTime(), s.x2.getTime()]),
      ];
      const lastBar = bars[bars.length - 1]?.date;
      const endOfBars = lastBar ? Date.UTC(lastBar.getUTCFullYear(), lastBar.getUTCMonth() + 1, 1) : 0;
      const domain = [new Date(Math.min(...times)), new Date(Math.max(endOfBars, ...times))];
      const years = (domain[1]!.getTime() - domain[0]!.getTime()) / 3.15e10;
      return {
        width,
        height: 320,
        marginRight: 24,
        marginLeft: 56,
        ariaLabel: title,
        ariaDescription: t('chart.description', { total: fmt.number(total) }),
        x: {
          type: 'utc',
          label: null,
          domain,
          ticks: Math.max(2, Math.floor(width / 90)),
          tickFormat: (d: Date) => (years > 3 ? yearFormat.format(d) : fmt.month(d)),
        },
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
          Plot.rect(spans, { x1: 'x1', x2: 'x2', fill: '#9aa5b1', fillOpacity: 0.25 }),
          Plot.text(spans, {
            x: (s: { x1: Date; x2: Date }) => new Date((s.x1.getTime() + s.x2.getTime()) / 2),
            frameAnchor: 'middle',
            text: () => t('chart.noData'),
            fill: '#3d4752',
            fontSize: 13,
          }),
          Plot.rectY(bars, {
            x: 'date',
            interval: 'month',
            y: 'value',
            fill: 'key',
            order: keys,
            title: (b: Bar) =>
              t('chart.tip', { month: fmt.month(b.date), name: name(b.key), value: fmt.number(b.value) }),
            tip: true,
          }),
          Plot.ruleY([0]),
          Plot.ruleX(ends, { x: 'd', stroke: '#333', strokeDasharray: '4,3' }),
          Plot.text(ends, {
            x: 'd',
            frameAnchor: 'top',
            dy: 4,
            textAnchor: 'end',
            dx: -4,
            text: (c: { source: string; date: string }) =>
              t('chart.coverageEnd', { source: label('source', c.source), date: fmt.date(c.date) }),
          }),
        ],
      };
    },
    [bars, keys, name, measure, coverageEnds, gaps, fmt, t, label, title, total],
  );

  return (
    <section aria-labelledby="chart-title" className="chart-section">
      <div className="section-head">
        <h2 id="chart-title">{title}</h2>
        <div className="field inline">
          <label htmlFor="chart-measure">{t('chart.measure')}</label>
          <select id="chart-measure" value={measure} onChange={(e) => setMeasure(e.target.value as Measure)}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`measure.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <Loading /> : null}
      {data && bars.length === 0 ? <p className="status">{t('chart.empty')}</p> : null}
      {data && bars.length > 0 ? (
        <figure className="chart" data-testid="monthly-chart" data-total={total} data-measure={measure}>
          <PlotFigure build={build} />
          <figcaption>{t('chart.caption', { total: fmt.number(total) })}</figcaption>
          <ChartTable bars={bars} keys={keys} name={name} />
        </figure>
      ) : null}
    </section>
  );
}
