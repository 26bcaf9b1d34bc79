import { createHash } from 'node:crypto';
import { loadAdmin1, NE_ADMIN1_SET } from '../geo/admin1.ts';
import { MINUSMA_BASES } from '../geo/bases.ts';
import type { PolygonalGeometry } from '../geo/geometry.ts';
import type { ProtectionBase } from '../importers/types.ts';
import type { Language } from './place-names.ts';
import type { ReferencePort, StoredPlace } from './ports/reference-port.ts';

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name: string; level: number; set: string; parentCode: string | null };
  geometry: PolygonalGeometry;
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/** A protection presence as the map shows it: the imported fields, and where the row came from. */
export interface BaseView extends ProtectionBase {
  /** "import" for bases a user loaded, "facts" for the table vigie ships (src/geo/bases.ts). */
  origin: 'import' | 'facts';
  /** Facts table only: position in the 2023 sequence, uncertainty marks kept ("5?"). */
  closureOrder: string | null;
  /** Facts table only: one of the 13 sites closed in 2023. */
  withdrawal2023: boolean | null;
}

/** The units a map or chart keys admin-1 by, with the boundary set whose features carry the same codes. */
export interface UnitNames {
  set: string;
  names: Map<string, string>;
}

/** Admin units with their polygons, for statistics that need contiguity (hotspots). */
export interface UnitShapes {
  set: string;
  units: { code: string; name: string; geometry: PolygonalGeometry }[];
}

/** Five decimals would be a metre; four (~11 m) is finer than any admin boundary's accuracy and halves the payload. */
const DECIMALS = 4;

/**
 * Boundaries and protection presences as the map shows them. Level 1 is the loaded COD-AB admin-1 set for the
 * country when there is one, else Natural Earth, so that a fresh install already shows Mali's regions; level 2
 * exists only once a COD-AB admin-2 set is loaded. Answers are cached per state of the boundary sets.
 */
export function geography(reference: ReferencePort) {
  const cache = new Map<string, Promise<{ etag: string; collection: BoundaryCollection }>>();

  const signature = async () => JSON.stringify(await reference.boundarySets());

  const loadedPlaces = async (level: number, country: string): Promise<StoredPlace[]> =>
    (await reference.activePlaces(level)).filter((p) => p.iso3 === null || p.iso3 === country);

  async function build(level: 1 | 2, country: string, language: Language): Promise<BoundaryCollection> {
    const loaded = await loadedPlaces(level, country);
    if (loaded.length > 0 || level === 2) {
      return collection(
        loaded.map((p) =>
          feature({ code: p.code, name: p.name, level, set: p.set, parentCode: p.parentCode }, p.geometry),
        ),
      );
    }
    return collection(
      loadAdmin1(country).map((p) =>
        feature(
          {
            code: p.code,
            name: language === 'fr' ? p.nameFr : p.name,
            level: 1,
            set: NE_ADMIN1_SET,
            parentCode: p.parentCode,
          },
          p.geometry,
        ),
      ),
    );
  }

  return {
    async boundaries(level: 1 | 2, country: string, language: Language) {
      const key = `${level}|${country}|${language}|${await signature()}`;
      let entry = cache.get(key);
      if (entry === undefined) {
        const etag = `"${createHash('sha1').update(key).digest('base64url')}"`;
        entry = build(level, country, language).then((c) => ({ etag, collection: c }));
        // Boundary sets change rarely; a handful of entries per state is all the cache ever holds.
        if (cache.size > 32) cache.clear();
        cache.set(key, entry);
        entry.catch(() => cache.delete(key));
      }
      return entry;
    },

    /** Admin-1 codes and names as /boundaries?level=1 gives them for the country, so map cells join features. */
    async admin1Names(country: string, language: Language): Promise<UnitNames> {
      const loaded = await loadedPlaces(1, country);
      if (loaded.length > 0) {
        return { set: loaded[0]?.set ?? '', names: new Map(loaded.map((p) => [p.code, p.name])) };
      }
      const ne = loadAdmin1(country);
      return {
        set: NE_ADMIN1_SET,
        names: new Map(ne.map((p) => [p.code, language === 'fr' ? p.nameFr : p.name])),
      };
    },

    async admin2Names(country: string): Promise<UnitNames> {
      const loaded = await loadedPlaces(2, country);
      return { set: loaded[0]?.set ?? '', names: new Map(loaded.map((p) => [p.code, p.name])) };
    },

    /**
     * The admin units of a level with their full-precision polygons (not rounded as /boundaries serves them: shared
     * vertices must stay identical for contiguity): the loaded set, else Natural Earth for level 1.
     */
    async unitShapes(level: 1 | 2, country: string, language: Language): Promise<UnitShapes> {
      const loaded = await loadedPlaces(level, country);
      if (loaded.length > 0 || level === 2) {
        const units = loaded.map((p) => ({
          code: p.code,
          name: p.name,
          geometry: p.geometry as PolygonalGeometry,
        }));
        return { set: loaded[0]?.set ?? '', units };
      }
      const units = loadAdmin1(country).map((p) => ({
        code: p.code,
        name: language === 'fr' ? p.nameFr : p.name,
        geometry: p.geometry,
      }));
      return { set: NE_ADMIN1_SET, units };
    },

    /** Imported bases, or the 2023 MINUSMA sites vigie ships when none were imported (DESIGN §5). */
    async bases(): Promise<BaseView[]> {
      const imported = await reference.listBases();
      if (imported.length > 0) {
        return imported.map((b) => ({ ...b, origin: 'import', closureOrder: null, withdrawal2023: null }));
      }
      return MINUSMA_BASES.map((b) => ({
        name: b.site,
        latitude: b.lat,
        longitude: b.lon,
        siteType: b.siteType,
        openedOn: null,
        closedOn: b.closedOn,
        dateQuality: b.dateQuality,
        sources: b.citation,
        notes: null,
        admin1Text: b.admin1Text,
        origin: 'facts',
        closureOrder: b.closureOrder,
        withdrawal2023: b.withdrawal2023,
      }));
    },
  };
}

export type Geography = ReturnType<typeof geography>;

function feature(properties: BoundaryFeature['properties'], geometry: unknown): BoundaryFeature {
  return { type: 'Feature', properties, geometry: rounded(geometry as PolygonalGeometry) };
}

function collection(features: BoundaryFeature[]): BoundaryCollection {
  return { type: 'FeatureCollection', features };
}

/** Coordinates rounded, points that rounding merged dropped, rings left with fewer than 4 points removed. */
function rounded(geometry: PolygonalGeometry): PolygonalGeometry {
  const f = 10 ** DECIMALS;
  const ring = (r: number[][]): number[][] => {
    const out: number[][] = [];
    for (const p of r) {
      const q = [Math.round((p[0] ?? 0) * f) / f, Math.round((p[1] ?? 0) * f) / f];
      const prev = out[out.length - 1];
      if (prev === undefined || prev[0] !== q[0] || prev[1] !== q[1]) out.push(q);
    }
    return out;
  };
  const polygon = (rings: number[][][]) => rings.map(ring).filter((r) => r.length >= 4);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: polygon(geometry.coordinates) }
    : {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map(polygon).filter((p) => p.length > 0),
      };
}
