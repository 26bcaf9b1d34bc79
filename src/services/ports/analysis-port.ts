import type { GroupCounts, RollupFilter, RollupGroup, RollupRecord } from '../../analysis/rollup-cube.ts';
import type { EventFilter } from '../../core/filters.ts';
import type { EventView } from './event-query-port.ts';

/** What counts can be grouped by: the rollup's dimensions, and the grid cells that only `events` holds. */
export type CountDimension = RollupGroup | 'h3r4' | 'h3r5' | 'h3r6' | 'h3r7' | 'priogrid';

export type CountRow = GroupCounts;
export type Measures = Omit<GroupCounts, 'keys'>;

/** Which events by precision of location: coarse ones are kept for admin units but left out of fine maps. */
export type LocationFilter = 'all' | 'precise' | 'coarse';

export interface EventDetail extends EventView {
  dateEnd: string | null;
  countryName: string | null;
  sourceAdmin3: string | null;
  admin3Pcode: string | null;
  disorderType: string | null;
  civilianTargetingFlag: boolean | null;
  violenceType: number | null;
  interaction: number | null;
  inter1: number | null;
  inter2: number | null;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  civilianDeaths: number | null;
  sourceScale: string | null;
  tags: string | null;
  sourceTimestamp: number | null;
  sourceVersion: string | null;
  h3r4: string;
  h3r6: string;
  h3r7: string;
}

export interface EventRevision {
  revisedAt: string;
  changedFields: string[];
  previous: Record<string, unknown>;
}

export interface EventPoint {
  id: number;
  date: string;
  latitude: number;
  longitude: number;
  eventType: string | null;
  fatalities: number;
  civilianHarm: boolean;
  civilianFatalities: number;
  perpetratorCategory: string | null;
  location: string | null;
  source: string;
}

export interface SourceCoverage {
  source: string;
  firstDate: string | null;
  lastDate: string | null;
  events: number;
}

export interface AggregateCoverage {
  source: string;
  measure: string;
  firstMonth: string | null;
  lastMonth: string | null;
  rows: number;
}

/** The read side of the analysts' views: grouped counts, one event, points for the map, coverage. */
export interface AnalysisPort {
  /** Grouped counts over `events` (any filter). */
  countEvents(
    dims: readonly CountDimension[],
    filter: EventFilter,
    location: LocationFilter,
  ): Promise<CountRow[]>;
  /** The same counts from the rollup table, for rollups too large to hold in memory. */
  countRollups(dims: readonly RollupGroup[], filter: RollupFilter): Promise<CountRow[]>;
  /**
   * The rollup's version (bumped by every change) and whether some months await a refresh, in which case
   * answers must come from `events`.
   */
  rollupState(): Promise<{ version: number; pending: boolean }>;
  /** Every rollup row, for a cube in memory; null when there are more than `maxRows`. */
  rollupRecords(maxRows: number): Promise<RollupRecord[] | null>;
  event(id: number): Promise<{ event: EventDetail; revisions: EventRevision[] } | null>;
  /** Precise points, newest first, at most `limit` (one more is read to tell whether the list was cut). */
  points(filter: EventFilter, limit: number): Promise<EventPoint[]>;
  coverage(): Promise<{ sources: SourceCoverage[]; aggregates: AggregateCoverage[] }>;
}
