import { deriveDisorderType, normalizeAcledEventType } from '../core/taxonomy/acled-event-types.ts';
import type { AcledTypeResult } from '../core/taxonomy/acled-event-types.ts';
import { parseInterCode, parseInteraction } from '../core/taxonomy/inter-codes.ts';
import type { InterCode } from '../core/taxonomy/inter-codes.ts';

/**
 * Per-file memo in front of the taxonomy's crosswalk (core/taxonomy/acled-event-types.ts). The crosswalk
 * normalises labels with Unicode folding and regular expressions; a file holds a dozen distinct types, so each
 * (type, sub-type) pair is worked out once instead of once per row of a million-row file.
 */
export interface AcledTypes {
  eventType: string | null;
  subEventType: string | null;
  disorderType: string | null;
  /** The source's type was not recognised (kept verbatim, with a warning). */
  unknown: boolean;
}

const SEP = '\u0001';

export class AcledTypeMemo {
  private readonly bySourceType = new Map<string, AcledTypeResult | 'sides'>();

  /**
   * Current vocabulary for a row. Unknown types are kept verbatim in `eventType` (nothing is lost; the warning
   * says why). The old "Riots/Protests" depends on the sides and the deaths, so it is never memoised.
   */
  resolve(
    sourceType: string | null,
    sourceSubType: string | null,
    sourceDisorder: string | null,
    side1: InterCode,
    side2: InterCode,
    fatalities: number,
  ): AcledTypes {
    const key = (sourceType ?? '') + SEP + (sourceSubType ?? '');
    let hit = this.bySourceType.get(key);
    if (hit === undefined) {
      const probe = normalizeAcledEventType({
        eventType: sourceType,
        subEventType: sourceSubType,
        sides: [1, 0],
        fatalities: 0,
      });
      hit =
        probe.legacy && probe.subEventInferred !== undefined && isRiotsOrProtests(probe) ? 'sides' : probe;
      this.bySourceType.set(key, hit);
    }
    const sides: InterCode[] = [side1, side2];
    const result =
      hit === 'sides'
        ? normalizeAcledEventType({ eventType: sourceType, subEventType: sourceSubType, sides, fatalities })
        : hit;
    const eventType = result.eventType ?? sourceType;
    const subEventType = result.subEventType ?? sourceSubType;
    const disorderType =
      sourceDisorder !== null
        ? sourceDisorder
        : (canonicalDisorderType(sourceDisorder) ??
          deriveDisorderType(result.eventType, result.subEventType, sides));
    return {
      eventType,
      subEventType,
      disorderType,
      unknown: result.eventType === null && sourceType !== null,
    };
  }
}

/** The legacy riots/protests entry is the only one whose current type is Protests or Riots. */
function isRiotsOrProtests(r: AcledTypeResult): boolean {
  return r.legacy && (r.eventType === 'Protests' || r.eventType === 'Riots');
}

/**
 * Inter code of a cell: digits (to 2023) or ACLED's label (newer exports), through the taxonomy. A single digit, by
 * far the most common cell, takes a fast path. 0 means "no actor"; null means unreadable.
 */
export function interOf(text: string | null): InterCode | null {
  if (text === null) return 0;
  if (text.length === 1) {
    const c = text.charCodeAt(0) - 48;
    if (c >= 0 && c <= 8) return c as InterCode;
  }
  return parseInterCode(text);
}

/** Interaction code of a cell ("37" or "Political militia-Civilians"); fast path for two digits. */
export function interactionOf(text: string | null): number | null {
  if (text === null) return null;
  if (text.length === 2) {
    const a = text.charCodeAt(0) - 48;
    const b = text.charCodeAt(1) - 48;
    if (a >= 0 && a <= 8 && b >= 0 && b <= 8) return a * 10 + b;
  }
  return parseInteraction(text);
}
