import { z } from 'zod';
import { FORECAST_OUTCOMES, FORECAST_SOURCES, FORECAST_UNITS } from '../../services/forecast-data.ts';
import type { BacktestResponse, DetailedScores } from '../../services/forecast-backtest.ts';
import type { ForecastSet } from '../../services/forecast-run.ts';

const score = z.number().nullable();
const reportScores = z.object({
  crps: score,
  ign: score,
  mis90: score,
  coverage90: score,
  ap1: score,
  logmse: score,
  tadda: score,
});
const detailedScores = reportScores.extend({ n: z.number(), brier1: score, brier25: score, ap25: score });

/** The same fields as `vigie forecast backtest --json`, so a script can switch between the CLI and the API. */
export const backtestSchema = z.object({
  unit: z.enum(FORECAST_UNITS),
  outcome: z.enum(FORECAST_OUTCOMES),
  source: z.enum(FORECAST_SOURCES),
  country: z.string(),
  origins: z.string(),
  horizons: z.array(z.number()),
  units: z.number(),
  samples: z.number(),
  seed: z.number(),
  history: z.object({ from: z.string(), to: z.string() }),
  candidate: z.string(),
  baselines: z.array(z.string()),
  models: z.record(z.string(), reportScores),
  bestBaseline: z.string(),
  skill: z
    .object({
      crpsVsBest: score,
      ci95: z.tuple([score, score]),
      blockLength: z.number(),
      replicates: z.number(),
    })
    .nullable(),
  detail: z.record(
    z.string(),
    z.object({
      all: detailedScores,
      active: detailedScores,
      onset: detailedScores,
      byHorizon: z.array(detailedScores),
    }),
  ),
  seconds: z.number(),
});

const pickScores = (s: DetailedScores): DetailedScores => ({
  n: s.n,
  crps: s.crps,
  ign: s.ign,
  mis90: s.mis90,
  coverage90: s.coverage90,
  ap1: s.ap1,
  logmse: s.logmse,
  tadda: s.tadda,
  brier1: s.brier1,
  brier25: s.brier25,
  ap25: s.ap25,
});

export function presentBacktest(r: BacktestResponse): z.infer<typeof backtestSchema> {
  const detail: z.infer<typeof backtestSchema>['detail'] = {};
  for (const [name, d] of Object.entries(r.detail)) {
    detail[name] = {
      all: pickScores(d.all),
      active: pickScores(d.active),
      onset: pickScores(d.onset),
      byHorizon: d.byHorizon.map(pickScores),
    };
  }
  return {
    unit: r.unit,
    outcome: r.outcome,
    source: r.source,
    country: r.country,
    origins: r.origins,
    horizons: [...r.horizons],
    units: r.units,
    samples: r.samples,
    seed: r.seed,
    history: { from: r.history.from, to: r.history.to },
    candidate: r.candidate,
    baselines: [...r.baselines],
    models: r.models,
    bestBaseline: r.bestBaseline,
    skill: r.skill
      ? {
          crpsVsBest: r.skill.crpsVsBest,
          ci95: r.skill.ci95,
          blockLength: r.skill.blockLength,
          replicates: r.skill.replicates,
        }
      : null,
    detail,
    seconds: r.seconds,
  };
}

/** Stored forecasts, as `vigie forecast run --json` prints them. */
export const forecastSetSchema = z.object({
  run: z.object({
    id: z.string(),
    createdAt: z.string(),
    country: z.string(),
    unit: z.string(),
    outcome: z.string(),
    source: z.enum(FORECAST_SOURCES),
    origin: z.string(),
    model: z.string(),
    samples: z.number(),
    seed: z.number(),
  }),
  values: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      targetMonth: z.string(),
      horizon: z.number(),
      mean: z.number(),
      median: z.number(),
      lower90: z.number(),
      upper90: z.number(),
      /** Central 50 % interval; null for runs stored before it was kept. */
      lower50: z.number().nullable(),
      upper50: z.number().nullable(),
      pAny: z.number(),
      pMass: z.number(),
    }),
  ),
});

export function presentForecastSet(s: ForecastSet): z.infer<typeof forecastSetSchema> {
  const { id, createdAt, country, unit, outcome, source, origin, model, samples, seed } = s.run;
  return {
    run: {
      id,
      createdAt,
      country,
      unit,
      outcome,
      source,
      origin,
      model,
      samples,
      seed,
    },
    values: s.values.map((v) => ({
      unitCode: v.unitCode,
      unitName: v.unitName,
      targetMonth: v.targetMonth,
      horizon: v.horizon,
      mean: v.mean,
      median: v.median,
      lower90: v.lower90,
      lower50: v.lower50,
      upper50: v.upper50,
      upper90: v.upper90,
      pAny: v.pAny,
      pMass: v.pMass,
    })),
  };
}
