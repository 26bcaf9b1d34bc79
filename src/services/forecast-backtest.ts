/**
 * `vigie forecast backtest` and GET /api/v1/forecast/backtest: the rolling-origin backtest of vigie's model against
 * the VIEWS baseline family on the store's monthly counts (forecast-data.ts), through the pure backtest core
 * (analysis/forecast/backtest). The report carries the JSON shape plus per-horizon scores and the
 * all / active / onset (quiet-unit) breakdowns, for every model.
 */
import {
  backtestReport,
  type BacktestReport,
  type ReportScores,
} from '../analysis/forecast/backtest/report.ts';
import { runBacktest } from '../analysis/forecast/backtest/run.ts';
import type { ScoreSummary } from '../analysis/forecast/backtest/summary.ts';
import { BASELINES, type Forecaster } from '../analysis/forecast/baselines/registry.ts';
import { VIGIE_MODEL, vigieForecaster } from '../analysis/forecast/model/vigie-model.ts';
import { VigieError } from '../core/errors.ts';
import {
  loadForecastData,
  type ForecastDataDeps,
  type ForecastOutcome,
  type ForecastSource,
  type ForecastUnit,
} from './forecast-data.ts';
import { horizonsOfRange, monthsOfRange, type BacktestParams } from './forecast-schema.ts';
import type { Language } from './place-names.ts';

export type BacktestRequest = BacktestParams & { language: Language };

export interface DetailedScores extends ReportScores {
  n: number;
  brier1: number | null;
  brier25: number | null;
  ap25: number | null;
}

export interface ModelDetail {
  all: DetailedScores;
  active: DetailedScores;
  /** Units without any event in the 12 months up to the origin: where onsets happen. */
  onset: DetailedScores;
  byHorizon: DetailedScores[];
}

export interface BacktestResponse extends BacktestReport {
  country: string;
  unit: ForecastUnit;
  outcome: ForecastOutcome;
  /** Where the monthly counts came from: stored events or ACLED's monthly aggregates. */
  source: ForecastSource;
  units: number;
  samples: number;
  seed: number;
  /** The history read: first and last month. */
  history: { from: string; to: string };
  candidate: string;
  baselines: string[];
  skill: (BacktestReport['skill'] & { blockLength: number; replicates: number }) | null;
  detail: Record<string, ModelDetail>;
  seconds: number;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

function detailed(s: ScoreSummary): DetailedScores {
  return {
    n: s.n,
    crps: finite(s.crps),
    ign: finite(s.ign),
    mis90: finite(s.mis90),
    coverage90: finite(s.coverage90),
    ap1: finite(s.ap1),
    logmse: finite(s.logmse),
    tadda: finite(s.tadda),
    brier1: finite(s.brier1),
    brier25: finite(s.brier25),
    ap25: finite(s.ap25),
  };
}

/** The forecasters of a backtest: every baseline, then vigie's model (a fresh instance: it caches per history). */
export function backtestForecasters(seed: number): Record<string, Forecaster> {
  return { ...BASELINES, [VIGIE_MODEL]: vigieForecaster({ seed }) };
}

export async function forecastBacktest(
  deps: ForecastDataDeps,
  req: BacktestRequest,
): Promise<BacktestResponse> {
  const started = performance.now();
  const data = await loadForecastData(deps, req);
  const originMonths = monthsOfRange(req.origins);
  const index = new Map(data.months.map((m, i) => [m, i]));
  const origins: number[] = [];
  for (const m of originMonths) {
    const i = index.get(m);
    // An origin needs a year of history behind it and at least its first horizon ahead inside the data.
    if (i !== undefined && i >= 12 && i + 1 < data.months.length) origins.push(i);
  }
  if (origins.length === 0) {
    throw new VigieError('BAD_USAGE', {
      reason: `no origin in ${req.origins} has 12 months of history and a month to score (data ${data.months[0]} … ${data.months.at(-1)})`,
    });
  }
  const horizons = horizonsOfRange(req.horizons);
  const forecasters = backtestForecasters(req.seed);
  const baselines = Object.keys(BASELINES);
  const result = runBacktest({
    history: data.history,
    neighbours: data.neighbours,
    covariates: data.covariates,
    origins,
    horizons,
    samples: req.samples,
    seed: req.seed,
    forecasters,
    baselines,
    candidate: VIGIE_MODEL,
  });
  const first = data.months[origins[0] ?? 0] ?? '';
  const last = data.months[origins[origins.length - 1] ?? 0] ?? '';
  const report = backtestReport(result, {
    unit: req.unit,
    outcome: req.outcome,
    origins: `${first}:${last}`,
  });
  const detail: Record<string, ModelDetail> = {};
  for (const [name, m] of Object.entries(result.models)) {
    detail[name] = {
      all: detailed(m.pooled.all),
      active: detailed(m.pooled.active),
      onset: detailed(m.pooled.quiet),
      byHorizon: m.byHorizon.map(detailed),
    };
  }
  return {
    ...report,
    unit: req.unit,
    outcome: req.outcome,
    source: req.source,
    country: data.country,
    units: data.codes.length,
    samples: req.samples,
    seed: req.seed,
    history: { from: data.months[0] ?? '', to: data.months.at(-1) ?? '' },
    candidate: VIGIE_MODEL,
    baselines,
    skill:
      report.skill && result.skill
        ? { ...report.skill, blockLength: result.skill.blockLength, replicates: result.skill.replicates }
        : null,
    detail,
    seconds: (performance.now() - started) / 1000,
  };
}
