import type { FastifyInstance } from 'fastify';
import { areaParamsObject, areaQueryObject } from '../../services/area-schema.ts';
import type { Vigie } from '../../services/vigie.ts';
import { principal } from '../auth.ts';
import { localeOfRequest } from '../locale.ts';
import { areaProfileSchema, presentArea } from '../presenters/area.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const areaQuery = areaQueryObject.extend({ lang });

export const areaRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/areas/:unit/:code',
    summary:
      'One region (admin1) or cercle (admin2): its name, its monthly civilian fatalities and civilian-harm events ' +
      'over the last `months` months with data, the newest stored forecast (`vigie forecast run`) for it by ' +
      'horizon (mean, median, 90 % interval, P(y ≥ 1), P(y ≥ 25)) or null, and its open alerts (null for roles ' +
      'that do not read alerts); 404 for a code outside the study area',
    tags: ['forecast'],
    params: areaParamsObject,
    query: areaQuery,
    responses: { 200: { description: 'the area profile', schema: areaProfileSchema } },
  },
];

export function registerAreaRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/areas/:unit/:code', async (request) => {
    const params = validate(areaParamsObject, request.params);
    const { lang: _lang, ...query } = validate(areaQuery, request.query);
    return presentArea(
      await vigie.area(principal(request), { ...params, ...query, language: localeOfRequest(request) }),
    );
  });
}
