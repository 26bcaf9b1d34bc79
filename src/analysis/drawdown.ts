import { mulberry32 } from './gi-star.ts';

/**
 * One base's closure as a difference-in-differences: the change in a monthly measure around the closure month in
 * the treated area, minus the mean change in comparison areas over the same months. Series are aligned on the
 * window: index 0 is month c−m, index m the closure month c, index 2m the month c+m.
 */
export interface DrawdownSeries {
  /** Months either side of the closure month. */
  months: number;
  treated: readonly number[];
  /** One series per comparison unit, each of length 2m+1. */
  comparison: ReadonlyArray<readonly number[]>;
}

export interface BeforeAfter {
  before: number;
  after: number;
  change: number;
}

export interface DrawdownEstimate {
  treated: BeforeAfter;
  comparison: BeforeAfter & { units: number };
  did: number;
  ci95: [number, number];
}

export interface BootstrapOptions {
  seed: number;
  draws?: number;
}

export const DEFAULT_DRAWS = 2000;

/**
 * Before = mean over [c−m, c−1], after = mean over [c+1, c+m]. The closure month is left out of both: a base
 * closing on the 25th spends most of that month open, one closing on the 3rd almost none, so that month mixes the
 * two regimes in proportions that depend on the day, and the withdrawal itself (convoys, handover) is an event.
 */
export function beforeAfter(series: readonly number[], months: number): BeforeAfter {
  if (months < 1 || series.length !== 2 * months + 1)
    throw new RangeError(`a window of ${months} months needs ${2 * months + 1} values, got ${series.length}`);
  const mean = (from: number, to: number) => {
    let s = 0;
    for (let i = from; i <= to; i++) s += series[i] ?? 0;
    return s / (to - from + 1);
  };
  const before = mean(0, months - 1);
  const after = mean(months + 1, 2 * months);
  return { before, after, change: after - before };
}

/**
 * The estimate and a 95 % percentile interval from a bootstrap over comparison units: units are resampled with
 * replacement (the unit, not the month, is what was sampled from the country), the treated change is held fixed.
 * The interval therefore says how much the answer depends on which comparison units there were — not the noise
 * of the treated area's own series, which one unit cannot estimate.
 */
export function drawdownEstimate(input: DrawdownSeries, options: BootstrapOptions): DrawdownEstimate {
  const { months, comparison } = input;
  if (comparison.length === 0) throw new RangeError('no comparison unit');
  const treated = beforeAfter(input.treated, months);
  const units = comparison.map((s) => beforeAfter(s, months));
  const meanOf = (pick: (u: BeforeAfter) => number) => units.reduce((s, u) => s + pick(u), 0) / units.length;
  const comp = { units: units.length, before: meanOf((u) => u.before), after: meanOf((u) => u.after) };
  const compChange = comp.after - comp.before;
  const did = treated.change - compChange;

  const draws = options.draws ?? DEFAULT_DRAWS;
  const random = mulberry32(options.seed);
  const changes = units.map((u) => u.change);
  const stats = new Float64Array(draws);
  for (let d = 0; d < draws; d++) {
    let s = 0;
    for (let k = 0; k < changes.length; k++) s += changes[Math.floor(random() * changes.length)] ?? 0;
    stats[d] = treated.change - s / changes.length;
  }
  stats.sort();
  return {
    treated,
    comparison: { ...comp, change: compChange },
    did,
    ci95: [percentile(stats, 0.025), percentile(stats, 0.975)],
  };
}

/** Linear interpolation between order statistics (type 7, as R's default and numpy's). */
export function percentile(sorted: Float64Array | readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, n - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

/** "2023-08" shifted by k months ("2023-08", −9 → "2022-11"). */
export function shiftMonth(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** The 2m+1 months of the window around `closureMonth`, oldest first. */
export function windowMonths(closureMonth: string, months: number): string[] {
  return Array.from({ length: 2 * months + 1 }, (_, i) => shiftMonth(closureMonth, i - months));
}
