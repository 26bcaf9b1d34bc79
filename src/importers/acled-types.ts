import { deriveDisorderType, normalizeAcledEventType } from '../core/taxonomy/acled-event-types.ts';
import { parseInterCode, parseInteraction } from '../core/taxonomy/inter-codes.ts';
import type { InterCode } from '../core/taxonomy/inter-codes.ts';

/**
 * Per-file memo in front of the taxonomy's crosswalk (core/taxonomy/acled-event-types.ts). The crosswalk
 * normalises labels with Unicode folding and regular expressions; a file holds a few dozen distinct
 * (type, sub-type) pairs, so each is worked out once instead of once per row of a million-row file.
 */
export interface AcledTypes {
  eventType: string | null;
  subEventType: string | null;
  /** Derived from the codebook; the caller prefers the file's own `disorder_type` when it has one. */
  disorderType: string | null;
  /** The source's type was not recognised (kept verbatim, with a warning). */
  unknown: boolean;
}

interface Entry extends AcledTypes {
  /** The answer depends on the sides (the old "Riots/Protests", mob violence's disorder type): not reusable. */
  bySides: boolean;
}

export class AcledTypeMemo {
  // Two levels (type → sub-type → entry) rather than one concatenated key: no string is built per row.
  private readonly byType = new Map<string | null, Map<string | null, Entry>>();

  /** Current vocabulary for a row. Unknown types are kept verbatim in `eventType` (nothing is lost). */
  resolve(
    sourceType: string | null,
    sourceSubType: string | null,
    side1: InterCode,
    side2: InterCode,
    fatalities: number,
  ): AcledTypes {
    let bySub = this.byType.get(sourceType);
    if (bySub === undefined) {
      bySub = new Map();
      this.byType.set(sourceType, bySub);
    }
    let entry = bySub.get(sourceSubType);
    if (entry === undefined) {
      entry = compute(sourceType, sourceSubType, [1, 0], 0);
      const probe = entry.eventType;
      entry.bySides =
        (probe === 'Protests' || probe === 'Riots') &&
        normalizeAcledEventType({
          eventType: sourceType,
          subEventType: sourceSubType,
          sides: [1, 0],
          fatalities: 0,
        }).legacy;
      // Mob violence by rioters is "Political violence; Demonstrations", by others "Demonstrations".
      if (entry.subEventType === 'Mob violence') entry.bySides = true;
      bySub.set(sourceSubType, entry);
    }
    return entry.bySides ? compute(sourceType, sourceSubType, [side1, side2], fatalities) : entry;
  }
}

function compute(
  sourceType: string | null,
  sourceSubType: string | null,
  sides: InterCode[],
  fatalities: number,
): Entry {
  const r = normalizeAcledEventType({
    eventType: sourceType,
    subEventType: sourceSubType,
    sides,
    fatalities,
  });
  return {
    eventType: r.eventType ?? sourceType,
    subEventType: r.subEventType ?? sourceSubType,
    disorderType: deriveDisorderType(r.eventType, r.subEventType, sides),
    unknown: r.eventType === null && sourceType !== null,
    bySides: false,
  };
}

/**
 * Labels seen so far ("Political militia", "Political militia-Civilians" in post-2023 exports) with their codes.
 * The taxonomy's parsers normalise with regular expressions; a file holds a handful of labels, so each is parsed
 * once. Bounded, in case a broken file fills the column with free text.
 */
const LABEL_MEMO_LIMIT = 512;
const interLabels = new Map<string, InterCode | null>();
const interactionLabels = new Map<string, number | null>();

function memo<T>(cache: Map<string, T>, key: string, parse: (text: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  const value = parse(key);
  if (cache.size < LABEL_MEMO_LIMIT) cache.set(key, value);
  return value;
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
  return memo(interLabels, text, parseInterCode);
}

/** Interaction code of a cell ("37" or "Political militia-Civilians"); fast path for two digits. */
export function interactionOf(text: string | null): number | null {
  if (text === null) return null;
  if (text.length === 2) {
    const a = text.charCodeAt(0) - 48;
    const b = text.charCodeAt(1) - 48;
    if (a >= 0 && a <= 8 && b >= 0 && b <= 8) return a * 10 + b;
  }
  return memo(interactionLabels, text, parseInteraction);
}
