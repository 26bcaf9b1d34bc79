import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { contentTypeOf, EXPORT_FORMATS, exportEvents } from '../../services/export/event-export.ts';
import { eventFilterSchema, parseEventFilter } from '../../services/filter-schema.ts';
import { EVENT_SORTS } from '../../services/ports/event-query-port.ts';
import type { Vigie } from '../../services/vigie.ts';
import type { RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';
import { eventPageSchema, presentEvent, presentStats, statsSchema } from '../presenters/events.ts';

const pageQuery = eventFilterSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  sort: z.enum(EVENT_SORTS).default('id'),
  format: z.enum(EXPORT_FORMATS).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});

const statsQuery = eventFilterSchema.extend({ lang: z.enum(['fr', 'en']).optional() });

export const eventRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/events',
    summary:
      'Events matching the shared filters: a page of JSON, or the whole set as CSV, GeoJSON or HXL CSV (format=…)',
    tags: ['events'],
    query: pageQuery,
    responses: {
      200: {
        description:
          'a page of events, or with format=… the whole set as a streamed download (format=json: an ' +
          'application/json download, not a page)',
        schema: eventPageSchema,
        contentTypes: ['application/json'],
        downloads: ['text/csv', 'application/geo+json'],
      },
    },
  },
  {
    method: 'get',
    path: '/api/v1/stats',
    summary: 'Counts, fatalities, civilian harm, date range, per source and unassigned places',
    tags: ['events'],
    query: statsQuery,
    responses: { 200: { description: 'statistics', schema: statsSchema } },
  },
];

export function registerEventRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/events', async (request, reply) => {
    const { cursor, limit, sort, format, lang: _lang, ...filterInput } = validate(pageQuery, request.query);
    const filter = parseEventFilter(filterInput, 'VALIDATION_FAILED');
    if (format !== undefined) {
      const extension = format === 'hxl' ? 'hxl.csv' : format;
      void reply
        .header('content-type', contentTypeOf(format))
        .header('content-disposition', `attachment; filename="vigie-events.${extension}"`);
      return reply.send(Readable.from(exportEvents(vigie.eventsStream(filter), format)));
    }
    const page = await vigie.eventsPage(filter, cursor ?? null, limit, sort);
    return { events: page.events.map(presentEvent), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/stats', async (request) => {
    const { lang: _lang, ...filterInput } = validate(statsQuery, request.query);
    return presentStats(await vigie.stats(parseEventFilter(filterInput, 'VALIDATION_FAILED')));
  });
}
