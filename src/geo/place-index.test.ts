import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.ts';
import { parseBoundaries } from './boundaries.ts';
import { haversineKm } from './distance.ts';
import { bboxOf, compileShape, interiorPoint, type PolygonalGeometry } from './geometry.ts';
import type { Place } from './place.ts';
import { PlaceIndex } from './place-index.ts';
import { seededRandom } from './test-support.ts';

function place(code: string, geometry: PolygonalGeometry): Place {
  return {
    code,
    name: code,
    level: 1,
    parentCode: null,
    iso3: null,
    set: 'test',
    geometry,
    bbox: bboxOf(geometry),
  };
}
const square = (x0: number, y0: number, x1: number, y1: number): number[][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('PlaceIndex on hand-made shapes', () => {
  // A 10°×10° block with a 2°×2° hole that holds its own unit, and a two-part multipolygon beside it.
  const frame = place('FRAME', { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] });
  const hole = place('HOLE', { type: 'Polygon', coordinates: [square(4, 4, 6, 6)] });
  const islands = place('ISLANDS', {
    type: 'MultiPolygon',
    coordinates: [[square(12, 0, 14, 2)], [square(12, 8, 14, 10)]],
  });
  const index = new PlaceIndex([frame, hole, islands]);

  it('locates points in polygons, holes and multipolygon parts', () => {
    expect(index.locate(1, 1)?.code).toBe('FRAME');
    expect(index.locate(5, 5)?.code).toBe('HOLE');
    expect(index.locate(9, 13)?.code).toBe('ISLANDS');
    expect(index.locate(1, 13)?.code).toBe('ISLANDS');
    expect(index.locate(5, 13)).toBeNull(); // between the islands, inside the multipolygon's bbox
    expect(index.locate(-1, 5)).toBeNull();
    expect(index.locate(Number.NaN, 5)).toBeNull();
  });

  it('finds the nearest unit within a distance, measured to the boundary', () => {
    const n = index.nearest(-0.1, 5, 25); // 0.1° south of FRAME ≈ 11.1 km
    expect(n?.place.code).toBe('FRAME');
    expect(n?.distanceKm).toBeCloseTo(11.12, 1);
    expect(index.nearest(-0.1, 5, 10)).toBeNull();
    expect(index.nearest(1, 1, 25)).toEqual({ place: frame, distanceKm: 0 });
    // East of FRAME at lat 5: FRAME's edge is 1.2° (~133 km) away, the islands' corners over 3° (~350 km).
    expect(index.nearest(5, 11.2, 50)).toBeNull();
    expect(index.nearest(5, 11.2, 200)?.place.code).toBe('FRAME');
    expect(index.within(5, 11.2, 400).map((w) => w.place.code)).toEqual(['FRAME', 'ISLANDS']);
  });

  it('handles an empty set and open rings', () => {
    expect(new PlaceIndex([]).locate(0, 0)).toBeNull();
    expect(new PlaceIndex([]).nearest(0, 0, 100)).toBeNull();
    const open = place('OPEN', {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 2],
          [0, 2],
        ],
      ],
    });
    expect(new PlaceIndex([open]).locate(1, 1)?.code).toBe('OPEN');
  });

  it('agrees with a brute-force ray cast on random points', () => {
    // A star-shaped polygon with many edges exercises the band index (several edges per band, spanning bands).
    const star: number[][] = [];
    for (let k = 0; k < 200; k++) {
      const a = (2 * Math.PI * k) / 200;
      const r = k % 2 === 0 ? 5 : 2;
      star.push([r * Math.cos(a), r * Math.sin(a)]);
    }
    star.push(star[0]!);
    const idx = new PlaceIndex([place('STAR', { type: 'Polygon', coordinates: [star] })]);
    const brute = (x: number, y: number): boolean => {
      let inside = false;
      for (let i = 0, j = star.length - 2; i < star.length - 1; j = i++) {
        const [xi = 0, yi = 0] = star[i]!;
        const [xj = 0, yj = 0] = star[j]!;
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    };
    const random = seededRandom(42);
    const rnd = (): number => random() * 12 - 6;
    for (let i = 0; i < 20_000; i++) {
      const x = rnd();
      const y = rnd();
      expect(idx.locate(y, x) !== null, `${x},${y}`).toBe(brute(x, y));
    }
  });
});

