import { admin1PcodeOf, neAdmin1ForPcode } from '../geo/mali-crosswalk.ts';
import type { IncidentPlacer } from './incidents.ts';
import { createPlacer, type Placer } from './placement.ts';
import type { ReferencePort } from './ports/reference-port.ts';

/**
 * Places an incident like an event: a point by point-in-polygon against the loaded boundaries; otherwise its
 * P-code gives the admin-2 (6 characters for Mali, e.g. ML0401) and the admin-1 (ML04) through the crosswalk.
 */
export function incidentPlacer(reference: ReferencePort): IncidentPlacer {
  // Building the placer loads every boundary polygon and indexes it: done once, and again only when the loaded
  // boundary sets change (another process may import some), not for every incident recorded.
  let cached: { signature: string; place: Promise<Placer> } | null = null;
  const placer = async (): Promise<Placer> => {
    const signature = JSON.stringify(await reference.boundarySets());
    if (cached?.signature !== signature)
      cached = { signature, place: createPlacer(reference).then((p) => p.place) };
    return cached.place;
  };
  return async (latitude, longitude, pcode) => {
    const fromCode = pcodePlace(pcode);
    if (latitude === null || longitude === null) return fromCode;
    const place = await placer();
    const result = place({ latitude, longitude, country: null }, 0);
    if (!('placement' in result) || !result.placement) return fromCode;
    const p = result.placement;
    return {
      country: p.admin1 ? (p.admin1.startsWith('ML-') ? 'MLI' : null) : fromCode.country,
      admin1: p.admin1 ?? fromCode.admin1,
      admin1Pcode: p.admin1Pcode ?? fromCode.admin1Pcode,
      admin2Pcode: p.admin2Pcode ?? fromCode.admin2Pcode,
    };
  };
}

function pcodePlace(pcode: string | null) {
  if (pcode === null) return { country: null, admin1: null, admin1Pcode: null, admin2Pcode: null };
  const admin2Pcode = pcode.length >= 6 ? pcode.slice(0, 6) : null;
  const admin1Pcode = admin2Pcode ? (admin1PcodeOf(admin2Pcode) ?? pcode.slice(0, 4)) : pcode.slice(0, 4);
  return {
    country: pcode.startsWith('ML') ? 'MLI' : null,
    admin1: neAdmin1ForPcode(admin1Pcode),
    admin1Pcode,
    admin2Pcode,
  };
}
