import { ARMED_GROUP_RULES } from './actor-rules-armed-groups.ts';
import { FORCES_RULES, NON_COMBATANT_RULES } from './actor-rules-forces.ts';
import type { PerpetratorRule } from './actor-rule.ts';

export type { PerpetratorRule } from './actor-rule.ts';

/**
 * The actor-name crosswalk: ordered rules, first match wins. Built from every distinct actor1/actor2/assoc_actor
 * name in the three ACLED Mali exports (1997–2019) and the Mali rows of the 2016 Africa file, plus the side names
 * UCDP uses for Mali's conflicts. Order matters where labels overlap: non-armed identity groups ("Fulani Ethnic
 * Group") before militias ("Fulani Ethnic Militia"); ACLED's mislabelled "GMA" before the Azawad movements; named
 * groups before the generic "… Militia" and "Unidentified …" rules. Hence one list, in this order: victims and
 * bystanders, state and foreign forces, then armed groups and the unidentified.
 */
export const PERPETRATOR_RULES: readonly PerpetratorRule[] = [
  ...NON_COMBATANT_RULES,
  ...FORCES_RULES,
  ...ARMED_GROUP_RULES,
];
