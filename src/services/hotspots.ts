/**
 * Hotspots (Getis–Ord Gi*) of events or civilian harm per admin unit or grid cell over a period.
 *
 * Gi* needs the zeros: a unit without events is evidence of a cold spot, and leaving it out would shrink n and
 * inflate every z. So the study area is a fixed set of units, counted or not:
 * - admin2: every unit of the country's active COD-AB admin-2 set (none loaded → NOT_FOUND);
 * - admin1: the loaded COD-AB admin-1 set, else the country's Natural Earth regions;
 * - priogrid: every cell whose centre lies in the country (Natural Earth regions), plus any cell holding events
 *   (border cells whose centre is across the border), so no counted event is dropped;
 * - h3:N: the cells with events plus their k-ring 1 — the whole country at resolution 7 would be ~240,000 cells
 *   of zeros, and the ring is what lets a lone cell with events show up against its empty surroundings.
 * Neighbours: queen contiguity for polygons and PRIO-GRID, k-ring 1 for H3 (src/geo/neighbours.ts). Grid cells
 * leave coarse locations out, as the map does (DESIGN §5).
 */
import { giStar, type HotspotClass } from '../analysis/gi-star.ts';
import type { Neighbours } from '../core/neighbours.ts';
import { admin1Index } from '../geo/admin1.ts';
import { VigieError } from '../core/errors.ts';
import {
  h3Ring,
  h3StudyCells,
  priogridCountryCells,
  priogridQueen,
  queenContiguity,
} from '../geo/neighbours.ts';
import type { Geography } from './geography.ts';
import type { GroupedCounts } from './grouped-counts.ts';
import { DEFAULT_COUNTRY } from './map-cells.ts';
import { parseEventFilter } from './filter-schema.ts';
import type { Language } from './place-names.ts';
import type { CountDimension, CountRow } from './ports/analysis-port.ts';

/** Re-exported so the edges name the classes without reaching into src/analysis. */
export { HOTSPOT_CLASSES } from '../analysis/gi-star.ts';

export const HOTSPOT_UNITS = ['admin1', 'admin2', 'priogrid', 'h3:4', 'h3:5', 'h3:6', 'h3:7'] as const;
export type HotspotUnit = (typeof HOTSPOT_UNITS)[number];

export const HOTSPOT_MEASURES = ['events', 'civilian-events', 'civilian-fatalities'] as const;
export type HotspotMeasure = (typeof HOTSPOT_MEASURES)[number];

/** What a monthly series can count: a hotspot measure, or all fatalities (forecasts of political violence). */
export type CountMeasure = HotspotMeasure | 'fatalities';

const MEASURE_FIELD = {
  events: 'events',
  'civilian-events': 'civilianEvents',
  'civilian-fatalities': 'civilianFatalities',
  fatalities: 'fatalities',
} as const satisfies Record<CountMeasure, keyof Omit<CountRow, 'keys'>>;

export interface HotspotRequest {
  unit: HotspotUnit;
  measure: HotspotMeasure;
  /** YYYY-MM, inclusive. */
  from: string;
  to: string;
  permutations: number;
  seed: number;
  country?: string;
  language: Language;
}

export interface HotspotCell {
  code: string;
  name: string;
  value: number;
  z: number;
  p: number;
  pFdr: number;
  class: HotspotClass;
}

export interface HotspotResult {
  unit: HotspotUnit;
  measure: HotspotMeasure;
  from: string;
  to: string;
  country: string;
  permutations: number;
  seed: number;
  /** Every unit of the study area, the highest z first. */
  cells: HotspotCell[];
}

export interface StudyArea {
  codes: string[];
  names: string[];
  neighbours: Neighbours;
}

interface StudySetup {
  dimension: CountDimension;
  location: 'all' | 'precise';
  area: (counted: string[]) => StudyArea;
}

