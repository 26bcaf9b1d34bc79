import { ROLLUP_GROUPS, RollupCube, type RollupFilter, type RollupGroup } from '../analysis/rollup-cube.ts';
import type { EventFilter } from '../core/filters.ts';
import type { AnalysisPort, CountDimension, CountRow, LocationFilter } from './ports/analysis-port.ts';
import { planCounts } from './rollup-plan.ts';

/** Which stores answered: the monthly rollup (in memory or in SQL), `events`, or both for different months. */
export type CountPath = 'rollup' | 'events' | 'rollup+events';

export interface GroupedCounts {
  count(
    dims: readonly CountDimension[],
    filter: EventFilter,
    location?: LocationFilter,
  ): Promise<{ rows: CountRow[]; answeredBy: CountPath }>;
  /** Loads the rollup into memory ahead of the first request. */
  warm(): Promise<void>;
}

export interface GroupedCountsOptions {
  /**
   * Largest rollup held in memory as a cube (~70 bytes a row once built). A Mali deployment has 10^3–10^5
   * rollup rows; beyond this the rollup table is queried in SQL instead.
   */
  maxCubeRows?: number;
  /** Tests force a path to compare the answers of each. */
  path?: 'auto' | 'events' | 'rollup-sql';
}

const isRollupGroup = (d: CountDimension): d is RollupGroup =>
  (ROLLUP_GROUPS as readonly string[]).includes(d);

/**
 * Grouped counts, answered by the cheapest store that answers them exactly (rollup-plan.ts says which part):
 *
 * 1. whole months from the rollup, as a cube in memory when it is small enough, else in SQL; only when no month
 *    awaits a refresh. The cube is rebuilt when the rollup's version changes (every import, deletion and
 *    re-assignment bumps it in its own transaction);
 * 2. the partial months at the ends of a day-level period, from `events` (one month's index range each);
 * 3. everything from `events` when the rollup cannot answer: region names, grid cells (H3, PRIO-GRID).
 */
export function groupedCounts(port: AnalysisPort, options: GroupedCountsOptions = {}): GroupedCounts {
  const maxCubeRows = options.maxCubeRows ?? 1_000_000;
  const path = options.path ?? 'auto';
  let cached: { version: number; cube: Promise<RollupCube | null> } | null = null;

  const cubeAt = (version: number): Promise<RollupCube | null> => {
    if (cached?.version !== version) {
      const cube = port
        .rollupRecords(maxCubeRows)
        .then((records) => (records ? RollupCube.build(records) : null));
      // A failed load must not stay cached: the next request tries again.
      cube.catch(() => {
        if (cached?.cube === cube) cached = null;
      });
      // The version is read before the rows, so a cube may be newer than its label, never older: a change
      // committed in between bumps the version again and the next request rebuilds.
      cached = { version, cube };
    }
    return cached.cube;
  };

  const fromRollup = async (groups: RollupGroup[], filter: RollupFilter): Promise<CountRow[] | null> => {
    const state = await port.rollupState();
    if (state.pending) return null;
    const cube = path === 'rollup-sql' ? null : await cubeAt(state.version);
    return cube ? cube.count(groups, filter) : port.countRollups(groups, filter);
  };

  return {
    async count(dims, filter, location = 'all') {
      const groups = dims.filter(isRollupGroup);
      const plan = path === 'events' || groups.length !== dims.length ? null : planCounts(filter);
      if (plan !== null && (plan.rollup !== null || plan.events.length > 0)) {
        const rollupRows =
          plan.rollup === null
            ? []
            : await fromRollup(groups, location === 'all' ? plan.rollup : { ...plan.rollup, location });
        if (rollupRows !== null) {
          const pieces = await Promise.all(plan.events.map((f) => port.countEvents(dims, f, location)));
          const answeredBy: CountPath =
            plan.events.length === 0 ? 'rollup' : plan.rollup === null ? 'events' : 'rollup+events';
          return { rows: pieces.length === 0 ? rollupRows : merge([rollupRows, ...pieces]), answeredBy };
        }
      }
      return { rows: await port.countEvents(dims, filter, location), answeredBy: 'events' };
    },
    async warm() {
      const state = await port.rollupState();
      if (!state.pending && path === 'auto') await cubeAt(state.version);
    },
  };
}

/** Events matching the filter whose location is too coarse for fine-grained maps (DESIGN §5). */
export async function coarseEvents(counts: GroupedCounts, filter: EventFilter): Promise<number> {
  const { rows } = await counts.count([], filter, 'coarse');
  return rows.reduce((n, r) => n + r.events, 0);
}

/** Sums rows with the same keys: the parts of a plan count disjoint periods. */
function merge(parts: readonly CountRow[][]): CountRow[] {
  const byKey = new Map<string, CountRow>();
  for (const rows of parts) {
    for (const r of rows) {
      const id = JSON.stringify(r.keys);
      const into = byKey.get(id);
      if (into === undefined) byKey.set(id, { ...r });
      else {
        into.events += r.events;
        into.fatalities += r.fatalities;
        into.civilianEvents += r.civilianEvents;
        into.civilianFatalities += r.civilianFatalities;
      }
    }
  }
  return [...byKey.values()];
}
