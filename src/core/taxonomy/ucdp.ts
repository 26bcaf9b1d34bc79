import type { PerpetratorCategory } from '../event.ts';
import { classifyActor } from './perpetrators.ts';
import type { ActorClassification, ActorContext } from './perpetrators.ts';
import { cleanText } from './text.ts';

/**
 * UCDP GED vocabulary: the type of violence, and the side names of Mali's conflicts mapped to vigie's perpetrator
 * categories through the same rules as ACLED's actor names (perpetrators.ts), so that a trend "by perpetrator"
 * means the same thing for both sources.
 */

export const UCDP_VIOLENCE_TYPES = {
  1: 'state-based',
  2: 'non-state',
  3: 'one-sided',
} as const;
export type UcdpViolenceType = keyof typeof UCDP_VIOLENCE_TYPES;
export type UcdpViolenceTypeName = (typeof UCDP_VIOLENCE_TYPES)[UcdpViolenceType];

/** "3", 3 → 3; the names ("one-sided", "One-sided violence") too; anything else → null. */
export function parseUcdpViolenceType(raw: string | number | null | undefined): UcdpViolenceType | null {
  if (raw == null) return null;
  const text = String(raw).trim().toLowerCase();
  if (text === '1' || text.startsWith('state-based') || text.startsWith('state based')) return 1;
  if (text === '2' || text.startsWith('non-state') || text.startsWith('non state')) return 2;
  if (text === '3' || text.startsWith('one-sided') || text.startsWith('one sided')) return 3;
  return null;
}

/** The event type vigie stores for a UCDP event: "state-based", "non-state" or "one-sided". */
export function ucdpViolenceTypeName(code: number | null | undefined): UcdpViolenceTypeName | null {
  return code === 1 || code === 2 || code === 3 ? UCDP_VIOLENCE_TYPES[code] : null;
}

/** A GED side name (side_a or side_b). UCDP gives no inter code, so the named rules alone decide. */
export function classifyUcdpSide(name: string, context: ActorContext = {}): ActorClassification {
  return classifyActor(name, null, context);
}

/** GED dyad/conflict names "Government of Mali - JNIM" → ["Government of Mali", "JNIM"]. */
export function splitUcdpDyad(dyadName: string): [string, string] | null {
  const parts = dyadName.split(/\s+-\s+/);
  if (parts.length !== 2) return null;
  const [a, b] = parts.map((p) => cleanText(p));
  return a != null && b != null ? [a, b] : null;
}

/**
 * Side names of Mali's UCDP dyads (state-based, non-state, one-sided) as UCDP spells its actors, with the category
 * vigie gives them. Written from UCDP's actor naming, not read from a GED file: the reduced GED in ../shared has no
 * actor columns. A test runs each through the rules, so a rule change that moves one shows up.
 */
export const UCDP_MALI_SIDES: ReadonlyArray<{ name: string; category: PerpetratorCategory }> = [
  { name: 'Government of Mali', category: 'state_forces' },
  { name: 'Government of France', category: 'foreign_state_partner' },
  { name: 'Government of Burkina Faso', category: 'foreign_state_partner' },
  { name: 'Government of Niger', category: 'foreign_state_partner' },
  { name: 'Wagner Group', category: 'foreign_state_partner' },
  { name: 'JNIM', category: 'jihadist_group' },
  { name: 'AQIM', category: 'jihadist_group' },
  { name: 'Ansar Dine', category: 'jihadist_group' },
  { name: 'MUJAO', category: 'jihadist_group' },
  { name: 'FLM', category: 'jihadist_group' },
  { name: 'al-Mourabitoun', category: 'jihadist_group' },
  { name: 'Ansarul Islam', category: 'jihadist_group' },
  { name: 'IS', category: 'jihadist_group' },
  { name: 'IS Sahel', category: 'jihadist_group' },
  { name: 'ISGS', category: 'jihadist_group' },
  { name: 'CMA', category: 'armed_signatory_group' },
  { name: 'MNLA', category: 'armed_signatory_group' },
  { name: 'HCUA', category: 'armed_signatory_group' },
  { name: 'MAA', category: 'armed_signatory_group' },
  { name: 'GATIA', category: 'armed_signatory_group' },
  { name: 'MSA', category: 'armed_signatory_group' },
  { name: 'Platform', category: 'armed_signatory_group' },
  { name: 'CPA', category: 'armed_signatory_group' },
  { name: 'ATNMC', category: 'armed_signatory_group' },
  { name: 'MPA', category: 'armed_signatory_group' },
  { name: 'FIAA', category: 'armed_signatory_group' },
  { name: 'ARLA', category: 'armed_signatory_group' },
  { name: 'FPLA', category: 'armed_signatory_group' },
  { name: 'Ganda Iso', category: 'self_defence_militia' },
  { name: 'Ganda Koy', category: 'self_defence_militia' },
  { name: 'Dan Na Ambassagou', category: 'self_defence_militia' },
  { name: 'Dozo', category: 'self_defence_militia' },
  { name: 'Dogon', category: 'self_defence_militia' },
  { name: 'Fulani', category: 'self_defence_militia' },
  { name: 'Bambara', category: 'self_defence_militia' },
  { name: 'Civilians', category: 'other' },
];
