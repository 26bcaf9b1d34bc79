import { Option, type Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { t, type Locale } from '../../i18n/t.ts';
import {
  AGGREGATE_GROUPS,
  AGGREGATE_PERIODS,
  type AggregateGroup,
  type AggregatePeriod,
  type AggregateResult,
} from '../../services/aggregates.ts';
import {
  perpetratorLeadersOf,
  TREND_MEASURES,
  type PerpetratorLeadersResult,
  type TrendMeasure,
} from '../../services/perpetrator-trends.ts';
import { withVigie } from '../context.ts';
import {
  filterFrom,
  withFilterOptions,
  withGlobalOptions,
  type FilterOptions,
  type GlobalOptions,
} from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface TrendsOptions extends GlobalOptions, FilterOptions {
  by?: AggregatePeriod;
  group?: AggregateGroup;
  measure?: TrendMeasure;
  leaders?: boolean;
}

/** `vigie trends`: the /api/v1/aggregates series (or the perpetrator leader table) as a table or JSON. */
export function trendsCommand(program: Command, io: Io): void {
  withFilterOptions(withGlobalOptions(program.command('trends')))
    .description(
      'events and civilian harm by month or year, split by region, perpetrator, type, source or harm',
    )
    .addOption(new Option('--by <period>', 'period (default year)').choices([...AGGREGATE_PERIODS]))
    .addOption(
      new Option('--group <dimension>', 'columns (default perpetrator)').choices([...AGGREGATE_GROUPS]),
    )
    .addOption(
      new Option('--measure <measure>', 'measure (default civilianFatalities)').choices([...TREND_MEASURES]),
    )
    .option('--leaders', 'leading perpetrator category per period (armed actors; unidentified as a caveat)')
    .action(async (options: TrendsOptions) => {
      const filter = filterFrom(options);
      const by = options.by ?? 'year';
      const measure = options.measure ?? 'civilianFatalities';
      // Defaults are applied here, not by commander, so that --leaders can tell an explicit --group from none.
      if (options.leaders && options.group !== undefined && options.group !== 'perpetrator')
        throw new VigieError('BAD_USAGE', { reason: '--leaders compares perpetrators: drop --group' });
      const group = options.group ?? 'perpetrator';
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const language = locale;
        if (options.leaders) {
          const r = await perpetratorLeadersOf((q) => vigie.aggregates(q), { by, measure, filter, language });
          return json ? writeJson(io, r) : io.stdout.write(leadersTable(r, locale));
        }
        const a = await vigie.aggregates({ by, group, filter, language });
        return json ? writeJson(io, a) : io.stdout.write(seriesTable(a, measure, locale));
      });
    });
}

function labelOf(locale: Locale, group: AggregateGroup | null, key: string, fallback: string): string {
  return group === 'perpetrator' || group === 'harm' ? t(locale, `${group}.${key}`) : fallback;
}

/** Periods as rows, groups as columns (most events first, as the service orders its keys). */
function seriesTable(a: AggregateResult, measure: TrendMeasure, locale: Locale): string {
  const title = t(locale, 'cli.trends.title', { measure: t(locale, `cli.stats.${measure}`) });
  if (a.series.length === 0) return `${title}\n${t(locale, 'cli.trends.empty')}\n`;
  const n = (v: number) => v.toLocaleString(locale);
  const values = new Map<string, number>();
  for (const p of a.series) values.set(`${p.period}\u0000${p.key}`, p[measure]);
  const keys = a.keys.map((k) => k.key);
  const header = [
    t(locale, 'cli.trends.period'),
    ...a.keys.map((k) => labelOf(locale, a.group, k.key, k.label)),
    t(locale, 'cli.trends.total'),
  ];
  const rows = a.periods.map((period) => {
    const cells = keys.map((key) => values.get(`${period}\u0000${key}`) ?? 0);
    return [period, ...cells.map(n), n(cells.reduce((s, v) => s + v, 0))];
  });
  return `${title}\n${formatTable(header, rows)}`;
}

function leadersTable(r: PerpetratorLeadersResult, locale: Locale): string {
  const pct = (v: number | null) =>
    v === null ? '—' : v.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
  const n = (v: number) => v.toLocaleString(locale);
  const name = (key: string | null) => (key === null ? '—' : t(locale, `perpetrator.${key}`));
  const header = ['period', 'leader', 'share', 'runnerUp', 'margin', 'unidentified'].map((k) =>
    t(locale, `cli.trends.${k}`),
  );
  const rows = r.periods.map((p) => [
    p.period,
    p.leader === null && p.tied.length > 0
      ? t(locale, 'cli.trends.tie', { keys: p.tied.map(name).join(', ') })
      : `${name(p.leader)}${p.leader === null ? '' : ` (${n(p.value)})`}`,
    pct(p.share),
    p.runnerUp === null ? '—' : `${name(p.runnerUp)} (${n(p.runnerUpValue)})`,
    p.margin === null ? '—' : n(p.margin),
    `${n(p.unidentified.value)} (${pct(p.unidentified.share)})${p.unidentified.exceedsLeader && p.leader !== null ? ' *' : ''}`,
  ]);
  const led = Object.entries(r.ledPeriods)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, count]) => `  ${name(key)}: ${n(count)}`);
  return [
    t(locale, 'cli.trends.leadersTitle', { measure: t(locale, `cli.stats.${r.measure}`) }),
    formatTable(header, rows).trimEnd(),
    ...(r.periods.some((p) => p.leader !== null && p.unidentified.exceedsLeader)
      ? [t(locale, 'cli.trends.caveat')]
      : []),
    '',
    t(locale, 'cli.trends.ledPeriods'),
    ...led,
    '',
  ].join('\n');
}

/** First column left-aligned, the others right-aligned (numbers), widths from the longest cell. */
function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
