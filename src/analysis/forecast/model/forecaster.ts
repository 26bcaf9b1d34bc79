/**
 * The hurdle model as a Forecaster (baselines/registry.ts), so the backtest runs it beside the baselines. The
 * covariates come from the context, cut at the origin by the backtest like the history.
 */
import type { Forecaster } from '../baselines/registry.ts';
import { hurdleSamples, type HurdleOptions } from './hurdle.ts';

export function hurdleForecaster(options: Omit<HurdleOptions, 'covariates'> = {}): Forecaster {
  return ({ history, neighbours, request, rng, covariates }) =>
    hurdleSamples(history, neighbours, request, rng, { ...options, covariates: covariates ?? [] });
}
