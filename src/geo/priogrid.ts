/**
 * PRIO-GRID: the 0.5° × 0.5° global grid (360 rows × 720 columns) that conflict research and forecasting (ViEWS,
 * UCDP GED's `priogrid_gid`) aggregate on. Numbering starts at the south-west corner: gid 1 is the cell whose
 * centroid is (−89.75, −179.75), numbers run east along a row, then north; gid 259,200 is the north-east corner.
 *
 *   row = ⌊(lat + 90) / 0.5⌋, col = ⌊(lon + 180) / 0.5⌋ (both from 0), gid = row · 720 + col + 1.
 *
 * PRIO-GRID's own `row` and `col` columns count from 1; `priogridCell` reports them that way. The same convention is
 * in PRIO's R package (prio-data/priogrid `create_pg_indices`: bottom-left 1, top-right ncol·nrow) and in ViEWS'
 * priogridtools (`pg_priogrid(lat, lon) = (pg_row(lat) − 1)·720 + pg_col(lon)`).
 */
import type { BBox } from './geometry.ts';

export const PRIOGRID_SIZE = 0.5;
export const PRIOGRID_ROWS = 360;
export const PRIOGRID_COLS = 720;
export const PRIOGRID_MAX_GID = PRIOGRID_ROWS * PRIOGRID_COLS;

/**
 * The gid of the cell containing (lat, lon), or null for coordinates that are not numbers or out of range. A point
 * on a cell edge belongs to the cell north/east of it, except on the grid's own north and east edges (lat 90,
 * lon 180), which belong to the last row/column rather than to a row that does not exist.
 */
export function priogridGid(lat: number, lon: number): number | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
    return null;
  const row = Math.min(PRIOGRID_ROWS - 1, Math.floor((lat + 90) / PRIOGRID_SIZE));
  const col = Math.min(PRIOGRID_COLS - 1, Math.floor((lon + 180) / PRIOGRID_SIZE));
  return row * PRIOGRID_COLS + col + 1;
}

export interface PriogridCell {
  gid: number;
  /** 1-based, as in PRIO-GRID's tables (row 1 is the southernmost). */
  row: number;
  col: number;
  /** Centroid, PRIO-GRID's `ycoord` / `xcoord`. */
  lat: number;
  lon: number;
  bbox: BBox;
}

/** The cell of a gid, or null when the gid is not an integer in 1..259200. */
export function priogridCell(gid: number): PriogridCell | null {
  if (!Number.isInteger(gid) || gid < 1 || gid > PRIOGRID_MAX_GID) return null;
  const row0 = Math.floor((gid - 1) / PRIOGRID_COLS);
  const col0 = (gid - 1) % PRIOGRID_COLS;
  const south = -90 + row0 * PRIOGRID_SIZE;
  const west = -180 + col0 * PRIOGRID_SIZE;
  return {
    gid,
    row: row0 + 1,
    col: col0 + 1,
    lat: south + PRIOGRID_SIZE / 2,
    lon: west + PRIOGRID_SIZE / 2,
    bbox: [west, south, west + PRIOGRID_SIZE, south + PRIOGRID_SIZE],
  };
}

/** The cell as a closed GeoJSON polygon (counter-clockwise), for maps of gridded counts. */
export function priogridPolygon(gid: number): { type: 'Polygon'; coordinates: number[][][] } | null {
  const cell = priogridCell(gid);
  if (!cell) return null;
  const [w, s, e, n] = cell.bbox;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/** Gids of the cells overlapping a box (e.g. a country's bbox), for building a country's full grid. */
export function priogridGidsInBBox(bbox: BBox): number[] {
  const clamp = (v: number, lim: number): number => Math.max(-lim, Math.min(lim, v));
  const [w, s, e, n] = bbox;
  const first = priogridCell(priogridGid(clamp(s, 90), clamp(w, 180)) ?? 1)!;
  const last = priogridCell(priogridGid(clamp(n, 90), clamp(e, 180)) ?? PRIOGRID_MAX_GID)!;
  const out: number[] = [];
  for (let r = first.row; r <= last.row; r++) {
    for (let c = first.col; c <= last.col; c++) out.push((r - 1) * PRIOGRID_COLS + c);
  }
  return out;
}
