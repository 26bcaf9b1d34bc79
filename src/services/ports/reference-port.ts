import type { RowIssue } from '../../core/issues.ts';
import type { MonthlyAggregate, ProtectionBase } from '../../importers/types.ts';

/** A boundary unit as stored: the geo module's Place without its computed bbox. */
export interface StoredPlace {
  set: string;
  level: number;
  code: string;
  name: string;
  parentCode: string | null;
  iso3: string | null;
  bbox: [number, number, number, number];
  geometry: unknown;
}

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Outcome bookkeeping shared by the reference-data imports. */
export interface RunSummary {
  kind: string;
  source: string;
  fileName: string;
  fileSha256: string | null;
  layout: string | null;
  startedAt: string;
  finishedAt: string;
  rowsRead: number;
  rejected: number;
  issues: RowIssue[];
}

/** Boundary sets, bases and monthly aggregates: small tables written whole, each import in one transaction. */
export interface ReferencePort {
  replaceBoundaryLevel(
    set: { name: string; description: string | null; source: string | null; importedAt: string },
    level: number,
    places: readonly StoredPlace[],
    run: RunSummary,
  ): Promise<{ runId: number; counts: WriteCounts }>;
  /** The places of the most recently imported set of each level (the ones events are assigned to). */
  activePlaces(level: number): Promise<StoredPlace[]>;
  boundarySets(): Promise<Array<{ name: string; levels: number[]; places: number; importedAt: string }>>;
  upsertBases(
    bases: readonly ProtectionBase[],
    origin: string,
    run: RunSummary | null,
  ): Promise<{ runId: number | null; counts: WriteCounts }>;
  listBases(): Promise<ProtectionBase[]>;
  upsertAggregates(
    rows: readonly MonthlyAggregate[],
    run: RunSummary,
  ): Promise<{ runId: number; counts: WriteCounts }>;
  /** Monthly admin-2 rows of one measure, as imported (codes in the file's own vintage). */
  monthlyAggregates(
    measure: string,
  ): Promise<
    Array<{ country: string; admin2Pcode: string; month: string; events: number; fatalities: number | null }>
  >;
  recordRun(summary: RunSummary, status: 'rejected' | 'failed'): Promise<number>;
}

/** Re-assigning stored events after a boundary set changes. */
export interface EventPlacementPort {
  locations(
    afterId: number,
    limit: number,
  ): Promise<Array<{ id: number; latitude: number; longitude: number; country: string | null }>>;
  updatePlacements(
    rows: ReadonlyArray<{
      id: number;
      admin1: string | null;
      admin1Pcode: string | null;
      admin2Pcode: string | null;
      admin3Pcode: string | null;
    }>,
  ): Promise<void>;
  /**
   * Brings the rollups of every month `updatePlacements` changed up to date, in one transaction. Until then those
   * months are marked pending (in the same transactions as the updates), and aggregate queries read `events`.
   */
  refreshRollups(): Promise<void>;
}
