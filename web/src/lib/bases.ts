import type { Base } from './types.ts';

/**
 * What a protection presence was on a given day: open; closed (or not yet open); or closed on a date nobody has
 * established (the API's date quality not_found / not_researched with no closure date), which must not be drawn
 * as open.
 */
export type BaseStatus = 'open' | 'closed' | 'undated';

/** The API's codes (not_found, not_researched) or the free text of an imported file ("not found (…)", "closed before 2023 …"). */
const UNDATED_CLOSURE = /^(not[ _]found|not[ _]researched|closed before)/i;

export function baseStatus(b: Base, day: string): BaseStatus {
  if (b.openedOn !== null && b.openedOn > day) return 'closed';
  if (b.closedOn !== null) return b.closedOn <= day ? 'closed' : 'open';
  return b.dateQuality !== null && UNDATED_CLOSURE.test(b.dateQuality.trim()) ? 'undated' : 'open';
}
