/**
 * Distances on the sphere. vigie's radius queries (drawdown around closed bases, alert rules) work in kilometres, and
 * a spherical Earth is accurate to ~0.5 % — far below the precision of the event coordinates themselves (ACLED's
 * geo_precision 1 is a town point).
 */

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Kilometres per degree of latitude on the spherical Earth above. */
export const KM_PER_DEGREE = EARTH_RADIUS_KM * RAD;

/** Great-circle distance in km between two points given in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  // min() guards against rounding pushing s a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/**
 * Half-widths in degrees of a box that contains every point within `km` of (lat, lon). Used to prefilter
 * spatial-index candidates before exact distances; near the poles the longitude span is capped at the whole world.
 */
export function degreeBox(lat: number, km: number): { dLat: number; dLon: number } {
  const dLat = km / KM_PER_DEGREE;
  // Use the latitude of the box edge nearest the pole: that is where a degree of longitude is shortest.
  const edgeLat = Math.min(89.999, Math.abs(lat) + dLat);
  const dLon = Math.min(180, km / (KM_PER_DEGREE * Math.cos(edgeLat * RAD)));
  return { dLat, dLon };
}
