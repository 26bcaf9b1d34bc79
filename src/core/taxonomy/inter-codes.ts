import { labelKey } from './text.ts';

/**
 * ACLED "inter" codes: the type of each side of an event. Exports up to 2023 give them as digits (inter1 = 3);
 * newer exports give the label ("Political militia"), and the interaction as "Political militia-Civilians" instead
 * of 37. Both spellings are parsed here so that importers store one numeric form.
 */

export const INTER_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
export type InterCode = (typeof INTER_CODES)[number];

/** Stable keys (for i18n and URLs) of the inter codes; 0 means "no actor on this side". */
export const INTER_CODE_KEYS: Readonly<Record<InterCode, string>> = {
  0: 'none',
  1: 'state_forces',
  2: 'rebel_groups',
  3: 'political_militias',
  4: 'identity_militias',
  5: 'rioters',
  6: 'protesters',
  7: 'civilians',
  8: 'external_other_forces',
};

/** ACLED's own English labels, as the codebook and the post-2023 exports write them. */
export const INTER_CODE_LABELS: Readonly<Record<InterCode, string>> = {
  0: 'No actor',
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
};

export const CIVILIANS_INTER: InterCode = 7;

// Label spellings seen across codebook versions (singular/plural, "Ethnic militia" before 2019, "Communal militia").
const LABEL_TO_CODE: ReadonlyMap<string, InterCode> = new Map<string, InterCode>([
  ['state forces', 1],
  ['state force', 1],
  ['rebel group', 2],
  ['rebel groups', 2],
  ['rebels', 2],
  ['political militia', 3],
  ['political militias', 3],
  ['identity militia', 4],
  ['identity militias', 4],
  ['ethnic militia', 4],
  ['ethnic militias', 4],
  ['communal militia', 4],
  ['communal militias', 4],
  ['rioters', 5],
  ['rioter', 5],
  ['protesters', 6],
  ['protester', 6],
  ['civilians', 7],
  ['civilian', 7],
  ['external/other forces', 8],
  ['external/other force', 8],
  ['other forces', 8],
  ['external forces', 8],
]);

export function isInterCode(value: number): value is InterCode {
  return Number.isInteger(value) && value >= 0 && value <= 8;
}

/** "3", 3, " 3 ", "Political militia" → 3; "" and unknown labels → null. */
export function parseInterCode(raw: string | number | null | undefined): InterCode | null {
  if (raw == null) return null;
  if (typeof raw === 'number') return isInterCode(raw) ? raw : null;
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return isInterCode(n) ? n : null;
  }
  return LABEL_TO_CODE.get(labelKey(text)) ?? null;
}

/**
 * The two sides of an interaction code: 37 → [3, 7], 10 → [1, 0] (a one-sided event). ACLED writes the smaller
 * code first, so the pair says which kinds of actor met, not which one was actor1.
 */
export function splitInteraction(code: number | null | undefined): [InterCode, InterCode] | null {
  if (code == null || !Number.isInteger(code) || code < 0 || code > 88) return null;
  const first = Math.floor(code / 10);
  const second = code % 10;
  if (!isInterCode(first) || !isInterCode(second)) return null;
  return [first, second];
}

/** Interaction code from two inter codes, smaller first as ACLED writes it: (7, 3) → 37; (1, 0) → 10. */
export function interactionOf(a: InterCode, b: InterCode): number {
  if (a === 0 || b === 0) return Math.max(a, b) * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

/**
 * Parse the interaction column in either spelling: "37", 37, or "Political militia-Civilians" (post-2023
 * exports); "State forces only" style single labels give X0. Returns the numeric code or null.
 */
export function parseInteraction(raw: string | number | null | undefined): number | null {
  if (raw == null) return null;
  if (typeof raw === 'number') return splitInteraction(raw) ? raw : null;
  const text = raw.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    return splitInteraction(n) ? n : null;
  }
  const parts = text.replace(/\s+only$/i, '').split('-');
  const codes = parts.map((p) => parseInterCode(p));
  if (codes.length === 1 && codes[0] != null) return interactionOf(codes[0], 0);
  if (codes.length === 2 && codes[0] != null && codes[1] != null) return interactionOf(codes[0], codes[1]);
  return null;
}