describe('PlaceIndex on OCHA Mali cercles (real data)', () => {
  const path = sharedData('mali-boundaries-ocha/mali_adm2.geojson');

  it.skipIf(!path)('places each cercle interior point in that cercle', () => {
    const { places } = parseBoundaries(readFileSync(path!, 'utf8'), { level: 2, set: 'cod-ab-2017' });
    const index = new PlaceIndex(places);
    for (const p of places) {
      const pt = interiorPoint(compileShape(p.geometry));
      expect(pt, p.code).not.toBeNull();
      expect(index.locate(pt!.lat, pt!.lon)?.code, p.code).toBe(p.code);
    }
    // Bamako is a hole in Kati (ML0204): the city centre must be Bamako, its outskirts Kati.
    expect(index.locate(12.64, -8.0)?.code).toBe('ML0901');
    expect(index.locate(12.75, -8.2)?.code).toBe('ML0204');
    // Just across the Niger border from Ménaka cercle (ML0704), ~30 km out: none inside, Ménaka nearest.
    const near = index.nearest(15.3, 4.5, 100);
    expect(index.locate(15.3, 4.5)).toBeNull();
    expect(near?.place.code).toBe('ML0704');
    expect(near!.distanceKm).toBeGreaterThan(0);
    expect(near!.distanceKm).toBeLessThan(haversineKm(15.3, 4.5, 15.3, 4.245) + 60);
  });

  it.skipIf(!path)('measures 1,000,000 lookups (printed, not asserted)', () => {
    const { places } = parseBoundaries(readFileSync(path!, 'utf8'), { level: 2 });
    const t0 = performance.now();
    const index = new PlaceIndex(places);
    const buildMs = performance.now() - t0;
    // Points spread over Mali's bounding box (lon -12.2..4.2, lat 10.1..25.0): many fall outside, like real imports.
    const n = 1_000_000;
    const lats = new Float64Array(n);
    const lons = new Float64Array(n);
    const rnd = seededRandom(7);
    for (let i = 0; i < n; i++) {
      lats[i] = 10.1 + rnd() * 14.9;
      lons[i] = -12.2 + rnd() * 16.4;
    }
    const t1 = performance.now();
    let found = 0;
    for (let i = 0; i < n; i++) if (index.locateIndex(lats[i]!, lons[i]!) >= 0) found++;
    const ms = performance.now() - t1;
    console.log(
      `PlaceIndex: ${places.length} cercles (${places.reduce((s, p) => s + compileShape(p.geometry).edgeCount, 0)} edges) ` +
        `built in ${buildMs.toFixed(0)} ms; ${n.toLocaleString('en')} lookups in ${ms.toFixed(0)} ms ` +
        `(${((n / ms) * 1000).toFixed(0)}/s), ${found} inside`,
    );
    // Uniform points: the share inside must equal Mali's planar area over the box's (106.8 deg², PROVENANCE.md).
    const ringArea = (r: number[][]): number =>
      r.reduce(
        (a, p, i) => a + (p[0]! * (r[(i + 1) % r.length]![1]! - r[(i + r.length - 1) % r.length]![1]!)) / 2,
        0,
      );
    const area = places.reduce((sum, p) => {
      const rings = p.geometry.type === 'Polygon' ? p.geometry.coordinates : p.geometry.coordinates.flat();
      return sum + rings.reduce((a, r, k) => a + (k === 0 ? 1 : -1) * Math.abs(ringArea(r)), 0);
    }, 0);
    expect(area).toBeCloseTo(106.82, 1);
    expect(Math.abs(found / n - area / (14.9 * 16.4))).toBeLessThan(0.005);
  });
});
