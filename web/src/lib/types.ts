/** Response shapes of the vigie HTTP API (/api/v1) the web app reads, from the generated schema (lib/api-types.ts). */
import type { ApiQuery, ApiResponse, ApiResponseFor, Item } from './api-types.ts';

export type SourceName = NonNullable<ApiQuery<'/api/v1/events'>['source']>;

export type Stats = ApiResponse<'/api/v1/stats'>;
export type SourceStats = Stats['bySource'][string];

export type EventPage = ApiResponse<'/api/v1/events'>;
export type EventRow = Item<EventPage['events']>;
export type EventActor = Item<EventRow['actors']>;

export type EventDetail = ApiResponse<'/api/v1/events/{id}'>;
export type EventRevision = Item<EventDetail['revisions']>;

/** The four counts a map, chart or table can show (the `measure` parameter of /api/v1/map). */
export type Measure = NonNullable<ApiQuery<'/api/v1/map'>['measure']>;
export type Measures = Pick<Stats, Measure>;

export type Aggregates = ApiResponse<'/api/v1/aggregates'>;
export type AggregatePoint = Item<Aggregates['series']>;

export type MapCells = ApiResponse<'/api/v1/map'>;
export type MapCell = Item<MapCells['cells']>;

export type Boundaries = ApiResponse<'/api/v1/boundaries'>;
export type BoundaryProperties = Item<Boundaries['features']>['properties'];

export type EventPoints = ApiResponse<'/api/v1/events/points'>;
export type PointProperties = Item<EventPoints['features']>['properties'];

export type Bases = ApiResponse<'/api/v1/bases'>;
export type Base = Item<Bases['bases']>;

export type Coverage = ApiResponse<'/api/v1/coverage'>;

/** The import report: 200 when stored, 422 when rejected (the same shape, with the issues). */
export type ImportReport =
  ApiResponse<'/api/v1/imports', 'post'> | ApiResponseFor<'/api/v1/imports', 422, 'post'>;
export type ImportIssue = Item<ImportReport['issues']>;

export type ImportHistory = ApiResponse<'/api/v1/imports'>;
export type ImportRun = Item<ImportHistory['imports']>;

export type { ApiErrorBody } from './api-types.ts';
