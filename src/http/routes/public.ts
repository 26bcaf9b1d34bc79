import type { FastifyInstance } from 'fastify';
import { publicApiParamsObject } from '../../services/public-release.ts';
import type { Vigie } from '../../services/vigie.ts';
import { presentPublicRelease, publicReleaseSchema } from '../presenters/public.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const publicQuery = publicApiParamsObject.extend({ lang });

export const publicRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/public/incidents',
    summary:
      'Public release of verified civilian-harm incidents, without authentication: distinct incidents and ' +
      'victims by admin-2 (or admin-1) × month × harm type × perpetrator category. A cell is published only ' +
      'with at least k incidents and 0 or at least k victims; smaller cells are left out with their key; no ' +
      'totals. JSON, CSV, or CSV with an HXL hashtag row (format=hxl). k is at least 5 here.',
    tags: ['public'],
    query: publicQuery,
    responses: {
      200: {
        description: 'the release (JSON), or a CSV download',
        schema: publicReleaseSchema,
        contentTypes: ['application/json'],
        downloads: ['text/csv'],
      },
    },
  },
];

/**
 * Public on purpose: it serves only the redacted release, whose cells are built from codes and counts alone
 * (analysis/public-release.ts) and presented through a whitelist. It must stay outside any authentication hook.
 */
export function registerPublicRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/public/incidents', async (request, reply) => {
    const { lang: _lang, ...params } = validate(publicQuery, request.query);
    const result = await vigie.publicRelease(params);
    void reply.header('cache-control', 'no-store');
    if (result.format === 'json') return presentPublicRelease(result.release);
    void reply
      .header('content-type', result.contentType)
      .header('content-disposition', `attachment; filename="${result.fileName}"`);
    return reply.send(result.body);
  });
}
