import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM } from './distance.ts';
import { H3_RESOLUTIONS, cellParent, cellsWithinKm, h3Cells, haversineKm } from './h3.ts';
import { seededRandom } from './test-support.ts';

/** The point `km` away from (lat, lon) on bearing `deg` (spherical direct problem). */
function destination(lat: number, lon: number, km: number, deg: number): [number, number] {
  const r = Math.PI / 180;
  const d = km / EARTH_RADIUS_KM;
  const b = deg * r;
  const lat2 = Math.asin(Math.sin(lat * r) * Math.cos(d) + Math.cos(lat * r) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon * r +
    Math.atan2(
      Math.sin(b) * Math.sin(d) * Math.cos(lat * r),
      Math.cos(d) - Math.sin(lat * r) * Math.sin(lat2),
    );
  return [lat2 / r, lon2 / r];
}

describe('haversineKm', () => {
  it('measures known distances', () => {
    expect(haversineKm(12.65, -8.0, 12.65, -8.0)).toBe(0);
    // Bamako → Gao ≈ 950 km; Kidal → Gao ≈ 290 km (great circle, spherical Earth).
    expect(haversineKm(12.65, -8.0, 16.27, -0.04)).toBeCloseTo(946, -1);
    expect(haversineKm(18.44, 1.41, 16.27, -0.04)).toBeCloseTo(287, -1);
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo(111.195, 2);
    expect(haversineKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 3);
  });
});

describe('H3 cells', () => {
  it('gives the four resolutions of one point, nested', () => {
    const c = h3Cells(14.49, -4.19);
    expect([c.h3r4, c.h3r5, c.h3r6, c.h3r7].map(getResolution)).toEqual([...H3_RESOLUTIONS]);
    expect(cellToParent(c.h3r7, 4)).toBe(c.h3r4);
    expect(c.h3r7).toBe(latLngToCell(14.49, -4.19, 7));
  });

  it('computes parents exactly as h3-js does', () => {
    const rnd = seededRandom(5);
    for (let i = 0; i < 20_000; i++) {
      const lat = rnd() * 180 - 90;
      const lon = rnd() * 360 - 180;
      const r7 = latLngToCell(lat, lon, 7);
      for (const res of [0, 1, 2, 3, 4, 5, 6, 7]) expect(cellParent(r7, res)).toBe(cellToParent(r7, res));
      const r15 = latLngToCell(lat, lon, 15);
      expect(cellParent(r15, 9)).toBe(cellToParent(r15, 9));
    }
  });

  it('covers every point within the radius (random points, several radii and resolutions)', () => {
    const rnd = seededRandom(3);
    const origins: [number, number][] = [
      [16.27, -0.04], // Gao
      [13.96, -3.57], // Ogossagou
      [60, 25], // high latitude: cells and degrees shrink differently
      [-33.9, 18.4],
    ];
    for (const [lat, lon] of origins) {
      for (const [km, res] of [
        [5, 7],
        [50, 5],
        [50, 6],
        [10, 4],
        [120, 5],
        [0.5, 7],
      ] as const) {
        const cells = new Set(cellsWithinKm(lat, lon, km, res));
        for (let i = 0; i < 400; i++) {
          const [plat, plon] = destination(lat, lon, km * Math.sqrt(rnd()), rnd() * 360);
          expect(cells.has(latLngToCell(plat, plon, res)), `${lat},${lon} ${km} km r${res}`).toBe(true);
        }
        // Points exactly on the circle too: the rim is where a short ring count would show.
        for (let b = 0; b < 360; b += 3) {
          const [plat, plon] = destination(lat, lon, km, b);
          expect(cells.has(latLngToCell(plat, plon, res))).toBe(true);
        }
      }
    }
    const sizes = [
      [50, 5],
      [50, 6],
      [50, 7],
      [25, 7],
    ].map(([km, res]) => `${km} km r${res}: ${cellsWithinKm(13.96, -3.57, km!, res!).length}`);
    console.log(`cellsWithinKm sizes at Ogossagou — ${sizes.join(', ')}`);
  });

  it('returns the origin cell for a zero radius and refuses absurd ring counts', () => {
    expect(cellsWithinKm(14.49, -4.19, 0, 7)).toEqual([latLngToCell(14.49, -4.19, 7)]);
    expect(() => cellsWithinKm(14.49, -4.19, 5000, 7)).toThrow(RangeError);
  });
});