/** The count dimension and the study area of a unit (see the header for why every unit is counted). */
async function studySetup(
  geography: Geography,
  unit: HotspotUnit,
  country: string,
  language: Language,
): Promise<StudySetup> {
  if (unit === 'admin1' || unit === 'admin2') {
    const shapes = await geography.unitShapes(unit === 'admin1' ? 1 : 2, country, language);
    if (shapes.units.length === 0) throw new VigieError('NOT_FOUND', { what: `${unit} boundaries` });
    const fixed: StudyArea = {
      codes: shapes.units.map((u) => u.code),
      names: shapes.units.map((u) => u.name),
      neighbours: queenContiguity(shapes.units.map((u) => u.geometry)),
    };
    // Natural Earth codes live in events.admin1; a loaded COD-AB set's codes in the P-code columns.
    const dimension = unit === 'admin2' ? 'admin2' : shapes.set === 'ne-admin1' ? 'admin1' : 'admin1Pcode';
    return { dimension, location: 'all', area: () => fixed };
  }
  if (unit === 'priogrid') {
    const regions = admin1Index(country);
    const base = regions ? priogridCountryCells(regions) : [];
    const area = (counted: string[]) => {
      const gids = [...new Set([...base, ...counted.map(Number)])].sort((a, b) => a - b);
      const codes = gids.map(String);
      return { codes, names: codes, neighbours: priogridQueen(gids) };
    };
    return { dimension: 'priogrid', location: 'precise', area };
  }
  const area = (counted: string[]) => {
    const codes = h3StudyCells(counted);
    return { codes, names: codes, neighbours: h3Ring(codes) };
  };
  return { dimension: `h3r${unit.slice(3)}` as CountDimension, location: 'precise', area };
}

export interface StepCounts extends StudyArea {
  /** The months counted, in order, and the value per unit code and month (absent = 0). */
  months: string[];
  valueOf: (code: string, month: string) => number;
}

/** Counts of a measure per unit of the study area and per month of [from, to], for space-time statistics. */
export async function monthlyUnitCounts(
  deps: { counts: GroupedCounts; geography: Geography },
  req: {
    unit: HotspotUnit;
    measure: CountMeasure;
    from: string;
    to: string;
    country: string;
    language: Language;
  },
): Promise<StepCounts> {
  const filter = parseEventFilter({ country: req.country, from: req.from, to: req.to }, 'BAD_USAGE');
  const setup = await studySetup(deps.geography, req.unit, req.country, req.language);
  const { rows } = await deps.counts.count([setup.dimension, 'month'], filter, setup.location);
  const field = MEASURE_FIELD[req.measure];
  const values = new Map<string, number>();
  const counted = new Set<string>();
  for (const r of rows) {
    const [code, month] = r.keys;
    if (code === null || code === undefined || month === null || month === undefined) continue;
    counted.add(code);
    values.set(`${code}|${month}`, (values.get(`${code}|${month}`) ?? 0) + r[field]);
  }
  const months: string[] = [];
  for (let m = req.from; m <= req.to; m = nextMonth(m)) months.push(m);
  const area = setup.area([...counted]);
  return { ...area, months, valueOf: (code, month) => values.get(`${code}|${month}`) ?? 0 };
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

export async function hotspots(
  deps: { counts: GroupedCounts; geography: Geography },
  req: HotspotRequest,
): Promise<HotspotResult> {
  const country = req.country ?? DEFAULT_COUNTRY;
  const filter = parseEventFilter({ country, from: req.from, to: req.to }, 'BAD_USAGE');
  const setup = await studySetup(deps.geography, req.unit, country, req.language);
  const { rows } = await deps.counts.count([setup.dimension], filter, setup.location);
  const field = MEASURE_FIELD[req.measure];
  const valueOf = new Map<string, number>();
  for (const r of rows) {
    const code = r.keys[0];
    if (code !== null && code !== undefined) valueOf.set(code, r[field]);
  }
  const { codes, names, neighbours } = setup.area([...valueOf.keys()]);
  const x = Float64Array.from(codes, (c) => valueOf.get(c) ?? 0);
  const stats = giStar(x, neighbours, { permutations: req.permutations, seed: req.seed });
  const cells: HotspotCell[] = codes.map((code, i) => ({
    code,
    name: names[i] ?? code,
    value: x[i] ?? 0,
    z: stats.z[i] ?? 0,
    p: stats.p[i] ?? 1,
    pFdr: stats.pFdr[i] ?? 1,
    class: stats.classes[i] ?? 'not-significant',
  }));
  cells.sort((a, b) => b.z - a.z || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const { unit, measure, from, to, permutations, seed } = req;
  return { unit, measure, from, to, country, permutations, seed, cells };
}
