import { cellToBoundary } from 'h3-js';
import type { EventFilter } from '../core/filters.ts';
import { priogridPolygon } from '../geo/priogrid.ts';
import type { Geography } from './geography.ts';
import { coarseEvents, type CountPath, type GroupedCounts } from './grouped-counts.ts';
import type { Language } from './place-names.ts';
import type { CountDimension, Measures } from './ports/analysis-port.ts';

export const MAP_UNITS = ['admin1', 'admin2', 'h3:4', 'h3:5', 'h3:6', 'h3:7', 'priogrid'] as const;
export type MapUnit = (typeof MAP_UNITS)[number];

export const MAP_MEASURES = ['events', 'fatalities', 'civilianEvents', 'civilianFatalities'] as const;
export type MapMeasure = (typeof MAP_MEASURES)[number];

export interface MapRequest {
  unit: MapUnit;
  measure: MapMeasure;
  filter: EventFilter;
  language: Language;
}

type Polygon = { type: 'Polygon'; coordinates: number[][][] };

export interface MapCell extends Measures {
  code: string;
  name: string;
  /** Grid cells only (H3, PRIO-GRID): admin units join the features of /boundaries by code instead. */
  geometry?: Polygon;
}

export interface MapResult {
  unit: MapUnit;
  measure: MapMeasure;
  /** Boundary set whose codes the cells carry (admin units), null for grids. */
  boundarySet: string | null;
  answeredBy: CountPath;
  /** Cells with at least one event, the measure's largest first. */
  cells: MapCell[];
  /** Events with a coarse location, left out of grid maps (DESIGN §5); always 0 for admin units. */
  excludedCoarse: number;
  /** Events counted but placed in no unit of this kind (outside every polygon, or no admin-2 set loaded). */
  unassigned: number;
}

const GRID: Partial<Record<MapUnit, CountDimension>> = {
  'h3:4': 'h3r4',
  'h3:5': 'h3r5',
  'h3:6': 'h3r6',
  'h3:7': 'h3r7',
  priogrid: 'priogrid',
};

/** The country whose boundaries name admin units when the filter names none: vigie is Mali's tool first. */
export const DEFAULT_COUNTRY = 'MLI';

/**
 * Counts per map unit. Admin units keep coarse locations (an event known to the region still counts for the
 * region) and come from the rollup when the filter allows; grid cells leave coarse locations out and read
 * `events`. Admin-1 cells carry the codes of /boundaries?level=1 for the same country, so they always join.
 */
export async function mapCells(
  deps: { counts: GroupedCounts; geography: Geography },
  req: MapRequest,
): Promise<MapResult> {
  const country = req.filter.country ?? DEFAULT_COUNTRY;
  const grid = GRID[req.unit];
  let dimension: CountDimension;
  let names: Map<string, string>;
  let boundarySet: string | null = null;
  if (grid !== undefined) {
    dimension = grid;
    names = new Map();
  } else {
    const units =
      req.unit === 'admin1'
        ? await deps.geography.admin1Names(country, req.language)
        : await deps.geography.admin2Names(country);
    // Natural Earth codes live in events.admin1; a loaded COD-AB set's codes in the P-code columns.
    dimension = req.unit === 'admin2' ? 'admin2' : units.set === 'ne-admin1' ? 'admin1' : 'admin1Pcode';
    names = units.names;
    boundarySet = units.set === '' ? null : units.set;
  }
  const [{ rows, answeredBy }, excludedCoarse] = await Promise.all([
    deps.counts.count([dimension], req.filter, grid === undefined ? 'all' : 'precise'),
    grid === undefined ? Promise.resolve(0) : coarseEvents(deps.counts, req.filter),
  ]);
  let unassigned = 0;
  const cells: MapCell[] = [];
  for (const r of rows) {
    const code = r.keys[0] ?? null;
    if (code === null) {
      unassigned += r.events;
      continue;
    }
    const { keys: _keys, ...measures } = r;
    const geometry = grid === undefined ? undefined : gridPolygon(req.unit, code);
    cells.push({ code, name: names.get(code) ?? code, ...measures, ...(geometry ? { geometry } : {}) });
  }
  cells.sort((a, b) => b[req.measure] - a[req.measure] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { unit: req.unit, measure: req.measure, boundarySet, answeredBy, cells, excludedCoarse, unassigned };
}

function gridPolygon(unit: MapUnit, code: string): Polygon | undefined {
  if (unit === 'priogrid') return priogridPolygon(Number(code)) ?? undefined;
  const ring = cellToBoundary(code, true).map(([lon, lat]) => [round(lon), round(lat)]);
  return { type: 'Polygon', coordinates: [ring] };
}

const round = (v: number | undefined) => Math.round((v ?? 0) * 1e4) / 1e4;
