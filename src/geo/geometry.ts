/**
 * Planar geometry over lon/lat polygons: the exact point-in-polygon test behind every admin assignment, the
 * point-to-boundary distance behind the "near" tolerance, and an interior point for labels and tests.
 *
 * Polygons are compiled once into flat typed arrays plus a horizontal band index over their edges: a ray cast
 * along a latitude only needs the edges whose latitude range contains the point, so a lookup reads a handful of
 * edges instead of all of them (Mali's 50 cercles have ~19,600 vertices). That is what makes 10^6 lookups per
 * second possible without simplifying the boundaries.
 */
import { KM_PER_DEGREE } from './distance.ts';

/** [minLon, minLat, maxLon, maxLat], GeoJSON order. */
export type BBox = [number, number, number, number];

/** GeoJSON positions are [lon, lat] (extra members such as elevation are ignored). */
export type Ring = number[][];
export type PolygonalGeometry =
  { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

/** All rings of a geometry, outer rings and holes alike; even-odd crossing parity needs no distinction. */
export function ringsOf(geometry: PolygonalGeometry): Ring[] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function bboxOf(geometry: PolygonalGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const ring of ringsOf(geometry)) {
    for (const p of ring) {
      const x = p[0] ?? NaN;
      const y = p[1] ?? NaN;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** A polygon or multipolygon ready for fast queries. Edges are stored as x1,y1,x2,y2 quadruples. */
export interface CompiledShape {
  bbox: BBox;
  edges: Float64Array;
  edgeCount: number;
  bandCount: number;
  bandHeight: number;
  /** CSR layout: the edges of band b are bandEdges[bandStart[b] .. bandStart[b+1]). */
  bandStart: Int32Array;
  bandEdges: Int32Array;
}

/** Roughly how many edges a band should hold; 4 keeps lookups short without bloating memory. */
const EDGES_PER_BAND = 4;
const MAX_BANDS = 8192;

export function compileShape(geometry: PolygonalGeometry): CompiledShape {
  const bbox = bboxOf(geometry);
  const quads: number[] = [];
  for (const ring of ringsOf(geometry)) {
    // Rings are closed in GeoJSON (last = first); tolerate open rings by always joining the last point to the first.
    let n = ring.length;
    const first = ring[0];
    const last = ring[n - 1];
    if (n > 1 && first && last && first[0] === last[0] && first[1] === last[1]) n--;
    for (let i = 0; i < n; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % n];
      if (!a || !b) continue;
      const x1 = a[0] ?? NaN;
      const y1 = a[1] ?? NaN;
      const x2 = b[0] ?? NaN;
      const y2 = b[1] ?? NaN;
      if (x1 === x2 && y1 === y2) continue; // repeated vertex: no edge
      quads.push(x1, y1, x2, y2);
    }
  }
  const edges = Float64Array.from(quads);
  const edgeCount = edges.length / 4;
  const height = bbox[3] - bbox[1];
  const bandCount = height > 0 ? Math.max(1, Math.min(MAX_BANDS, Math.ceil(edgeCount / EDGES_PER_BAND))) : 1;
  const bandHeight = height > 0 ? height / bandCount : 1;
  const bandOf = (y: number): number =>
    Math.min(bandCount - 1, Math.max(0, Math.floor((y - bbox[1]) / bandHeight)));

  // Two passes (count, then fill) give the CSR arrays without intermediate per-band lists.
  const bandStart = new Int32Array(bandCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const ya = edges[e * 4 + 1]!;
    const yb = edges[e * 4 + 3]!;
    const hi = bandOf(Math.max(ya, yb));
    for (let b = bandOf(Math.min(ya, yb)); b <= hi; b++) bandStart[b + 1]!++;
  }
  for (let b = 0; b < bandCount; b++) bandStart[b + 1]! += bandStart[b]!;
  const bandEdges = new Int32Array(bandStart[bandCount]!);
  const fill = bandStart.slice(0, bandCount);
  for (let e = 0; e < edgeCount; e++) {
    const ya = edges[e * 4 + 1]!;
    const yb = edges[e * 4 + 3]!;
    const hi = bandOf(Math.max(ya, yb));
    for (let b = bandOf(Math.min(ya, yb)); b <= hi; b++) bandEdges[fill[b]!++] = e;
  }
  return { bbox, edges, edgeCount, bandCount, bandHeight, bandStart, bandEdges };
}

/**
 * Exact even-odd ray casting (holes and multipolygon parts included). A point exactly on an edge may fall either
 * way, as in every ray-casting implementation; neighbouring units then still cover it once between them.
 */
export function containsPoint(shape: CompiledShape, x: number, y: number): boolean {
  const bb = shape.bbox;
  if (x < bb[0] || x > bb[2] || y < bb[1] || y > bb[3]) return false;
  const band = Math.min(shape.bandCount - 1, Math.max(0, Math.floor((y - bb[1]) / shape.bandHeight)));
  const edges = shape.edges;
  const list = shape.bandEdges;
  let inside = false;
  for (let i = shape.bandStart[band]!, end = shape.bandStart[band + 1]!; i < end; i++) {
    const o = list[i]! * 4;
    const y1 = edges[o + 1]!;
    const y2 = edges[o + 3]!;
    if (y1 > y !== y2 > y) {
      const x1 = edges[o]!;
      if (x < ((edges[o + 2]! - x1) * (y - y1)) / (y2 - y1) + x1) inside = !inside;
    }
  }
  return inside;
}

/**
 * Distance in km from a point to the nearest edge of the shape (0 when inside). Edges are projected on a plane
 * tangent at the point (equirectangular), which is accurate to well under 1 % within the ~100 km this is used for.
 */
export function distanceToShapeKm(shape: CompiledShape, lat: number, lon: number): number {
  if (containsPoint(shape, lon, lat)) return 0;
  const kx = KM_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = KM_PER_DEGREE;
  const edges = shape.edges;
  let best = Infinity;
  for (let o = 0; o < edges.length; o += 4) {
    const ax = (edges[o]! - lon) * kx;
    const ay = (edges[o + 1]! - lat) * ky;
    const bx = (edges[o + 2]! - lon) * kx;
    const by = (edges[o + 3]! - lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    // Project the origin (the point) on the segment, clamped to its ends.
    const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    const px = ax + t * dx;
    const py = ay + t * dy;
    const d2 = px * px + py * py;
    if (d2 < best) best = d2;
  }
  return Math.sqrt(best);
}

/**
 * A point guaranteed to lie inside the shape: the midpoint of the widest inside stretch of a few horizontal scan
 * lines. Centroids can fall outside concave units (a crescent-shaped cercle), so they are no use for labels or tests.
 */
export function interiorPoint(shape: CompiledShape): { lat: number; lon: number } | null {
  const minY = shape.bbox[1];
  const maxY = shape.bbox[3];
  let best: { lat: number; lon: number; width: number } | null = null;
  for (const f of [0.5, 0.3, 0.7, 0.15, 0.85, 0.4, 0.6]) {
    const y = minY + (maxY - minY) * f;
    const xs: number[] = [];
    const e = shape.edges;
    for (let o = 0; o < e.length; o += 4) {
      const y1 = e[o + 1]!;
      const y2 = e[o + 3]!;
      if (y1 > y !== y2 > y) xs.push(((e[o + 2]! - e[o]!) * (y - y1)) / (y2 - y1) + e[o]!);
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      if (!best || width > best.width) best = { lat: y, lon: (xs[i]! + xs[i + 1]!) / 2, width };
    }
  }
  // The midpoint of an inside stretch is inside by construction; the check only guards degenerate input.
  if (best && containsPoint(shape, best.lon, best.lat)) return { lat: best.lat, lon: best.lon };
  return null;
}
