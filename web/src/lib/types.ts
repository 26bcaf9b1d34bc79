/** Response shapes of the vigie HTTP API (/api/v1), as the web app reads them. */
import type { FeatureCollection, Geometry, Point, Polygon } from 'geojson';

export type SourceName = 'acled' | 'ucdp';

export interface SourceStats {
  events: number;
  fatalities: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface Stats {
  events: number;
  fatalities: number;
  civilianEvents: number;
  civilianFatalities: number;
  firstDate: string | null;
  lastDate: string | null;
  bySource: Record<string, SourceStats>;
  unassigned: { admin1: number; admin2: number; coarseLocation: number };
}

export interface EventActor {
  name: string;
  role: string;
  inter: number | null;
}

export interface EventRow {
  id: number;
  source: string;
  sourceId: string;
  date: string;
  datePrecision: string;
  country: string | null;
  admin1: string | null;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  sourceAdmin1: string | null;
  sourceAdmin2: string | null;
  location: string | null;
  latitude: number;
  longitude: number;
  geoPrecision: number | null;
  coarseLocation: boolean;
  eventType: string | null;
  subEventType: string | null;
  sourceEventType: string | null;
  actor1: string | null;
  actor2: string | null;
  actors: EventActor[];
  fatalities: number;
  civilianHarm: boolean;
  civilianFatalities: number;
  harmCategory: string | null;
  perpetratorCategory: string | null;
  h3r5: string;
  priogrid: number;
  notes: string | null;
  sources: string | null;
}

export interface EventPage {
  events: EventRow[];
  nextCursor: string | null;
}

export interface EventRevision {
  revisedAt: string;
  changedFields: string[];
  previous: Record<string, unknown>;
}

export interface EventDetail {
  event: EventRow & {
    sourceScale?: string | null;
    tags?: string | null;
    disorderType?: string | null;
    interaction?: number | null;
  };
  revisions: EventRevision[];
}

export interface Measures {
  events: number;
  fatalities: number;
  civilianEvents: number;
  civilianFatalities: number;
}
export type Measure = keyof Measures;

export interface AggregatePoint extends Measures {
  period: string;
  key: string | null;
}

export interface Aggregates {
  by: 'month' | 'year';
  group: string;
  series: AggregatePoint[];
  keys: { key: string | null; label: string }[];
}

export interface MapCell extends Measures {
  code: string;
  name: string | null;
  /** Grid cells (H3, PRIO-GRID) may come with their polygon. */
  geometry?: Polygon;
}

export interface MapCells {
  unit: string;
  cells: MapCell[];
  excludedCoarse: number;
}

export interface BoundaryProperties {
  code: string;
  name: string;
  level: number;
  set: string;
  parentCode: string | null;
}

export type Boundaries = FeatureCollection<Geometry, BoundaryProperties>;

export interface PointProperties {
  id: number;
  date: string;
  eventType: string | null;
  fatalities: number;
  civilianFatalities: number;
  perpetratorCategory: string | null;
  location: string | null;
}

export type EventPoints = FeatureCollection<Point, PointProperties> & {
  excludedCoarse: number;
  truncated: boolean;
};

export interface Base {
  name: string;
  latitude: number;
  longitude: number;
  siteType: string | null;
  openedOn: string | null;
  closedOn: string | null;
  dateQuality: string | null;
  sources: string | null;
  notes: string | null;
  admin1Text: string | null;
}

export interface Coverage {
  sources: { source: string; firstDate: string | null; lastDate: string | null; events: number }[];
  aggregates: {
    source: string;
    measure: string;
    firstMonth: string | null;
    lastMonth: string | null;
    rows: number;
  }[];
}

export interface ImportIssue {
  row: number;
  column: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  runId: number | null;
  source: string;
  file: string;
  layout: string | null;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
  stored: boolean;
  issues: ImportIssue[];
  issuesTotal: number;
  warnings: ImportIssue[];
}

export interface ImportRun {
  id: number;
  kind: string;
  source: string;
  fileName: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  deleted: number;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
