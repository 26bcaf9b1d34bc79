/**
 * Spatial index over admin polygons: which unit contains a point, and which unit is nearest when none does.
 *
 * Flatbush (a static packed R-tree) narrows a point to the few units whose bounding boxes hold it; the exact
 * band-indexed ray cast of geometry.ts decides. Units are compiled once at build time, so lookups allocate
 * nothing but Flatbush's traversal stack.
 */
import Flatbush from 'flatbush';
import { degreeBox } from './distance.ts';
import {
  compileShape,
  containsPoint,
  distanceToShapeKm,
  type CompiledShape,
  type PolygonalGeometry,
} from './geometry.ts';
import type { Place } from './place.ts';

export interface NearestPlace<P> {
  place: P;
  /** 0 when the point is inside the unit. */
  distanceKm: number;
}

export class PlaceIndex<P extends { code: string; geometry: PolygonalGeometry } = Place> {
  readonly places: readonly P[];
  private readonly shapes: CompiledShape[];
  /** Null for an empty index: Flatbush refuses zero items, and an empty set is a legitimate state (no file loaded). */
  private readonly tree: Flatbush | null;
  private hit = -1;
  private readonly testHit: (i: number) => boolean;
  private x = 0;
  private y = 0;

  constructor(places: readonly P[]) {
    this.places = places;
    this.shapes = places.map((p) => compileShape(p.geometry));
    if (places.length === 0) {
      this.tree = null;
    } else {
      const tree = new Flatbush(places.length);
      for (const s of this.shapes) tree.add(s.bbox[0], s.bbox[1], s.bbox[2], s.bbox[3]);
      tree.finish();
      this.tree = tree;
    }
    // One bound callback reused for every lookup: creating a closure per call would cost more than the test.
    this.testHit = (i: number): boolean => {
      if (!containsPoint(this.shapes[i]!, this.x, this.y)) return false;
      this.hit = i;
      return true;
    };
  }

  private codes: Map<string, P> | null = null;

  /** The unit with this code (first one if a faulty file repeats a code); built on first use. */
  byCode(code: string): P | null {
    if (!this.codes) {
      this.codes = new Map();
      for (const p of this.places) if (!this.codes.has(p.code)) this.codes.set(p.code, p);
    }
    return this.codes.get(code) ?? null;
  }

  get size(): number {
    return this.places.length;
  }

  /**
   * The unit containing (lat, lon), or null. If units of one set overlap (a faulty file), the first one the tree
   * meets wins; that choice is stable for a given index.
   */
  locate(lat: number, lon: number): P | null {
    const i = this.locateIndex(lat, lon);
    return i < 0 ? null : this.places[i]!;
  }

  /** Position in `places` of the unit containing the point, or -1. */
  locateIndex(lat: number, lon: number): number {
    if (!this.tree || !(lat === lat && lon === lon)) return -1; // NaN never matches
    this.x = lon;
    this.y = lat;
    this.hit = -1;
    this.tree.collides(lon, lat, lon, lat, this.testHit);
    return this.hit;
  }

  /**
   * The unit containing the point (distance 0) or else the unit whose boundary is closest, if within `maxKm`.
   * Meant for points just outside simplified coastlines, rivers and borders; ties go to the earlier unit.
   */
  nearest(lat: number, lon: number, maxKm: number): NearestPlace<P> | null {
    const inside = this.locateIndex(lat, lon);
    if (inside >= 0) return { place: this.places[inside]!, distanceKm: 0 };
    if (!this.tree || !(maxKm >= 0)) return null;
    const { dLat, dLon } = degreeBox(lat, maxKm);
    const candidates = this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
    candidates.sort((a, b) => a - b);
    let best = -1;
    let bestKm = Infinity;
    for (const i of candidates) {
      const km = distanceToShapeKm(this.shapes[i]!, lat, lon);
      if (km < bestKm) {
        bestKm = km;
        best = i;
      }
    }
    return best >= 0 && bestKm <= maxKm ? { place: this.places[best]!, distanceKm: bestKm } : null;
  }

  /** Units whose boundary lies within `maxKm` (inside ones at 0), closest first. */
  within(lat: number, lon: number, maxKm: number): NearestPlace<P>[] {
    if (!this.tree) return [];
    const { dLat, dLon } = degreeBox(lat, maxKm);
    const out: NearestPlace<P>[] = [];
    for (const i of this.tree.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat)) {
      const km = distanceToShapeKm(this.shapes[i]!, lat, lon);
      if (km <= maxKm) out.push({ place: this.places[i]!, distanceKm: km });
    }
    return out.sort((a, b) => a.distanceKm - b.distanceKm);
  }
}
