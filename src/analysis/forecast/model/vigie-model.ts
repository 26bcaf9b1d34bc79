/**
 * vigie's forecaster, the candidate the backtest reports and the one `vigie forecast run` will use: a stacked
 * linear pool (stacking.ts) of three forecasters,
 *
 *   w₁ · hurdle ensemble  +  w₂ · conflictology  +  w₃ · zero-inflated NB climatology (36 months)
 *
 * - hurdle ensemble: the direct multi-horizon hurdle model (hurdle.ts: logistic for y > 0, zero-truncated NB for
 *   its size, pooled over units: own lags, decayed history, spatial lag, time since the last event, other
 *   violence as covariates) fitted on the last 12, 24 and 48 months of feature rows, pooled equally. Which memory
 *   suits a conflict is not known in advance (a new armed group, a ceasefire change the regime), so the model
 *   averages three rather than picking one on one country's past. Ridge λ = 10 and `clip` (features clamped to
 *   their training range, the size mean to twice the largest training count) keep a fit on a quiet window from
 *   extrapolating one large month into an explosive forecast.
 * - conflictology (the unit's last 12 months resampled) and the ZINB climatology: the baselines that won on Mali
 *   in a violent period (2014–2018) and a calm one (2009–2013) respectively.
 * - weights: at each origin, the CRPS-optimal pool over the forecasts the three made at the 24 previous origins for
 *   horizons 1–6, scored against months up to the origin only; pooled over horizons because admin-1 has few units
 *   (9 in Mali) and per-horizon weights were noisier.
 *
 * How this was chosen, with the figures of every variant on two periods, is in docs/FORECASTING.md.
 */
import type { Forecaster } from '../baselines/registry.ts';
import { BASELINES } from '../baselines/registry.ts';
import { hurdleForecaster } from './forecaster.ts';
import { mixtureForecaster } from './mixture.ts';
import { stackedForecaster, type StackOptions } from './stacking.ts';

export const VIGIE_MODEL = 'vigie-stack';

/** Training windows of the hurdle members, in months of feature rows. */
export const HURDLE_WINDOWS = [12, 24, 48] as const;

export function hurdleEnsemble(): Forecaster {
  return mixtureForecaster(
    HURDLE_WINDOWS.map((w) => ({
      forecaster: hurdleForecaster({ trainingMonths: w, ridge: 10, clip: true }),
      weight: 1,
    })),
  );
}

/** A fresh instance (the stack caches past forecasts of one history): make one per backtest or run. */
export function vigieForecaster(options: Pick<StackOptions, 'seed' | 'onWeights'> = {}): Forecaster {
  return stackedForecaster([hurdleEnsemble(), BASELINES.conflictology, BASELINES.zinb36], {
    window: 24,
    trainHorizons: [1, 2, 3, 4, 5, 6],
    ...options,
  });
}
