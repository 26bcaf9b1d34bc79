import type { EmergingClass, EmergingStep, HotspotClass } from './analysis-types.ts';

/**
 * Colours of the Gi* classes (ColorBrewer RdBu, diverging: red hot, blue cold, grey not significant) and of the
 * emerging-hotspot patterns. The legend and the table always name the class beside its colour.
 */
export const HOTSPOT_COLOURS: Record<HotspotClass, string> = {
  'hot-99': '#b2182b',
  'hot-95': '#d6604d',
  'hot-90': '#f4a582',
  'not-significant': '#e4e4e4',
  'cold-90': '#92c5de',
  'cold-95': '#4393c3',
  'cold-99': '#2166ac',
};

export const EMERGING_COLOURS: Record<EmergingClass, string> = {
  'new-hot': '#fee08b',
  'consecutive-hot': '#fdae61',
  'intensifying-hot': '#d73027',
  'persistent-hot': '#a50026',
  'diminishing-hot': '#f46d43',
  'sporadic-hot': '#fbb4b9',
  'oscillating-hot': '#c51b7d',
  'historical-hot': '#7a0177',
  'new-cold': '#e0f3f8',
  'consecutive-cold': '#abd9e9',
  'intensifying-cold': '#4575b4',
  'persistent-cold': '#313695',
  'diminishing-cold': '#74add1',
  'sporadic-cold': '#c7e9c0',
  'oscillating-cold': '#41ab5d',
  'historical-cold': '#00441b',
  'no-pattern': '#e4e4e4',
};

/** "2019-06" shifted by k months. */
export function shiftMonth(month: string, k: number): string {
  const m = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + k;
  return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** The last month wholly covered by data ending on `lastDate` (YYYY-MM-DD). */
export function lastWholeMonth(lastDate: string): string {
  const month = lastDate.slice(0, 7);
  const next = shiftMonth(month, 1);
  const lastDay = new Date(Date.UTC(+next.slice(0, 4), +next.slice(5, 7) - 1, 0)).getUTCDate();
  return Number(lastDate.slice(8, 10)) >= lastDay ? month : shiftMonth(month, -1);
}

const STEP_MONTHS: Record<EmergingStep, number> = { month: 1, quarter: 3, year: 12 };

/** Moves `from` forward to the start of a step and `to` back to the end of one: the API wants whole steps. */
export function wholeSteps(from: string, to: string, step: EmergingStep): { from: string; to: string } {
  const size = STEP_MONTHS[step];
  const index = (m: string) => Number(m.slice(5, 7)) - 1;
  const startShift = (size - (index(from) % size)) % size;
  const endShift = (index(to) + 1) % size;
  return { from: shiftMonth(from, startShift), to: shiftMonth(to, -endShift) };
}

/**
 * The period a hotspot view opens on: the URL's from/to as months when given, else the last 12 whole months of
 * data (Gi*) or the last 12 quarters / 5 years / 24 months (emerging hotspots), snapped to whole steps.
 */
export function hotspotPeriod(
  params: { from: string | null; to: string | null },
  lastDate: string | null,
  step: EmergingStep | null,
): { from: string; to: string } | null {
  const end = params.to?.slice(0, 7) ?? (lastDate ? lastWholeMonth(lastDate) : null);
  if (end === null) return null;
  const span = step === null ? 12 : step === 'year' ? 60 : step === 'quarter' ? 36 : 24;
  const start = params.from?.slice(0, 7) ?? shiftMonth(end, 1 - span);
  return step === null ? { from: start, to: end } : wholeSteps(start, end, step);
}
