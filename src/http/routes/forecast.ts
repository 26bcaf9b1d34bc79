import type { FastifyInstance } from 'fastify';
import { backtestParamsObject, forecastsQueryObject } from '../../services/forecast-schema.ts';
import type { Vigie } from '../../services/vigie.ts';
import { localeOfRequest } from '../locale.ts';
import {
  backtestSchema,
  forecastSetSchema,
  presentBacktest,
  presentForecastSet,
} from '../presenters/forecast.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const backtestQuery = backtestParamsObject.extend({ lang });
const forecastsQuery = forecastsQueryObject.extend({ lang });

export const forecastRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/forecast/backtest',
    summary:
      'Rolling-origin backtest of the forecast model against the VIEWS 2023/24 baselines on monthly counts per ' +
      'unit: CRPS, ignorance, 90 % interval score and coverage, AP, log-MSE, TADDA per model, pooled, per ' +
      'horizon and for all / active / onset units; block-bootstrap 95 % interval of the CRPS skill over the best ' +
      'baseline. Takes seconds on admin-1, minutes on PRIO-GRID.',
    tags: ['forecast'],
    query: backtestQuery,
    responses: { 200: { description: 'the backtest report', schema: backtestSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/forecasts',
    summary:
      'The newest stored forecasts (`vigie forecast run`) for a country, unit and outcome: per unit and target ' +
      'month the predictive mean, median, central 90 % interval, P(y ≥ 1) and P(y ≥ 25); 404 when none was run',
    tags: ['forecast'],
    query: forecastsQuery,
    responses: { 200: { description: 'the run and its values', schema: forecastSetSchema } },
  },
];

export function registerForecastRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/forecast/backtest', async (request) => {
    const { lang: _lang, ...params } = validate(backtestQuery, request.query);
    return presentBacktest(await vigie.forecastBacktest({ ...params, language: localeOfRequest(request) }));
  });
  app.get('/api/v1/forecasts', async (request) => {
    const { lang: _lang, ...params } = validate(forecastsQuery, request.query);
    return presentForecastSet(await vigie.forecasts(params));
  });
}
