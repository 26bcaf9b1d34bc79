import type { EventFilter } from '../core/filters.ts';
import type { CountPath, GroupedCounts } from './grouped-counts.ts';
import type { CountDimension, Measures } from './ports/analysis-port.ts';
import { regionName, type Language } from './place-names.ts';

export const AGGREGATE_PERIODS = ['month', 'year'] as const;
export type AggregatePeriod = (typeof AGGREGATE_PERIODS)[number];

export const AGGREGATE_GROUPS = ['region', 'perpetrator', 'type', 'source', 'harm'] as const;
export type AggregateGroup = (typeof AGGREGATE_GROUPS)[number];

/** Region = Natural Earth admin-1 code (events.admin1), the one code every event with coordinates has. */
const DIMENSION: Record<AggregateGroup, CountDimension> = {
  region: 'admin1',
  perpetrator: 'perpetrator',
  type: 'type',
  source: 'source',
  harm: 'harm',
};

/** The key of events without a value in the grouped column, and the key of the whole when nothing is grouped. */
export const UNKNOWN_KEY = 'unknown';
export const ALL_KEY = 'all';

export interface AggregateRequest {
  by: AggregatePeriod;
  group: AggregateGroup | null;
  filter: EventFilter;
  language: Language;
}

export interface SeriesPoint extends Measures {
  period: string;
  key: string;
}

export interface AggregateResult {
  by: AggregatePeriod;
  group: AggregateGroup | null;
  answeredBy: CountPath;
  /** Non-empty (period, key) pairs only, ordered by period then key. */
  series: SeriesPoint[];
  /** Every key met, most events first; labels are region names for regions and the key itself otherwise. */
  keys: Array<{ key: string; label: string; events: number }>;
  /** Every period from the first to the last met, gaps included, so a chart shows a month without events as 0. */
  periods: string[];
}

/** Time series of events and harm by month or year, optionally split by region, perpetrator, type, source or harm. */
export async function aggregateSeries(
  counts: GroupedCounts,
  req: AggregateRequest,
): Promise<AggregateResult> {
  const dims: CountDimension[] = req.group === null ? [req.by] : [req.by, DIMENSION[req.group]];
  const { rows, answeredBy } = await counts.count(dims, req.filter);
  const series: SeriesPoint[] = rows.map((r) => ({
    period: r.keys[0] ?? UNKNOWN_KEY,
    key: req.group === null ? ALL_KEY : (r.keys[1] ?? UNKNOWN_KEY),
    events: r.events,
    fatalities: r.fatalities,
    civilianEvents: r.civilianEvents,
    civilianFatalities: r.civilianFatalities,
  }));
  // Sorted here rather than in SQL: the dialects order NULLs differently, and the cube does not sort.
  series.sort((a, b) => compare(a.period, b.period) || compare(a.key, b.key));
  const totals = new Map<string, number>();
  for (const p of series) totals.set(p.key, (totals.get(p.key) ?? 0) + p.events);
  const keys = [...totals]
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .map(([key, events]) => ({ key, label: labelOf(req.group, key, req.language), events }));
  return { by: req.by, group: req.group, answeredBy, series, keys, periods: periodRange(series, req.by) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function labelOf(group: AggregateGroup | null, key: string, language: Language): string {
  if (group === 'region' && key !== UNKNOWN_KEY) return regionName(key, language) ?? key;
  return key;
}

function periodRange(series: readonly SeriesPoint[], by: AggregatePeriod): string[] {
  const known = series.map((p) => p.period).filter((p) => p !== UNKNOWN_KEY);
  const first = known[0];
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: string[] = [];
  if (by === 'year') {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y).padStart(4, '0'));
    return out;
  }
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [lastY, lastM] = last.split('-').map(Number) as [number, number];
  // Bounded by the months actually met, so a malformed month can never make this loop run away.
  while ((y < lastY || (y === lastY && m <= lastM)) && out.length <= 12 * 10_000) {
    out.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}
