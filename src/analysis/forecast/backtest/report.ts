/**
 * The shape `vigie forecast backtest --json` prints (issue 6, point 4), from a BacktestResult. Scores are the
 * pooled all-unit means; `skill.crpsVsBest` is mean CRPS(candidate) / mean CRPS(best baseline) − 1, so −0.02
 * reads "2 % below the best baseline". JSON has no NaN: undefined scores (e.g. AP without a positive case) are null.
 */
import type { BacktestResult } from './run.ts';

export interface ReportScores {
  crps: number | null;
  ign: number | null;
  mis90: number | null;
  coverage90: number | null;
  ap1: number | null;
  logmse: number | null;
  tadda: number | null;
}

export interface BacktestReport {
  unit: string;
  outcome: string;
  origins: string;
  horizons: readonly number[];
  models: Record<string, ReportScores>;
  bestBaseline: string;
  skill: { crpsVsBest: number | null; ci95: [number | null, number | null] } | null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

export function backtestReport(
  result: BacktestResult,
  meta: { unit: string; outcome: string; origins: string },
): BacktestReport {
  const models: Record<string, ReportScores> = {};
  for (const [name, m] of Object.entries(result.models)) {
    const s = m.pooled.all;
    models[name] = {
      crps: finite(s.crps),
      ign: finite(s.ign),
      mis90: finite(s.mis90),
      coverage90: finite(s.coverage90),
      ap1: finite(s.ap1),
      logmse: finite(s.logmse),
      tadda: finite(s.tadda),
    };
  }
  const skill = result.skill
    ? {
        crpsVsBest: finite(result.skill.skill),
        ci95: [finite(result.skill.ci95[0]), finite(result.skill.ci95[1])] as [number | null, number | null],
      }
    : null;
  return { ...meta, horizons: result.horizons, models, bestBaseline: result.bestBaseline, skill };
}
