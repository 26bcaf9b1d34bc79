import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AGGREGATE_GROUPS, AGGREGATE_PERIODS } from '../../services/aggregates.ts';
import { eventFilterSchema, parseEventFilter } from '../../services/filter-schema.ts';
import { MAP_MEASURES, MAP_UNITS } from '../../services/map-cells.ts';
import type { Vigie } from '../../services/vigie.ts';
import { localeOfRequest } from '../locale.ts';
import {
  aggregatesSchema,
  coverageSchema,
  mapSchema,
  presentAggregates,
  presentCoverage,
  presentMap,
} from '../presenters/analysis.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const aggregatesQuery = eventFilterSchema.extend({
  by: z.enum(AGGREGATE_PERIODS).default('month'),
  group: z.enum(AGGREGATE_GROUPS).optional(),
  lang,
});

const mapQuery = eventFilterSchema.extend({
  unit: z.enum(MAP_UNITS).default('admin1'),
  measure: z.enum(MAP_MEASURES).default('events'),
  lang,
});

const coverageQuery = z.object({ lang });

export const analysisRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/aggregates',
    summary:
      'Events, fatalities and civilian harm by month or year, split by region, perpetrator, type, source or harm; ' +
      'answered from the monthly rollups when the filters fit them (answeredBy says which)',
    tags: ['analysis'],
    query: aggregatesQuery,
    responses: { 200: { description: 'time series', schema: aggregatesSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/map',
    summary:
      'Counts per admin unit (codes as in /api/v1/boundaries) or grid cell (H3, PRIO-GRID, with polygons); ' +
      'grid maps leave coarse locations out and count them in excludedCoarse',
    tags: ['analysis'],
    query: mapQuery,
    responses: { 200: { description: 'cells with at least one event', schema: mapSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/coverage',
    summary: 'Which source covers which dates, so that a gap in the data is not read as a fall in violence',
    tags: ['analysis'],
    query: coverageQuery,
    responses: { 200: { description: 'coverage per source', schema: coverageSchema } },
  },
];

export function registerAnalysisRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/aggregates', async (request) => {
    const { by, group, lang: _lang, ...filterInput } = validate(aggregatesQuery, request.query);
    const filter = parseEventFilter(filterInput, 'VALIDATION_FAILED');
    const language = localeOfRequest(request);
    return presentAggregates(await vigie.aggregates({ by, group: group ?? null, filter, language }));
  });

  app.get('/api/v1/map', async (request) => {
    const { unit, measure, lang: _lang, ...filterInput } = validate(mapQuery, request.query);
    const filter = parseEventFilter(filterInput, 'VALIDATION_FAILED');
    const language = localeOfRequest(request);
    return presentMap(await vigie.mapCells({ unit, measure, filter, language }));
  });

  app.get('/api/v1/coverage', async (request) => {
    validate(coverageQuery, request.query);
    return presentCoverage(await vigie.coverage());
  });
}
