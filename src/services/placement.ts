import type { SourceEvent } from '../core/event.ts';
import { issue } from '../core/issues.ts';
import { createAdminAssigner, type AdminAssigner } from '../geo/assign.ts';
import type { PolygonalGeometry } from '../geo/geometry.ts';
import { pcodeForNeAdmin1 } from '../geo/mali-crosswalk.ts';
import { PlaceIndex } from '../geo/place-index.ts';
import { placeEvent } from '../geo/placement.ts';
import type { PlaceResult } from './import-events.ts';
import type { EventPlacementPort, ReferencePort, StoredPlace } from './ports/reference-port.ts';

export type Placer = (
  event: Pick<SourceEvent, 'latitude' | 'longitude' | 'country'> & Partial<Pick<SourceEvent, 'countryName'>>,
  row: number,
) => PlaceResult;

/**
 * Builds the placement step of imports from the boundary sets loaded now: Natural Earth admin-1 for every
 * country, plus the active COD-AB sets for P-codes. Placement goes by coordinates only; a point outside the
 * country its row names is rejected (with a hint when latitude and longitude look exchanged).
 */
export async function createPlacer(
  reference: ReferencePort,
): Promise<{ place: Placer; assigner: AdminAssigner }> {
  const index = async (level: number) => {
    const places = await reference.activePlaces(level);
    return places.length > 0 ? new PlaceIndex(places.map(asIndexed)) : undefined;
  };
  const [admin1Pcodes, admin2, admin3] = await Promise.all([index(1), index(2), index(3)]);
  const assigner = createAdminAssigner({
    ...(admin1Pcodes ? { admin1Pcodes } : {}),
    ...(admin2 ? { admin2 } : {}),
    ...(admin3 ? { admin3 } : {}),
  });
  const place: Placer = (event, row) => {
    // A country the row names but nobody knows cannot be checked against its coordinates: reject, don't guess.
    if (event.country === null && event.countryName) {
      return { issue: issue(row, 'country', 'COUNTRY_UNKNOWN', { value: event.countryName }) };
    }
    const result = placeEvent(assigner, event.latitude, event.longitude, event.country);
    if (result.issue !== null || result.placement === null) {
      const code = result.issue ?? 'COORDINATES_OUT_OF_RANGE';
      const params: Record<string, string | number> =
        code === 'COORDINATES_OUT_OF_RANGE'
          ? { value: `${event.latitude}, ${event.longitude}` }
          : { lat: event.latitude, lon: event.longitude, country: event.country ?? '?' };
      return { issue: issue(row, 'latitude', code, params) };
    }
    const p = result.placement;
    // Without a loaded COD-AB admin-1 set, Mali's regions still get their OCHA P-code from the crosswalk.
    const admin1Pcode =
      p.admin1Pcode ?? (event.country === 'MLI' && p.admin1 ? pcodeForNeAdmin1(p.admin1) : null);
    return { placement: { ...p, admin1Pcode } };
  };
  return { place, assigner };
}

function asIndexed(p: StoredPlace) {
  return {
    code: p.code,
    name: p.name,
    level: p.level,
    parentCode: p.parentCode,
    iso3: p.iso3,
    geometry: p.geometry as PolygonalGeometry,
  };
}

/** After a boundary set changes, every stored event is assigned again, in batches. */
export async function replaceStoredEvents(
  reference: ReferencePort,
  events: EventPlacementPort,
): Promise<number> {
  const { place } = await createPlacer(reference);
  let after = 0;
  let count = 0;
  for (;;) {
    const batch = await events.locations(after, 5000);
    if (batch.length === 0) {
      await events.refreshRollups();
      return count;
    }
    const updates = [];
    for (const e of batch) {
      const result = place({ latitude: e.latitude, longitude: e.longitude, country: e.country }, 0);
      if ('placement' in result) {
        const p = result.placement;
        updates.push({
          id: e.id,
          admin1: p.admin1,
          admin1Pcode: p.admin1Pcode,
          admin2Pcode: p.admin2Pcode,
          admin3Pcode: p.admin3Pcode,
        });
      }
    }
    await events.updatePlacements(updates);
    count += updates.length;
    after = batch[batch.length - 1]?.id ?? after;
  }
}
