import type { PublicReleaseRow } from '../../analysis/public-release.ts';

export type { PublicReleaseRow };

/**
 * What the public release needs from storage: one row per counted incident × harm type × perpetrator category.
 * The store decides which incidents may be counted; the service decides what may be published.
 *
 * Semantics the implementation must keep (issue 4 point 7; docs/ARCHITECTURE.md):
 * - **Verified only**: verification state `verified` now (not reported, under review, not verified, dismissed;
 *   a verified incident reopened for review leaves the release until verified again). Deleted or wiped
 *   (crypto-erased) incidents are left out.
 * - **Consent**: an incident with any individual victim record whose consent is not `public_anonymised` is left
 *   out entirely (its presence in a cell is already a use of that person's story); aggregate-only counts are
 *   counted.
 * - **CRSV**: incidents flagged `crsv`, and rows of harm `crsv`, are left out: conflict-related sexual violence by
 *   admin-2 and month exposes survivors even at k = 5; a coarser, separately reviewed release can add it later.
 * - **Place**: admin-1 and admin-2 OCHA P-codes of the incident's place (from its P-code, or point-in-polygon of
 *   its point), null when unknown; never names or coordinates. **Month**: YYYY-MM of the incident's first date.
 * - **Rows**: one per (incident, harm type, perpetrator category) — an incident naming two perpetrators of the
 *   same category is one row; with no perpetrator it is `unidentified`. `victims` = the incident's victims of
 *   that harm (sum of its victim counts, all sexes and ages, status other than `non_civilian`); `killed` and
 *   `injured` likewise for killing and injury.
 * - `incidentId` is the store's id, used only to count distinct incidents; it never leaves the service.
 */
export interface PublicReleasePort {
  verifiedIncidentCells(): Promise<PublicReleaseRow[]>;
}
