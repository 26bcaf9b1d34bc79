import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AGGREGATE_PERIODS } from '../../services/aggregates.ts';
import { eventFilterSchema, parseEventFilter } from '../../services/filter-schema.ts';
import { perpetratorLeadersOf, TREND_MEASURES } from '../../services/perpetrator-trends.ts';
import type { Vigie } from '../../services/vigie.ts';
import { localeOfRequest } from '../locale.ts';
import { perpetratorLeadersSchema, presentPerpetratorLeaders } from '../presenters/trends.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

// Year and civilian fatalities by default, as `vigie trends --leaders`: the question is "who harms civilians most".
const perpetratorLeadersQuery = eventFilterSchema.extend({
  by: z.enum(AGGREGATE_PERIODS).default('year'),
  measure: z.enum(TREND_MEASURES).default('civilianFatalities'),
  lang,
});

export const trendRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/trends/perpetrators',
    summary:
      'Leading perpetrator category per month or year (armed actors only; unidentified reported as a caveat), ' +
      'its share of the period total, runner-up and margin, and how many periods each category led',
    tags: ['analysis'],
    query: perpetratorLeadersQuery,
    responses: { 200: { description: 'leader per period', schema: perpetratorLeadersSchema } },
  },
];

export function registerTrendRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/trends/perpetrators', async (request) => {
    const { by, measure, lang: _lang, ...filterInput } = validate(perpetratorLeadersQuery, request.query);
    const filter = parseEventFilter(filterInput, 'VALIDATION_FAILED');
    const language = localeOfRequest(request);
    const result = await perpetratorLeadersOf((r) => vigie.aggregates(r), { by, measure, filter, language });
    return presentPerpetratorLeaders(result);
  });
}
