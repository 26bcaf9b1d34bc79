/**
 * Emerging hot spots: Gi* per unit and time step over a space-time neighbourhood, the Mann–Kendall trend of each
 * unit's z, and ESRI's pattern classes (src/analysis/emerging-hotspots.ts has the rules). The study area and the
 * counting are those of the plain hotspots (monthlyUnitCounts); months are summed into steps here.
 */
import { emergingHotspots as analyse, type EmergingClass } from '../analysis/emerging-hotspots.ts';
import { VigieError } from '../core/errors.ts';
import type { Geography } from './geography.ts';
import type { GroupedCounts } from './grouped-counts.ts';
import { monthlyUnitCounts, type HotspotMeasure, type HotspotUnit } from './hotspots.ts';
import { DEFAULT_COUNTRY } from './map-cells.ts';
import type { Language } from './place-names.ts';

export { EMERGING_CLASSES } from '../analysis/emerging-hotspots.ts';

export const EMERGING_STEPS = ['month', 'quarter', 'year'] as const;
export type EmergingStep = (typeof EMERGING_STEPS)[number];

export interface EmergingRequest {
  unit: HotspotUnit;
  measure: HotspotMeasure;
  from: string;
  to: string;
  step: EmergingStep;
  country?: string;
  language: Language;
}

export interface EmergingCell {
  code: string;
  name: string;
  class: EmergingClass;
  trendZ: number;
  trendP: number;
  /** Labels of the steps where the unit is a significant hot (cold) spot. */
  hotSteps: string[];
  coldSteps: string[];
}

export interface EmergingResult {
  unit: HotspotUnit;
  measure: HotspotMeasure;
  from: string;
  to: string;
  step: EmergingStep;
  country: string;
  /** Step labels: YYYY-MM, YYYY-Qn or YYYY. */
  steps: string[];
  /** Every unit of the study area, in the study area's order. */
  cells: EmergingCell[];
}

/** The label of the step a month falls in. */
export function stepOf(month: string, step: EmergingStep): string {
  if (step === 'month') return month;
  if (step === 'year') return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** Mann–Kendall needs a few points, and a trend over fewer than 3 steps says nothing. */
const MIN_STEPS = 3;

export async function emergingHotspots(
  deps: { counts: GroupedCounts; geography: Geography },
  req: EmergingRequest,
): Promise<EmergingResult> {
  const country = req.country ?? DEFAULT_COUNTRY;
  // Steps must be whole: a quarter holding one month would read as a cold spot.
  if (stepOf(req.from, req.step) === stepOf(prevMonth(req.from), req.step))
    throw new VigieError('BAD_USAGE', { reason: `from must start a ${req.step}` });
  if (stepOf(req.to, req.step) === stepOf(nextMonthOf(req.to), req.step))
    throw new VigieError('BAD_USAGE', { reason: `to must end a ${req.step}` });
  const counts = await monthlyUnitCounts(deps, { ...req, country });
  const steps = [...new Set(counts.months.map((m) => stepOf(m, req.step)))];
  if (steps.length < MIN_STEPS)
    throw new VigieError('BAD_USAGE', { reason: `at least ${MIN_STEPS} steps are needed` });
  const stepIndex = new Map(steps.map((s, k) => [s, k]));
  const n = counts.codes.length;
  const cube = new Float64Array(n * steps.length);
  for (const month of counts.months) {
    const t = stepIndex.get(stepOf(month, req.step))!;
    counts.codes.forEach((code, i) => {
      cube[t * n + i] = (cube[t * n + i] ?? 0) + counts.valueOf(code, month);
    });
  }
  const result = analyse(cube, n, counts.neighbours);
  const cells = counts.codes.map((code, i): EmergingCell => {
    const u = result.units[i]!;
    return {
      code,
      name: counts.names[i] ?? code,
      class: u.class,
      trendZ: u.trendZ,
      trendP: u.trendP,
      hotSteps: u.hotSteps.map((k) => steps[k] ?? ''),
      coldSteps: u.coldSteps.map((k) => steps[k] ?? ''),
    };
  });
  const { unit, measure, from, to, step } = req;
  return { unit, measure, from, to, step, country, steps, cells };
}

function nextMonthOf(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

function prevMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}
