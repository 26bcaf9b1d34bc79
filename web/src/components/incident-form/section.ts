import type { IncidentFormState } from '../../lib/incident-form-state.ts';

/** What each section of the incident form receives: the whole form and a way to change part of it. */
export interface SectionProps {
  form: IncidentFormState;
  patch: (change: Partial<IncidentFormState>) => void;
}

/** Replaces row `key` of a list with `change` applied. */
export function updateRow<T extends { key: string }>(rows: T[], key: string, change: Partial<T>): T[] {
  return rows.map((r) => (r.key === key ? { ...r, ...change } : r));
}
