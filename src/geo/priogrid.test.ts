import { describe, expect, it } from 'vitest';
import {
  PRIOGRID_MAX_GID,
  priogridCell,
  priogridGid,
  priogridGidsInBBox,
  priogridPolygon,
} from './priogrid.ts';
import { seededRandom } from './test-support.ts';

describe('PRIO-GRID', () => {
  it('numbers from the south-west corner, east then north', () => {
    expect(priogridGid(-89.75, -179.75)).toBe(1);
    expect(priogridCell(1)).toMatchObject({
      row: 1,
      col: 1,
      lat: -89.75,
      lon: -179.75,
      bbox: [-180, -90, -179.5, -89.5],
    });
    expect(priogridGid(-89.75, -179.25)).toBe(2); // next cell east
    expect(priogridGid(-89.25, -179.75)).toBe(721); // next row north
    expect(priogridGid(89.75, 179.75)).toBe(PRIOGRID_MAX_GID);
    expect(priogridCell(259200)).toMatchObject({ row: 360, col: 720, lat: 89.75, lon: 179.75 });
  });

  it('matches the documented examples', () => {
    // ViEWS priogridtools' example pg_priogrid(27.1, 11.2): row (90+27)·2+1 = 235, col (180+11)·2+1 = 383,
    // gid = 234·720 + 383 = 168863.
    expect(priogridGid(27.1, 11.2)).toBe(168863);
    expect(priogridCell(168863)).toMatchObject({ row: 235, col: 383 });
    // gid 127858 is used in a published UCDP GED analysis of 2009 attacks on civilians in eastern DR Congo
    // (HRW "You Will Be Punished"): its centroid (−1.25, 28.75) lies in North Kivu.
    expect(priogridCell(127858)).toMatchObject({ lat: -1.25, lon: 28.75 });
  });

  it('places Bamako', () => {
    // Bamako (12.65, −8.0): row0 = ⌊102.65 / 0.5⌋ = 205, col0 = ⌊172 / 0.5⌋ = 344 → 205·720 + 344 + 1 = 147945.
    // Lon −8.0 is exactly a cell edge; edges belong to the cell to the east, so the centroid is (12.75, −7.75).
    expect(priogridGid(12.65, -8.0)).toBe(147945);
    expect(priogridCell(147945)).toMatchObject({ lat: 12.75, lon: -7.75, bbox: [-8, 12.5, -7.5, 13] });
    expect(priogridGid(12.65, -8.0001)).toBe(147944);
  });

  it('handles the grid edges and bad input', () => {
    expect(priogridGid(90, 0)).toBe(priogridGid(89.9, 0)); // the north pole belongs to the last row
    expect(priogridGid(0, 180)).toBe(priogridGid(0, 179.9)); // the antimeridian, east side, to the last column
    expect(priogridGid(0, -180)).toBe(priogridGid(0, -179.9));
    expect(priogridGid(-90, -180)).toBe(1);
    expect(priogridGid(90, 180)).toBe(PRIOGRID_MAX_GID);
    expect(priogridGid(90.01, 0)).toBeNull();
    expect(priogridGid(0, -180.5)).toBeNull();
    expect(priogridGid(Number.NaN, 0)).toBeNull();
    expect(priogridCell(0)).toBeNull();
    expect(priogridCell(259201)).toBeNull();
    expect(priogridCell(1.5)).toBeNull();
  });

  it('round-trips: a point lies in the cell of its gid', () => {
    const rnd = seededRandom(11);
    for (let i = 0; i < 10_000; i++) {
      const lat = rnd() * 180 - 90;
      const lon = rnd() * 360 - 180;
      const [w, s, e, n] = priogridCell(priogridGid(lat, lon)!)!.bbox;
      expect(lon >= w && lon < e && lat >= s && lat < n).toBe(true);
    }
  });

  it('gives polygons and the cells of a box', () => {
    expect(priogridPolygon(1)?.coordinates[0]).toEqual([
      [-180, -90],
      [-179.5, -90],
      [-179.5, -89.5],
      [-180, -89.5],
      [-180, -90],
    ]);
    expect(priogridPolygon(0)).toBeNull();
    // Mali's extent (lon −12.24..4.25, lat 10.14..24.9995): columns −12.5..4.5 (34) × rows 10..25 (30).
    const mali = priogridGidsInBBox([-12.239, 10.141, 4.245, 24.9995]);
    expect(mali).toHaveLength(34 * 30);
    expect(mali).toContain(147945);
  });
});
