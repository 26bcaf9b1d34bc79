import type { FastifyInstance } from 'fastify';
import {
  emergingParamsObject,
  hotspotParamsObject,
  monthOrder,
  monthOrderMessage,
} from '../../services/hotspot-schema.ts';
import type { Vigie } from '../../services/vigie.ts';
import { localeOfRequest } from '../locale.ts';
import {
  emergingHotspotsSchema,
  hotspotsSchema,
  presentEmergingHotspots,
  presentHotspots,
} from '../presenters/hotspots.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const hotspotsQuery = hotspotParamsObject.extend({ lang }).refine(monthOrder, monthOrderMessage);
const emergingQuery = emergingParamsObject.extend({ lang }).refine(monthOrder, monthOrderMessage);

export const hotspotRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/hotspots',
    summary:
      'Getis-Ord Gi* per admin unit or grid cell over whole months: z as R spdep localG (binary weights, self ' +
      'included), conditional-permutation p (seeded) and Benjamini-Hochberg pFdr; units without events included',
    tags: ['analysis'],
    query: hotspotsQuery,
    responses: {
      200: { description: 'every unit of the study area, highest z first', schema: hotspotsSchema },
    },
  },
  {
    method: 'get',
    path: '/api/v1/hotspots/emerging',
    summary:
      'Emerging hot spots (after ESRI): Gi* per unit and month/quarter/year over the unit, its neighbours and the ' +
      'previous step, analytic p ≤ 0.10 per bin, Mann-Kendall trend of z, and the ESRI pattern class per unit',
    tags: ['analysis'],
    query: emergingQuery,
    responses: {
      200: { description: 'every unit of the study area with its class', schema: emergingHotspotsSchema },
    },
  },
];

export function registerHotspotRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/hotspots', async (request) => {
    const { lang: _lang, ...params } = validate(hotspotsQuery, request.query);
    return presentHotspots(await vigie.hotspots({ ...params, language: localeOfRequest(request) }));
  });
  app.get('/api/v1/hotspots/emerging', async (request) => {
    const { lang: _lang, ...params } = validate(emergingQuery, request.query);
    const result = await vigie.emergingHotspots({ ...params, language: localeOfRequest(request) });
    return presentEmergingHotspots(result);
  });
}
