/**
 * Monthly series per admin-2 unit, shared by the drawdown estimate and the open-presence ranking: the loaded
 * COD-AB admin-2 units keyed by their 2017 code (Ménaka's four 2021 cercles merge into ML0704, so 2021 HDX
 * aggregates and a 2017 set line up), and tables of a value per unit and month from the HDX monthly aggregates
 * or from stored events.
 */
import type { EventFilter } from '../core/filters.ts';
import { compileShape, type CompiledShape, type PolygonalGeometry } from '../geo/geometry.ts';
import { normalisePcode2021To2017 } from '../geo/mali-crosswalk.ts';
import type { GroupedCounts } from './grouped-counts.ts';
import type { StoredPlace } from './ports/reference-port.ts';

export interface Admin2Unit {
  code: string;
  name: string;
  country: string | null;
  shapes: CompiledShape[];
  /** The unit's polygons as one geometry (a MultiPolygon when 2021 cercles were merged), for contiguity. */
  geometry: PolygonalGeometry;
}

/** Value per month per unit, codes in 2017 terms, and the months the table covers. */
export interface MonthTable {
  values: Map<string, Map<string, number>>;
  first: string | null;
  last: string | null;
}

/** Loaded admin-2 units keyed by their 2017 code: 2021 Ménaka cercles merge into ML0704. */
export function admin2UnitsOf(places: readonly StoredPlace[]): Admin2Unit[] {
  const byCode = new Map<string, Admin2Unit & { polygons: number[][][][] }>();
  for (const p of places) {
    const code = normalisePcode2021To2017(p.code) ?? p.code;
    let unit = byCode.get(code);
    if (unit === undefined) {
      unit = {
        code,
        name: code === p.code ? p.name : 'Ménaka',
        country: p.iso3,
        shapes: [],
        polygons: [],
        geometry: p.geometry as PolygonalGeometry,
      };
      byCode.set(code, unit);
    }
    const geometry = p.geometry as PolygonalGeometry;
    unit.shapes.push(compileShape(geometry));
    if (geometry.type === 'Polygon') unit.polygons.push(geometry.coordinates);
    else unit.polygons.push(...geometry.coordinates);
  }
  return [...byCode.values()].map(({ polygons, ...u }) => ({
    ...u,
    geometry: u.shapes.length > 1 ? { type: 'MultiPolygon', coordinates: polygons } : u.geometry,
  }));
}

export function spans(table: MonthTable, first: string, last: string): boolean {
  return table.first !== null && table.first <= first && table.last !== null && table.last >= last;
}

export function monthTableOf(rows: Iterable<{ code: string; month: string; value: number }>): MonthTable {
  const values = new Map<string, Map<string, number>>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    const code = normalisePcode2021To2017(r.code) ?? r.code;
    let perMonth = values.get(code);
    if (perMonth === undefined) values.set(code, (perMonth = new Map<string, number>()));
    perMonth.set(r.month, (perMonth.get(r.month) ?? 0) + r.value);
    if (first === null || r.month < first) first = r.month;
    if (last === null || r.month > last) last = r.month;
  }
  return { values, first, last };
}

/** Stored events counted by admin-2 unit and month (all sources, or those the filter keeps). */
export async function eventMonthTable(
  counts: GroupedCounts,
  measure: 'events' | 'fatalities',
  filter: EventFilter = {},
): Promise<MonthTable> {
  const { rows } = await counts.count(['admin2', 'month'], filter);
  return monthTableOf(
    rows.flatMap((r) => {
      const [code, month] = r.keys;
      if (code === null || code === undefined || month === null || month === undefined) return [];
      return [{ code, month, value: measure === 'events' ? r.events : r.fatalities }];
    }),
  );
}
