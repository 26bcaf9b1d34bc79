/**
 * EARS C1, C2, C3 (Hutwagner, Thompson, Seeman & Treadwell, "The bioterrorism preparedness and response Early
 * Aberration Reporting System (EARS)", Journal of Urban Health 80(2 Suppl 1), 2003; definitions as in Fricker,
 * Hegler & Dunfee, Statistics in Medicine 27, 2008, and R surveillance::earsC):
 *
 *   C1_t = (y_t − ȳ₁) / s₁,  ȳ₁, s₁ the mean and standard deviation of y_{t−7} … y_{t−1};   alarm C1 > 3
 *   C2_t = (y_t − ȳ₂) / s₂,  over y_{t−9} … y_{t−3} (the same 7 periods behind a 2-period guard band); alarm > 3
 *   C3_t = Σ_{i=t−2}^{t} max(0, C2_i − 1);   alarm C3 > 2
 *
 * Adaptation from days to months: the periods are months, not days — the baseline is the 7 months before
 * (C1) or the 7 months before a 2-month guard (C2, C3). EARS was built for daily syndromic counts with a short
 * memory; kept literal, it reacts to a month far above the last half-year. The standard deviation is floored at
 * `minSigma` (default 1 death; surveillance's minSigma), or a unit with a flat baseline would divide by zero.
 * The thresholds 3, 3, 2 are the sensitivity parameters. Some implementations (JHU/APL's, after CDC's) leave out
 * of the C3 sum an earlier term that itself reached the threshold; vigie keeps the plain sum of Fricker et al.
 */
import type { CountHistory } from '../forecast/series.ts';
import { emptyOutput, type AlertRule, type RuleOutput } from './rule.ts';

const BASELINE = 7;

function standardised(values: Float64Array, t: number, guard: number, minSigma: number): number {
  const from = t - guard - BASELINE;
  if (from < 0) return NaN;
  let s = 0;
  for (let i = from; i < from + BASELINE; i++) s += values[i] ?? 0;
  const m = s / BASELINE;
  let ss = 0;
  for (let i = from; i < from + BASELINE; i++) ss += ((values[i] ?? 0) - m) ** 2;
  const sd = Math.max(Math.sqrt(ss / (BASELINE - 1)), minSigma);
  return ((values[t] ?? 0) - m) / sd;
}

export type EarsVariant = 'C1' | 'C2' | 'C3';

export function ears(
  history: CountHistory,
  variant: EarsVariant,
  threshold: number,
  minSigma = 1,
): RuleOutput {
  const out = emptyOutput(history);
  const T = history.months;
  for (let u = 0; u < history.units; u++) {
    const values = history.counts.subarray(u * T, (u + 1) * T);
    for (let t = 0; t < T; t++) {
      let stat: number;
      if (variant === 'C1') stat = standardised(values, t, 0, minSigma);
      else if (variant === 'C2') stat = standardised(values, t, 2, minSigma);
      else {
        stat = 0;
        for (let i = t - 2; i <= t; i++) stat += Math.max(0, standardised(values, i, 2, minSigma) - 1);
        // standardised() is NaN before its baseline, and NaN propagates through max and the sum.
      }
      out.statistic[u * T + t] = stat;
      if (stat > threshold) out.alarm[u * T + t] = 1;
    }
  }
  return out;
}

const earsRule = (variant: EarsVariant, threshold: number, description: string): AlertRule => ({
  name: `ears-${variant.toLowerCase()}`,
  parameter: 'threshold',
  default: threshold,
  range: [-5, 100],
  logScale: false,
  stricter: 'higher',
  description,
  run: (history, k) => ears(history, variant, k),
});

export const EARS_RULES: readonly AlertRule[] = [
  earsRule('C1', 3, 'EARS C1 (CDC): (y − mean)/sd of the 7 months before, alarm > 3'),
  earsRule('C2', 3, 'EARS C2 (CDC): as C1 over months t−9 … t−3 (2-month guard band), alarm > 3'),
  earsRule('C3', 2, 'EARS C3 (CDC): Σ max(0, C2 − 1) over months t−2 … t, alarm > 2'),
];
