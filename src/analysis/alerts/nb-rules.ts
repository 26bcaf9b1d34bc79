/**
 * The two negative-binomial rules. Both fit the in-control NB on the unit's own previous `baseline` months
 * (default 24), by moments with a mean floor (nb.ts), and need a full baseline before they say anything.
 *
 * NB CUSUM (Höhle & Paul, "Count data regression charts for the monitoring of surveillance time series",
 * Computational Statistics & Data Analysis 52(9), 2008; R surveillance::glrnb with a fixed shift): with μ₀ and r
 * fitted on months t − b … t − 1 and the out-of-control mean μ₁ = κ · μ₀ (default κ = 2, a doubling),
 *   S_t = max(0, S_{t−1} + log f(y_t; μ₁, r) − log f(y_t; μ₀, r)),   alarm when S_t ≥ h (default h = 4),
 * after which S is reset to 0 (surveillance's default). Departure: Höhle & Paul fit μ₀ once on a fixed past
 * period; here the baseline moves with t (a conflict has no stable "in-control" decade), so S accumulates
 * evidence of a rise against the last two years.
 *
 * NB surprise: p_{u,t} = P(Y ≥ y_{u,t}) under the NB fitted on the unit's previous b months, adjusted across
 * all units of the month with Benjamini–Hochberg (1995); a unit fires when its adjusted p ≤ α (default 0.05) and
 * y > 0. The statistic is the adjusted p.
 */
import { benjaminiHochberg } from '../gi-star.ts';
import type { CountHistory } from '../forecast/series.ts';
import { fitNegBinomial, negBinomialLogLikelihoodRatio, negBinomialUpperTail } from './nb.ts';
import { emptyOutput, type AlertRule, type RuleOutput } from './rule.ts';

export interface NbOptions {
  /** Months of the in-control baseline. */
  baseline?: number;
  /** Out-of-control mean as a multiple of the in-control mean (CUSUM only). */
  shift?: number;
  meanFloor?: number;
}

export function nbCusum(history: CountHistory, h: number, options: NbOptions = {}): RuleOutput {
  const b = options.baseline ?? 24;
  const kappa = options.shift ?? 2;
  const out = emptyOutput(history);
  const T = history.months;
  for (let u = 0; u < history.units; u++) {
    const values = history.counts.subarray(u * T, (u + 1) * T);
    let s = 0;
    for (let t = b; t < T; t++) {
      const fit = fitNegBinomial(values, t - b, t, options.meanFloor);
      if (!fit) continue;
      s = Math.max(
        0,
        s + negBinomialLogLikelihoodRatio(values[t] ?? 0, fit.mean, kappa * fit.mean, fit.size),
      );
      out.statistic[u * T + t] = s;
      if (s >= h) {
        out.alarm[u * T + t] = 1;
        s = 0;
      }
    }
  }
  return out;
}

/** Upper-tail p of every unit-month under its own previous-b-months NB (NaN before a full baseline). */
export function nbSurpriseP(history: CountHistory, options: NbOptions = {}): Float64Array {
  const b = options.baseline ?? 24;
  const T = history.months;
  const p = new Float64Array(history.units * T).fill(NaN);
  for (let u = 0; u < history.units; u++) {
    const values = history.counts.subarray(u * T, (u + 1) * T);
    for (let t = b; t < T; t++) {
      const fit = fitNegBinomial(values, t - b, t, options.meanFloor);
      if (fit) p[u * T + t] = negBinomialUpperTail(values[t] ?? 0, fit);
    }
  }
  return p;
}

export function nbSurprise(history: CountHistory, alpha: number, options: NbOptions = {}): RuleOutput {
  return surpriseFromP(history, nbSurpriseP(history, options), alpha);
}

/** BH across the units of each month, then alarm where the adjusted p ≤ α and the count is positive. */
export function surpriseFromP(history: CountHistory, p: Float64Array, alpha: number): RuleOutput {
  const out = emptyOutput(history);
  const T = history.months;
  for (let t = 0; t < T; t++) {
    const units: number[] = [];
    for (let u = 0; u < history.units; u++) if (!Number.isNaN(p[u * T + t] ?? NaN)) units.push(u);
    if (units.length === 0) continue;
    const q = benjaminiHochberg(units.map((u) => p[u * T + t] ?? 1));
    units.forEach((u, i) => {
      const qi = q[i] ?? 1;
      out.statistic[u * T + t] = qi;
      if (qi <= alpha && (history.counts[u * T + t] ?? 0) > 0) out.alarm[u * T + t] = 1;
    });
  }
  return out;
}

export const NB_CUSUM_RULE: AlertRule = {
  name: 'nb-cusum',
  parameter: 'h',
  default: 4,
  range: [1e-3, 200],
  logScale: true,
  stricter: 'higher',
  description:
    'NB CUSUM (Höhle & Paul 2008): in-control NB on the previous 24 months, shift κ = 2, alarm S ≥ h, reset',
  run: (history, h) => nbCusum(history, h),
};

const surpriseCache = new WeakMap<CountHistory, Float64Array>();

export const NB_SURPRISE_RULE: AlertRule = {
  name: 'nb-surprise-fdr',
  parameter: 'alpha',
  default: 0.05,
  range: [1e-12, 0.999],
  logScale: true,
  stricter: 'lower',
  description:
    'P(Y ≥ y) under the NB of the previous 24 months, Benjamini–Hochberg across units, alarm q ≤ α',
  // The p-values do not depend on α: computed once per history, so tuning α only re-runs Benjamini–Hochberg.
  run: (history, alpha) => {
    let p = surpriseCache.get(history);
    if (!p) surpriseCache.set(history, (p = nbSurpriseP(history)));
    return surpriseFromP(history, p, alpha);
  },
};
