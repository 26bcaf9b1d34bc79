import type { FastifyInstance } from 'fastify';
import { drawdownParamsObject } from '../../services/drawdown.ts';
import { rankingParamsObject } from '../../services/presence-ranking.ts';
import type { Vigie } from '../../services/vigie.ts';
import { drawdownSchema, presentDrawdown } from '../presenters/drawdown.ts';
import { presentRanking, rankingSchema } from '../presenters/ranking.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

// The CLI's flags under their query names; the schema is strict, so a misspelt parameter is a 400, not a default.
const drawdownQuery = drawdownParamsObject.extend({ lang });
const rankingQuery = rankingParamsObject.extend({ lang });

export const drawdownRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/drawdown',
    summary:
      'Drawdown protection gap: per base with a closure date, the change in monthly political violence in its ' +
      'admin-2 unit minus the mean change in admin-2 units with no closure in the window (closure month ' +
      'excluded), with a seeded bootstrap 95 % interval over comparison units',
    tags: ['analysis'],
    query: drawdownQuery,
    responses: { 200: { description: 'one estimate per base', schema: drawdownSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/drawdown/ranking',
    summary:
      'Protection-risk ranking of presences open at the end of the window (bases with no closure date, or ' +
      'closing later): score = weighted trend (last m vs previous m months), level, Gi* class of the admin-2 ' +
      'unit and a forecast slot (weight 0 until early warning lands); the formula is part of the answer',
    tags: ['analysis'],
    query: rankingQuery,
    responses: { 200: { description: 'ranked open presences and those left out', schema: rankingSchema } },
  },
];

export function registerDrawdownRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/drawdown', async (request) => {
    const { lang: _lang, ...params } = validate(drawdownQuery, request.query);
    return presentDrawdown(await vigie.drawdown(params));
  });
  app.get('/api/v1/drawdown/ranking', async (request) => {
    const { lang: _lang, ...params } = validate(rankingQuery, request.query);
    return presentRanking(await vigie.drawdownRanking(params));
  });
}
