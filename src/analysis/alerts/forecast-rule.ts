/**
 * The forecast model as an alert rule: at the end of month t, vigie's forecaster (or any Forecaster) gives
 * predictive samples for month t + 1 from the history up to t; the rule's statistic is
 *   P(escalation at t + 1) = P(Y_{t+1} ≥ 25  or  Y_{t+1} > P95 of months t − 23 … t),
 * the share of samples that would make month t + 1 an escalation month (episodes.ts), and it fires when that
 * probability is ≥ c. The alarm sits at month t, like every other rule's (it uses data up to t only), so an
 * episode at t + 1 caught by it has a lead of one month.
 */
import type { Neighbours } from '../../core/neighbours.ts';
import type { Forecaster } from '../forecast/baselines/registry.ts';
import { deriveSeed, xoshiro128ss } from '../forecast/rng.ts';
import type { CountHistory } from '../forecast/series.ts';
import { unitSamples } from '../forecast/series.ts';
import { quantile7, type EpisodeOptions } from './episodes.ts';
import { emptyOutput, type AlertRule } from './rule.ts';

export interface ForecastProbabilityInput {
  history: CountHistory;
  neighbours: Neighbours;
  covariates?: readonly CountHistory[];
  forecaster: Forecaster;
  /** Month indices at whose end a forecast is made. */
  origins: readonly number[];
  samples: number;
  seed: number;
  episode?: EpisodeOptions;
}

/** P(escalation at t + 1) stored at month t (NaN where no forecast was made). */
export function escalationProbabilities(input: ForecastProbabilityInput): Float64Array {
  const { history, origins } = input;
  const level = input.episode?.level ?? 25;
  const q = input.episode?.quantile ?? 0.95;
  const w = input.episode?.window ?? 24;
  const T = history.months;
  const prob = new Float64Array(history.units * T).fill(NaN);
  for (const t of origins) {
    if (t + 1 < w) continue;
    const m = input.forecaster({
      history,
      neighbours: input.neighbours,
      covariates: input.covariates,
      request: { origin: t, horizon: 1, samples: input.samples },
      rng: xoshiro128ss(deriveSeed(input.seed, t)),
    });
    for (let u = 0; u < history.units; u++) {
      const values = history.counts.subarray(u * T, (u + 1) * T);
      const p95 = quantile7(values, t + 1 - w, t + 1, q);
      const s = unitSamples(m, u);
      let hits = 0;
      for (let i = 0; i < s.length; i++) {
        const y = s[i] ?? 0;
        if (y >= level || y > p95) hits++;
      }
      prob[u * T + t] = hits / s.length;
    }
  }
  return prob;
}

export function forecastRule(name: string, probabilities: Float64Array): AlertRule {
  return {
    name,
    parameter: 'probability',
    default: 0.5,
    range: [1e-4, 1],
    logScale: true,
    stricter: 'higher',
    description:
      'P(month t + 1 is an escalation month) from the forecast model\u2019s samples made at t, alarm ≥ c',
    // The history may be the full one or a copy cut after a tuning period (tuning.ts): months 0 … T − 1 of each
    // unit are read from the probabilities laid out for the full history.
    run: (history, c) => {
      const out = emptyOutput(history);
      const T = history.months;
      const full = history.units > 0 ? probabilities.length / history.units : 0;
      for (let u = 0; u < history.units; u++) {
        for (let t = 0; t < Math.min(T, full); t++) {
          const p = probabilities[u * full + t] ?? NaN;
          out.statistic[u * T + t] = p;
          if (p >= c) out.alarm[u * T + t] = 1;
        }
      }
      return out;
    },
  };
}
