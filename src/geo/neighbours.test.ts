import { gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { Neighbours } from '../core/neighbours.ts';
import { admin1Index } from './admin1.ts';
import type { PolygonalGeometry } from './geometry.ts';
import { h3Ring, h3StudyCells, priogridCountryCells, priogridQueen, queenContiguity } from './neighbours.ts';
import { priogridGid } from './priogrid.ts';

const of = (nb: Neighbours, i: number) => [...nb.indices.subarray(nb.offsets[i], nb.offsets[i + 1])];
const square = (x: number, y: number): PolygonalGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

describe('neighbour lists', () => {
  it('links polygons sharing an edge or only a corner (queen), not distant ones', () => {
    // 2 × 2 block (0,1 / 2,3), plus a square far away; 0 and 3 touch at one corner only.
    const nb = queenContiguity([square(0, 0), square(1, 0), square(0, 1), square(1, 1), square(5, 5)]);
    expect(of(nb, 0)).toEqual([1, 2, 3]);
    expect(of(nb, 3)).toEqual([0, 1, 2]);
    expect(of(nb, 4)).toEqual([]);
    // Vertices within 1e-6° round to the same point; a 1e-5° gap does not.
    const near = queenContiguity([square(0, 0), square(1.0000001, 0), square(2.00002, 0)]);
    expect(of(near, 0)).toEqual([1]);
    expect(of(near, 2)).toEqual([]);
  });

  it("gives Mali's Natural Earth regions the neighbours of spdep's poly2nb(queen = TRUE)", () => {
    const regions = admin1Index('MLI')!.places;
    const nb = queenContiguity(regions.map((p) => p.geometry));
    const codes = (code: string) => {
      const i = regions.findIndex((p) => p.code === code);
      return of(nb, i).map((j) => regions[j]!.code);
    };
    expect(codes('ML-BA')).toEqual(['ML-KK']);
    expect(codes('ML-KK')).toEqual(['ML-BA', 'ML-KY', 'ML-SG', 'ML-SK']);
    expect(codes('ML-TT')).toEqual(['ML-GO', 'ML-KD', 'ML-MO', 'ML-SG']);
  });

  it('links PRIO-GRID cells in their 3 × 3 block, within the given cells', () => {
    const gids: number[] = [];
    for (const lat of [14.25, 14.75, 15.25])
      for (const lon of [-4.25, -3.75, -3.25]) gids.push(priogridGid(lat, lon)!);
    const nb = priogridQueen(gids);
    expect(of(nb, 4)).toHaveLength(8);
    expect(of(nb, 0)).toEqual([1, 3, 4]);
  });

  it('links H3 cells to their ring, and grows the study area by one ring', () => {
    const cell = latLngToCell(14.5, -4.2, 5);
    const cells = h3StudyCells([cell]);
    expect(cells).toHaveLength(7);
    const nb = h3Ring(cells);
    expect(
      of(nb, cells.indexOf(cell))
        .map((i) => cells[i])
        .sort(),
    ).toEqual(
      gridDisk(cell, 1)
        .filter((c) => c !== cell)
        .sort(),
    );
  });

  it('covers Mali with the cells whose centre is inside it', () => {
    const gids = priogridCountryCells(admin1Index('MLI')!);
    // Mali is ~1.24 M km², ~3,000 km² a cell at its latitudes: about 410 cells.
    expect(gids.length).toBeGreaterThan(380);
    expect(gids.length).toBeLessThan(450);
    expect(gids).toContain(priogridGid(12.65, -8.0)); // Bamako
    expect(gids).not.toContain(priogridGid(14.7, -17.4)); // Dakar
  });
});
