import type { ForecastSet, ForecastValue } from './alert-api.ts';
import { classColour } from './palette.ts';

/**
 * The map's "forecast next month" layer: P(at least one civilian killed) in the first month after the stored
 * run's origin. A probability reads the same in every region and needs no unit, where a median is 0 in most
 * of them; the median and its 90 % interval go with it in the tooltip and the area list.
 * Fixed classes (not quantiles of the values) so that a colour means the same probability from run to run.
 */
export const FORECAST_BREAKS = [0.1, 0.25, 0.5, 0.75, 1];

export interface NextMonth {
  month: string;
  byCode: Map<string, ForecastValue>;
}

/** The values of the run's nearest horizon (1 for `vigie forecast run`'s default), by unit code. */
export function nextMonthForecast(set: ForecastSet | undefined): NextMonth | null {
  if (!set || set.values.length === 0) return null;
  const first = Math.min(...set.values.map((v) => v.horizon));
  const values = set.values.filter((v) => v.horizon === first);
  return { month: values[0]!.targetMonth, byCode: new Map(values.map((v) => [v.unitCode, v])) };
}

/** The legend's classes: what each colour means, and how many units fall in it. */
export function forecastClasses(
  next: NextMonth,
): { lo: number; hi: number; colour: string; count: number }[] {
  const values = [...next.byCode.values()].map((v) => v.pAny);
  return [
    { lo: 0, hi: 0, colour: classColour(0, FORECAST_BREAKS), count: values.filter((p) => p <= 0).length },
    ...FORECAST_BREAKS.map((hi, i) => {
      const lo = i === 0 ? 0 : FORECAST_BREAKS[i - 1]!;
      return {
        lo,
        hi,
        colour: classColour(hi, FORECAST_BREAKS),
        count: values.filter((p) => p > lo && p <= hi).length,
      };
    }),
  ];
}
