import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { eventFilterSchema, parseEventFilter } from '../../services/filter-schema.ts';
import type { Vigie } from '../../services/vigie.ts';
import {
  eventDetailSchema,
  eventPointsSchema,
  presentEventDetail,
  presentEventPoints,
} from '../presenters/event-detail.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const pointsQuery = eventFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(20_000).default(5000),
  lang,
});

const detailParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
const detailQuery = z.object({ lang });

export const eventDetailRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/events/points',
    summary:
      'Precisely located events matching the filters as GeoJSON points, newest first (coarse locations left ' +
      'out and counted in excludedCoarse; truncated when more matched than limit)',
    tags: ['events'],
    query: pointsQuery,
    responses: { 200: { description: 'a FeatureCollection of points', schema: eventPointsSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/events/:id',
    summary: 'One event with every field vigie keeps, and its revisions (newest first)',
    tags: ['events'],
    params: detailParams,
    query: detailQuery,
    responses: { 200: { description: 'the event', schema: eventDetailSchema } },
  },
];

export function registerEventDetailRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/events/points', async (request) => {
    const { limit, lang: _lang, ...filterInput } = validate(pointsQuery, request.query);
    const filter = parseEventFilter(filterInput, 'VALIDATION_FAILED');
    return presentEventPoints(await vigie.eventPoints(filter, limit));
  });

  app.get('/api/v1/events/:id', async (request) => {
    const { id } = validate(detailParams, request.params);
    validate(detailQuery, request.query);
    return presentEventDetail(await vigie.event(id));
  });
}
