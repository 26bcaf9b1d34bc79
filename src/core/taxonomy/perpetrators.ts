import type { EventActor, PerpetratorCategory, SourceEvent } from '../event.ts';
import { parseInterCode } from './inter-codes.ts';
import type { InterCode } from './inter-codes.ts';
import { PERPETRATOR_RULES } from './perpetrator-rules.ts';
import { cleanText, labelKey } from './text.ts';

/**
 * Actor → vigie perpetrator category: the named rules of perpetrator-rules.ts first, then the ACLED inter code
 * when no rule knows the name. The inter code alone is a weak guide (ACLED gives Dan Na Ambassagou 3 or 4, and
 * inter 3 holds both jihadist cells and unidentified gunmen), so it is only the fallback.
 */

export interface ActorContext {
  /** ISO 3166-1 alpha-3 of the event's country. */
  country?: string | null;
  /** The event's country as the source writes it ("Mali"). */
  countryName?: string | null;
}

export interface ActorClassification {
  category: PerpetratorCategory;
  /** Id of the rule that decided, e.g. "jnim", "state-forces", or "fallback-inter-3" / "fallback-unmatched". */
  ruleId: string;
  reason: string;
  /** False for victims and bystanders (civilians, protesters, aid workers, parties). */
  perpetrator: boolean;
  /** True when no named rule matched and the inter code (or nothing) decided. */
  fallback: boolean;
}

// Names ACLED and UCDP give the countries of the region and of the forces deployed in it. Used only when the
// event's country is known by ISO3 and not by name; comparing names is the primary test.
const COUNTRY_ISO3: ReadonlyMap<string, string> = new Map([
  ['mali', 'MLI'],
  ['burkina faso', 'BFA'],
  ['niger', 'NER'],
  ['mauritania', 'MRT'],
  ['algeria', 'DZA'],
  ['chad', 'TCD'],
  ['senegal', 'SEN'],
  ['guinea', 'GIN'],
  ['ivory coast', 'CIV'],
  ["cote d'ivoire", 'CIV'],
  ["côte d'ivoire", 'CIV'],
  ['nigeria', 'NGA'],
  ['togo', 'TGO'],
  ['benin', 'BEN'],
  ['ghana', 'GHA'],
  ['libya', 'LBY'],
  ['morocco', 'MAR'],
  ['cameroon', 'CMR'],
  ['gambia', 'GMB'],
  ['guinea-bissau', 'GNB'],
  ['france', 'FRA'],
  ['russia', 'RUS'],
  ['united states', 'USA'],
  ['united kingdom', 'GBR'],
  ['germany', 'DEU'],
]);

/** Is `actorCountry` (from "Military Forces of X") the event's country? Unknown context counts as domestic. */
export function isSameCountry(actorCountry: string, context: ActorContext): boolean {
  const key = labelKey(actorCountry);
  const contextName = cleanText(context.countryName);
  if (contextName != null) return labelKey(contextName) === key;
  if (context.country != null && context.country !== '')
    return COUNTRY_ISO3.get(key) === context.country.toUpperCase();
  return true;
}

function fromInter(inter: InterCode | null, name: string, context: ActorContext): ActorClassification {
  const base = { fallback: true, ruleId: `fallback-inter-${inter ?? 'none'}` };
  switch (inter) {
    case 1: {
      // "(Country)" suffix or "of Country" tells whose forces these are; without one, assume the event's own.
      // Period suffixes such as "(2013-)" are not countries, hence the digit test.
      const candidates = [
        /\(([^()]+)\)\s*$/.exec(name)?.[1],
        / of (?:the )?([^()]+?)\s*(?:\(|$)/i.exec(name)?.[1],
      ];
      const country = candidates.find((c) => c != null && !/\d/.test(c));
      const domestic = country == null || isSameCountry(country, context);
      return {
        ...base,
        category: domestic ? 'state_forces' : 'foreign_state_partner',
        perpetrator: true,
        reason: 'Unknown name with ACLED inter 1 (state forces).',
      };
    }
    case 2:
      return {
        ...base,
        category: 'unidentified',
        perpetrator: true,
        reason: 'Unknown rebel group (inter 2): jihadist or signatory cannot be told from the code.',
      };
    case 3:
      return {
        ...base,
        category: 'unidentified',
        perpetrator: true,
        reason:
          'Unknown political militia (inter 3): ACLED puts jihadist cells and unknown gunmen alike here.',
      };
    case 4:
      return {
        ...base,
        category: 'self_defence_militia',
        perpetrator: true,
        reason: 'Unknown identity militia (inter 4): community militias.',
      };
    case 5:
      return { ...base, category: 'other', perpetrator: true, reason: 'Rioters (inter 5).' };
    case 6:
    case 7:
    case 0:
      return { ...base, category: 'other', perpetrator: false, reason: 'Protesters, civilians or no actor.' };
    case 8:
      return {
        ...base,
        category: 'other',
        perpetrator: true,
        reason: 'Unknown external/other force (inter 8): a foreign army, the UN or private guards alike.',
      };
    case null:
      return {
        ...base,
        ruleId: 'fallback-unmatched',
        category: 'other',
        perpetrator: true,
        reason: 'Name unknown to the crosswalk and no inter code.',
      };
  }
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, ActorClassification>();

/**
 * Category of one actor. `inter` is the ACLED inter code of the actor's side (null for UCDP); `context` is the
 * event's country, which decides whether "Military Forces of X" are the state's own or a foreign partner.
 */
export function classifyActor(
  rawName: string,
  inter: number | string | null = null,
  context: ActorContext = {},
): ActorClassification {
  const name = cleanText(rawName) ?? '';
  const code = parseInterCode(inter);
  const memoKey = `${name}\u0000${code ?? ''}\u0000${context.country ?? ''}\u0000${context.countryName ?? ''}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const result = classifyUncached(name, code, context);
  // Actor vocabularies are small (a few hundred names per country); the cap only guards against hostile input.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(memoKey, result);
  return result;
}

function classifyUncached(name: string, code: InterCode | null, context: ActorContext): ActorClassification {
  for (const r of PERPETRATOR_RULES) {
    const match = r.pattern.exec(name);
    if (match == null) continue;
    let category = r.category;
    if (r.byCountry) {
      const country = match.groups?.['country'] ?? match.groups?.['country2'];
      if (country != null && !isSameCountry(country, context)) category = 'foreign_state_partner';
    }
    return { category, ruleId: r.id, reason: r.reason, perpetrator: r.perpetrator, fallback: false };
  }
  return fromInter(code, name, context);
}

const PRIMARY_ROLES: ReadonlySet<EventActor['role']> = new Set(['actor1', 'side_a']);

/**
 * The perpetrator vigie attributes an event to: the first actor1 (ACLED) or side_a (UCDP) that can be one.
 * Monadic ACLED files list every actor as actor1, victims included, hence "first that can be one"; when only
 * victims are named (e.g. a displacement report with civilians alone) the result is their `other` category.
 * UCDP caveat: in state-based and non-state events side_a is not necessarily who killed the civilians.
 */
export function eventPerpetrator(
  e: Pick<SourceEvent, 'actors' | 'country' | 'countryName'>,
): ActorClassification | null {
  const context: ActorContext = { country: e.country, countryName: e.countryName };
  let firstPrimary: ActorClassification | null = null;
  for (const actor of e.actors) {
    if (!PRIMARY_ROLES.has(actor.role)) continue;
    const c = classifyActor(actor.name, actor.inter, context);
    if (c.perpetrator) return c;
    firstPrimary ??= c;
  }
  return firstPrimary;
}
