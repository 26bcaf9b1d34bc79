import type { EventClassification, SourceEvent } from '../event.ts';
import { canonicalEventType } from './acled-event-types.ts';
import { CIVILIANS_INTER, splitInteraction } from './inter-codes.ts';
import { harmCategoryOf } from './harm.ts';
import { eventPerpetrator } from './perpetrators.ts';

/**
 * THE civilian-harm rule for imported events (DESIGN §4), written once; everything that counts civilian events
 * or civilian deaths calls these functions.
 *
 * ACLED rows whose `civilian_targeting` is set, or (older schemas) `event_type` = "Violence against civilians",
 * or whose actor2/inter2 is civilians (7); UCDP: `type_of_violence = 3` (all deaths) plus `deaths_civilians` of
 * other types.
 *
 * Civilian deaths: UCDP `deaths_civilians` (all best deaths for one-sided violence when that column is missing);
 * ACLED all fatalities of a civilian-harm event, because ACLED does not split civilian from other fatalities: an
 * attack on a village that also kills two militiamen counts them too. ACLED fatalities of events outside the rule
 * (battles, explosions aimed at soldiers) count for nothing here, though some were civilians.
 */

/** Which clause of the rule selected the event; null when none did. */
export type CivilianHarmReason =
  | 'civilian_targeting' // ACLED civilian_targeting column set
  | 'violence_against_civilians' // layout without that column, event type "Violence against civilians"
  | 'civilian_target_actor' // actor2 (or its inter2) is civilians
  | 'ucdp_one_sided' // UCDP type_of_violence 3
  | 'ucdp_civilian_deaths'; // UCDP types 1–2 with deaths_civilians > 0

/** ACLED `civilian_targeting` cell: column absent → null (older layout); "Civilian targeting" → true; empty → false. */
export function parseCivilianTargeting(
  cell: string | null | undefined,
  columnPresent: boolean,
): boolean | null {
  if (!columnPresent) return null;
  return cell != null && cell.trim() !== '';
}

const CIVILIAN_NAME = /^civilians\b/i;

/**
 * Is actor2 civilians? Read from actor2 (its name or its inter code) when the row has one; in layouts without
 * actor2 (ACLED's monadic exports, one row per actor) from the interaction code, where a 7 beside another side
 * means civilians were acted upon (ACLED codes civilians as victims; 70, civilians alone, is no target). Civilians
 * named only as associated actors of the other side (killed beside soldiers or peacekeepers: 5 events in
 * smose94) do not count: the rule says actor2.
 */
export function civiliansTargeted(e: Pick<SourceEvent, 'actors' | 'interaction'>): boolean {
  const targets = e.actors.filter((a) => a.role === 'actor2');
  if (targets.length > 0) {
    return targets.some((a) => CIVILIAN_NAME.test(a.name.trim()) || a.inter === CIVILIANS_INTER);
  }
  if (e.actors.some((a) => a.role === 'assoc_actor_2')) return false;
  const sides = splitInteraction(e.interaction);
  if (sides == null) return false;
  const [first, second] = sides;
  return second !== 0 && (first === CIVILIANS_INTER || second === CIVILIANS_INTER);
}

export function civilianHarmReason(e: SourceEvent): CivilianHarmReason | null {
  if (e.source === 'ucdp') {
    if (e.violenceType === 3) return 'ucdp_one_sided';
    return (e.civilianDeaths ?? 0) > 0 ? 'ucdp_civilian_deaths' : null;
  }
  if (e.civilianTargetingFlag === true) return 'civilian_targeting';
  // null: the layout lacks the column, so the older rule applies; false: the column is there and empty.
  if (e.civilianTargetingFlag === null && isViolenceAgainstCivilians(e)) return 'violence_against_civilians';
  if (civiliansTargeted(e)) return 'civilian_target_actor';
  return null;
}

function isViolenceAgainstCivilians(e: SourceEvent): boolean {
  return (
    canonicalEventType(e.eventType) === 'Violence against civilians' ||
    canonicalEventType(e.sourceEventType) === 'Violence against civilians'
  );
}

export function isCivilianHarm(e: SourceEvent): boolean {
  return civilianHarmReason(e) != null;
}

/** Civilian deaths of an event as vigie counts them (see the header); 0 outside the rule. */
export function civilianFatalitiesOf(
  e: SourceEvent,
  reason: CivilianHarmReason | null = civilianHarmReason(e),
): number {
  if (reason == null) return 0;
  if (e.source === 'ucdp') {
    if (e.civilianDeaths != null) return e.civilianDeaths;
    // Older GED releases and reduced files lack deaths_civilians; in one-sided violence every death is a civilian's.
    return reason === 'ucdp_one_sided' ? e.fatalities : 0;
  }
  return e.fatalities;
}

/** vigie's classification of an imported event: the one function importers and re-classification jobs call. */
export function classifyEvent(e: SourceEvent): EventClassification {
  const reason = civilianHarmReason(e);
  const civilianHarm = reason != null;
  const civilianFatalities = civilianFatalitiesOf(e, reason);
  const harmCategory = civilianHarm
    ? harmCategoryOf({
        source: e.source,
        eventType: e.eventType ?? e.sourceEventType,
        subEventType: e.subEventType,
        notes: e.notes,
        civilianFatalities,
      })
    : null;
  return {
    civilianHarm,
    civilianFatalities,
    harmCategory,
    perpetratorCategory: eventPerpetrator(e)?.category ?? null,
  };
}
