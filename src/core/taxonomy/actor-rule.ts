import type { PerpetratorCategory } from '../event.ts';

/**
 * One rule of the actor-name crosswalk (perpetrator-rules.ts). `id` is stable, so it can be stored beside the
 * category and serve as the normalised group name for analyses finer than the category (e.g. MINUSMA in `other`).
 */
export interface PerpetratorRule {
  id: string;
  pattern: RegExp;
  category: PerpetratorCategory;
  /** Can this actor be the one who harms civilians? False for civilians, protesters, aid workers, parties. */
  perpetrator: boolean;
  /** The pattern captures `country`; forces of another country than the event's are `foreign_state_partner`. */
  byCountry?: boolean;
  reason: string;
}

/** Builds one crosswalk rule; `perpetrator` defaults to true, `byCountry` to false. */
export const rule = (
  id: string,
  category: PerpetratorCategory,
  pattern: RegExp,
  reason: string,
  options: { perpetrator?: boolean; byCountry?: boolean } = {},
): PerpetratorRule => ({
  id,
  pattern,
  category,
  reason,
  perpetrator: options.perpetrator ?? true,
  ...(options.byCountry ? { byCountry: true } : {}),
});
