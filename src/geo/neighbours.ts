/**
 * Neighbour lists (CSR, src/core/neighbours.ts) for the units hotspot statistics run on:
 *
 * - admin polygons by queen contiguity: two units are neighbours when they share at least one vertex. Vertices are
 *   compared rounded to 1e-6° (~0.1 m): OCHA COD-AB and Natural Earth units are cut from one topology, so
 *   neighbours carry identical vertices along their common border and exact matching is enough — no snapping
 *   distance to tune, and O(vertices) instead of the O(n²) polygon-pair tests of a geometric approach;
 * - PRIO-GRID cells by queen contiguity on the 0.5° grid (the 3 × 3 block around a cell, as spdep's `cell2nb`
 *   with type "queen"), restricted to the cells of the study area;
 * - H3 cells by their k-ring 1 (`gridDisk(cell, 1)`: the six cells sharing an edge), restricted likewise.
 */
import { gridDisk } from 'h3-js';
import { neighboursFromLists, type Neighbours } from '../core/neighbours.ts';
import { bboxOf, ringsOf, type BBox, type PolygonalGeometry } from './geometry.ts';
import type { PlaceIndex } from './place-index.ts';
import { priogridCell, priogridGidsInBBox, PRIOGRID_COLS } from './priogrid.ts';

const VERTEX_SCALE = 1e6;

/** Queen contiguity of polygons: units i and j are neighbours when some vertex of i equals one of j at 1e-6°. */
export function queenContiguity(geometries: readonly PolygonalGeometry[]): Neighbours {
  const firstOwner = new Map<string, number>();
  const links = geometries.map(() => new Set<number>());
  const shared: [string, number][] = [];
  geometries.forEach((geometry, unit) => {
    for (const ring of ringsOf(geometry)) {
      for (const p of ring) {
        const key = `${Math.round((p[0] ?? NaN) * VERTEX_SCALE)},${Math.round((p[1] ?? NaN) * VERTEX_SCALE)}`;
        const owner = firstOwner.get(key);
        if (owner === undefined) firstOwner.set(key, unit);
        else if (owner !== unit) shared.push([key, unit]);
      }
    }
  });
  // A vertex shared by three or more units (a tripoint) links every pair of them, not only each to the first.
  const owners = new Map<string, Set<number>>();
  for (const [key, unit] of shared) {
    let set = owners.get(key);
    if (set === undefined) owners.set(key, (set = new Set([firstOwner.get(key)!])));
    set.add(unit);
  }
  for (const set of owners.values()) {
    for (const a of set) for (const b of set) if (a !== b) links[a]!.add(b);
  }
  return neighboursFromLists(links.map((s) => [...s]));
}

/** Queen contiguity among the given PRIO-GRID cells (gids); cells outside the list are not neighbours. */
export function priogridQueen(gids: readonly number[]): Neighbours {
  const position = new Map<number, number>();
  gids.forEach((g, i) => position.set(g, i));
  const lists = gids.map((gid) => {
    const row = Math.floor((gid - 1) / PRIOGRID_COLS);
    const col = (gid - 1) % PRIOGRID_COLS;
    const out: number[] = [];
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        const c = col + dc;
        // No wrap across the antimeridian: no country vigie serves straddles it.
        if ((dr === 0 && dc === 0) || c < 0 || c >= PRIOGRID_COLS) continue;
        const j = position.get((row + dr) * PRIOGRID_COLS + c + 1);
        if (j !== undefined) out.push(j);
      }
    }
    return out;
  });
  return neighboursFromLists(lists);
}

/** k-ring 1 neighbours among the given H3 cells. */
export function h3Ring(cells: readonly string[]): Neighbours {
  const position = new Map<string, number>();
  cells.forEach((c, i) => position.set(c, i));
  return neighboursFromLists(
    cells.map((cell) =>
      gridDisk(cell, 1)
        .filter((c) => c !== cell)
        .map((c) => position.get(c))
        .filter((j): j is number => j !== undefined),
    ),
  );
}

/** The study area's H3 cells: those given (cells with events) and their k-ring 1, sorted. */
export function h3StudyCells(cells: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const cell of cells) for (const c of gridDisk(cell, 1)) out.add(c);
  return [...out].sort();
}

/**
 * A country's PRIO-GRID cells: every cell whose centre lies inside one of its admin-1 units (the index), sorted by
 * gid. Cells that only clip the border are left out, as PRIO-GRID's own country assignment does by area share.
 */
export function priogridCountryCells(
  regions: PlaceIndex<{ code: string; geometry: PolygonalGeometry }>,
): number[] {
  let bbox: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const place of regions.places) {
    const b = bboxOf(place.geometry);
    bbox = [
      Math.min(bbox[0], b[0]),
      Math.min(bbox[1], b[1]),
      Math.max(bbox[2], b[2]),
      Math.max(bbox[3], b[3]),
    ];
  }
  if (!(bbox[0] <= bbox[2])) return [];
  return priogridGidsInBBox(bbox).filter((gid) => {
    const cell = priogridCell(gid);
    return cell !== null && regions.locateIndex(cell.lat, cell.lon) >= 0;
  });
}
