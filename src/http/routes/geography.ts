import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEFAULT_COUNTRY } from '../../services/map-cells.ts';
import type { Vigie } from '../../services/vigie.ts';
import { localeOfRequest } from '../locale.ts';
import { basesSchema, boundariesSchema, presentBases, presentBoundaries } from '../presenters/geography.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';
import { countryCode } from '../../services/param-schemas.ts';

const boundariesQuery = z.object({
  level: z
    .enum(['1', '2'])
    .default('1')
    .transform((v): 1 | 2 => (v === '2' ? 2 : 1)),
  country: countryCode.default(DEFAULT_COUNTRY),
  lang,
});

const basesQuery = z.object({ lang });

/**
 * Boundaries change only when a boundary set is imported: browsers may reuse them for a few minutes, then
 * revalidate with the ETag (a 304 costs no geometry).
 */
const BOUNDARY_CACHE = 'public, max-age=300, must-revalidate';

export const geographyRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/boundaries',
    summary:
      'Admin boundaries as GeoJSON: level 1 = the loaded COD-AB admin-1 set for the country, else Natural Earth; ' +
      'level 2 = the loaded COD-AB admin-2 set (empty when none); coordinates rounded to 4 decimals',
    tags: ['geography'],
    query: boundariesQuery,
    responses: {
      200: { description: 'a FeatureCollection', schema: boundariesSchema },
      304: { description: 'unchanged since the ETag sent in If-None-Match' },
    },
  },
  {
    method: 'get',
    path: '/api/v1/bases',
    summary: 'Protection presences: imported bases, or the MINUSMA sites of 2023 that vigie ships',
    tags: ['geography'],
    query: basesQuery,
    responses: { 200: { description: 'bases', schema: basesSchema } },
  },
];

export function registerGeographyRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/boundaries', async (request, reply) => {
    const { level, country } = validate(boundariesQuery, request.query);
    const { etag, collection } = await vigie.boundaries(level, country, localeOfRequest(request));
    void reply.header('cache-control', BOUNDARY_CACHE).header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return presentBoundaries(collection);
  });

  app.get('/api/v1/bases', async (request) => {
    validate(basesQuery, request.query);
    return presentBases(await vigie.bases());
  });
}
