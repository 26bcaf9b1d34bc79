/**
 * The baselines by the names a backtest reports them under, with one signature, so the backtest loops over them
 * without knowing which needs neighbours. Names follow the issue (VIEWS 2023/24 challenge family).
 */
import type { Neighbours } from '../../../core/neighbours.ts';
import type { Rng } from '../rng.ts';
import type { CountHistory, ForecastRequest, SampleMatrix } from '../series.ts';
import { negBinomialClimatology, zeroInflatedNegBinomialClimatology } from './climatology.ts';
import { conflictology, conflictologyWithNeighbours, globalBootstrap } from './resample.ts';
import { lastObservedPoint, lastObservedPoisson, recentMeanPoisson, zeroBaseline } from './simple.ts';

export interface ForecastContext {
  history: CountHistory;
  neighbours: Neighbours;
  request: ForecastRequest;
  rng: Rng;
  /** Extra series on the same units × months (other violence types…); the baselines ignore them. */
  covariates?: readonly CountHistory[];
}

export type Forecaster = (context: ForecastContext) => SampleMatrix;

export const BASELINES = {
  zero: ({ history, request }) => zeroBaseline(history, request),
  'last-point': ({ history, request }) => lastObservedPoint(history, request),
  'last-poisson': ({ history, request, rng }) => lastObservedPoisson(history, request, rng),
  'mean3-poisson': ({ history, request, rng }) => recentMeanPoisson(history, request, rng, 3),
  'mean12-poisson': ({ history, request, rng }) => recentMeanPoisson(history, request, rng, 12),
  conflictology: ({ history, request, rng }) => conflictology(history, request, rng, 12),
  'conflictology-neighbours': ({ history, neighbours, request, rng }) =>
    conflictologyWithNeighbours(history, neighbours, request, rng, 12),
  bootstrap12: ({ history, request, rng }) => globalBootstrap(history, request, rng, 12),
  bootstrap240: ({ history, request, rng }) => globalBootstrap(history, request, rng, 240),
  nb36: ({ history, request, rng }) => negBinomialClimatology(history, request, rng, 36),
  zinb36: ({ history, request, rng }) => zeroInflatedNegBinomialClimatology(history, request, rng, 36),
} as const satisfies Record<string, Forecaster>;

export type BaselineName = keyof typeof BASELINES;
