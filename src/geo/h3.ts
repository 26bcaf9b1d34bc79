/**
 * H3 cells for events (resolutions 4–7, from ~1,770 km² down to ~5 km² per cell) and the cell sets that turn a
 * radius query into an indexed `IN (…)` on any database: prefilter by cells, then keep the rows whose exact
 * haversine distance is within the radius.
 */
import {
  getHexagonEdgeLengthAvg,
  gridDisk,
  latLngToCell,
  originToDirectedEdges,
  edgeLength,
  cellToLatLng,
} from 'h3-js';
import { haversineKm } from './distance.ts';

export { haversineKm } from './distance.ts';

export const H3_RESOLUTIONS = [4, 5, 6, 7] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];

export interface H3Cells {
  h3r4: string;
  h3r5: string;
  h3r6: string;
  h3r7: string;
}

export function h3Cell(lat: number, lon: number, res: number): string {
  return latLngToCell(lat, lon, res);
}

/**
 * Parent of an H3 cell at a coarser resolution, computed on the index's hex string. h3-js crosses into its
 * compiled core for every call (~1 µs each); for an import of 10^6 events the three parents of each res-7 cell
 * cost more than everything else in the geo step, and the bit layout makes them trivial:
 * a cell index is 15 hex digits (60 bits) = mode and reserved bits, the resolution in bits 52–55, the base cell,
 * then fifteen 3-bit digits with unused ones set to 7. The parent at resolution r has r in the resolution field and
 * every digit after the r-th set to 7. Valid for cells (mode 1) only, which is all this module makes.
 */
export function cellParent(cell: string, res: number): string {
  let hi = parseInt(cell.slice(0, cell.length - 8), 16); // bits 32..59
  let lo = parseInt(cell.slice(-8), 16); // bits 0..31
  const unusedBits = (15 - res) * 3;
  if (unusedBits >= 32) {
    lo = 0xffffffff;
    hi |= (1 << (unusedBits - 32)) - 1;
  } else {
    lo = (lo | ((1 << unusedBits) - 1)) >>> 0;
  }
  hi = (hi & ~(0xf << 20)) | (res << 20);
  return hi.toString(16) + lo.toString(16).padStart(8, '0');
}

/** The four cells stored with every event (EventPlacement.h3r4…h3r7): one h3-js call, three string parents. */
export function h3Cells(lat: number, lon: number): H3Cells {
  const h3r7 = latLngToCell(lat, lon, 7);
  return { h3r4: cellParent(h3r7, 4), h3r5: cellParent(h3r7, 5), h3r6: cellParent(h3r7, 6), h3r7 };
}

/**
 * Every cell of resolution `res` that may contain a point within `km` of (lat, lon) — a superset, never missing
 * one. Cells on the far side of the disk whose centre is farther than km + one cell radius are dropped.
 *
 * Ring count: the k-th ring of a hexagonal grid lies at least 1.5·k·e from the origin cell's centre (e = edge
 * length; neighbouring centres are √3·e apart and a ring's sides are its flattest part), so k = ⌈(km + e)/(1.5·e)⌉
 * rings reach past the radius even for a point at the edge of the origin cell. H3 cells vary in size by about 2×
 * across the globe, so e is the shortest edge of the origin cell, reduced by 10 % for the change over the disk.
 */
export function cellsWithinKm(lat: number, lon: number, km: number, res: number): string[] {
  const origin = latLngToCell(lat, lon, res);
  if (!(km > 0)) return [origin];
  const localEdge = Math.min(...originToDirectedEdges(origin).map((e) => edgeLength(e, 'km')));
  const e = 0.9 * localEdge;
  const k = Math.ceil((km + e) / (1.5 * e));
  // Past a few thousand cells a coarser resolution is the right tool; refuse rather than allocate millions.
  if (k > 1000) throw new RangeError(`cellsWithinKm: ${km} km at resolution ${res} needs ${k} rings`);
  // A cell's circumradius equals its edge length; the largest edges are ~2× the average at this resolution.
  const reach = km + 2 * Math.max(localEdge, getHexagonEdgeLengthAvg(res, 'km'));
  return gridDisk(origin, k).filter((c) => {
    const [clat, clon] = cellToLatLng(c);
    return haversineKm(lat, lon, clat, clon) <= reach;
  });
}
