import type { FastifyInstance } from 'fastify';
import { drawdownParamsObject } from '../../services/drawdown.ts';
import type { Vigie } from '../../services/vigie.ts';
import { drawdownSchema, presentDrawdown } from '../presenters/drawdown.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

// The CLI's flags under their query names; the schema is strict, so a misspelt parameter is a 400, not a default.
const drawdownQuery = drawdownParamsObject.extend({ lang });

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
];

export function registerDrawdownRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/drawdown', async (request) => {
    const { lang: _lang, ...params } = validate(drawdownQuery, request.query);
    return presentDrawdown(await vigie.drawdown(params));
  });
}
