/**
 * The backtest loop, pure: rolling origins × horizons × forecasters → score tables, summaries per horizon and
 * pooled (all, active and quiet units), the best baseline by pooled CRPS, and the candidate's skill against it
 * with a block-bootstrap 95 % interval over origins.
 *
 * No look-ahead by construction: each forecaster receives a copy of the history (and covariates) cut after the
 * origin month, so even a faulty forecaster cannot read the months it is scored on. Each (forecaster, origin,
 * horizon) draws from its own seeded stream (rng.ts deriveSeed), so results do not depend on which other models
 * ran. A service fills `history` with monthly counts per unit (e.g. civilian fatalities per admin-1) from the
 * store, and `neighbours` from geo/neighbours.ts.
 */
import type { Neighbours } from '../../../core/neighbours.ts';
import type { Forecaster } from '../baselines/registry.ts';
import { deriveSeed, xoshiro128ss } from '../rng.ts';
import type { CountHistory } from '../series.ts';
import { blockBootstrapSkill, type SkillInterval } from './block-bootstrap.ts';
import { emptyScoreTable, scoreInto, type ScoreTable } from './score-table.ts';
import { perOrigin, summarise, type ScoreSummary, type UnitSubset } from './summary.ts';

export interface BacktestInput {
  history: CountHistory;
  neighbours: Neighbours;
  covariates?: readonly CountHistory[];
  /** Origin month indices (the last month each forecast may read). */
  origins: readonly number[];
  horizons: readonly number[];
  samples: number;
  seed: number;
  forecasters: Readonly<Record<string, Forecaster>>;
  /** Which forecasters are baselines (the best of them is the reference). */
  baselines: readonly string[];
  /** The forecaster whose skill is reported; none → no skill. */
  candidate?: string;
  bootstrapReplicates?: number;
  blockLength?: number;
}

export interface ModelResult {
  pooled: Record<UnitSubset, ScoreSummary>;
  /** All units, one summary per horizon (same order as `horizons`). */
  byHorizon: ScoreSummary[];
}

export interface BacktestResult {
  origins: readonly number[];
  horizons: readonly number[];
  tables: Record<string, ScoreTable>;
  models: Record<string, ModelResult>;
  bestBaseline: string;
  skill?: SkillInterval;
}

/** The first origin + 1 months of a history, copied. */
export function truncateHistory(history: CountHistory, origin: number): CountHistory {
  const months = origin + 1;
  const counts = new Float64Array(history.units * months);
  for (let u = 0; u < history.units; u++) {
    counts.set(history.counts.subarray(u * history.months, u * history.months + months), u * months);
  }
  return { units: history.units, months, counts };
}

export function runBacktest(input: BacktestInput): BacktestResult {
  const { history, origins, horizons } = input;
  const names = Object.keys(input.forecasters);
  for (const b of input.baselines) if (!names.includes(b)) throw new RangeError(`unknown baseline ${b}`);
  if (input.candidate !== undefined && !names.includes(input.candidate)) {
    throw new RangeError(`unknown candidate ${input.candidate}`);
  }
  const tables: Record<string, ScoreTable> = {};
  for (const name of names) tables[name] = emptyScoreTable(origins, horizons, history.units);
  origins.forEach((origin, oi) => {
    const past = truncateHistory(history, origin);
    const covariates = (input.covariates ?? []).map((c) => truncateHistory(c, origin));
    horizons.forEach((horizon, hi) => {
      if (origin + horizon >= history.months) return;
      names.forEach((name, mi) => {
        const forecaster = input.forecasters[name];
        const table = tables[name];
        if (!forecaster || !table) return;
        const rng = xoshiro128ss(deriveSeed(input.seed, mi, origin, horizon));
        const request = { origin, horizon, samples: input.samples };
        const forecast = forecaster({
          history: past,
          neighbours: input.neighbours,
          request,
          rng,
          covariates,
        });
        scoreInto(table, history, forecast, oi, hi);
      });
    });
  });
  const models: Record<string, ModelResult> = {};
  for (const [name, table] of Object.entries(tables)) {
    models[name] = {
      pooled: {
        all: summarise(table, 'all'),
        active: summarise(table, 'active'),
        quiet: summarise(table, 'quiet'),
      },
      byHorizon: horizons.map((_, hi) => summarise(table, 'all', hi)),
    };
  }
  let bestBaseline = '';
  let best = Infinity;
  for (const b of input.baselines) {
    const crps = models[b]?.pooled.all.crps ?? NaN;
    if (crps < best) {
      best = crps;
      bestBaseline = b;
    }
  }
  const result: BacktestResult = { origins, horizons, tables, models, bestBaseline };
  const candidate = input.candidate === undefined ? undefined : tables[input.candidate];
  const reference = tables[bestBaseline];
  if (candidate && reference) {
    result.skill = blockBootstrapSkill(
      perOrigin(candidate, 'crps'),
      perOrigin(reference, 'crps'),
      xoshiro128ss(deriveSeed(input.seed, -1)),
      input.bootstrapReplicates,
      input.blockLength,
    );
  }
  return result;
}
