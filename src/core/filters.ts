import type { EventSource, PerpetratorCategory } from './event.ts';

/** The shared filters of every command and endpoint (DESIGN §6). All optional; absent means "all". */
export interface EventFilter {
  country?: string; // ISO3
  from?: string; // YYYY-MM-DD inclusive
  to?: string; // YYYY-MM-DD inclusive
  /** An OCHA P-code (ML05), a Natural Earth code (ML-MO) or a region name as the source writes it. */
  admin1?: string;
  admin2?: string;
  source?: EventSource;
  /** Event type in the current ACLED vocabulary, e.g. "Violence against civilians". */
  type?: string;
  perpetrator?: PerpetratorCategory;
  civilianOnly?: boolean;
}

export type Admin1Reference =
  { kind: 'pcode'; value: string } | { kind: 'ne'; value: string } | { kind: 'name'; value: string };

/** Tells what kind of admin-1 reference the user gave, so the query matches the right column. */
export function admin1Reference(value: string): Admin1Reference {
  const v = value.trim();
  if (/^[A-Z]{2}\d{2}$/i.test(v)) return { kind: 'pcode', value: v.toUpperCase() };
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/i.test(v)) return { kind: 'ne', value: v.toUpperCase() };
  return { kind: 'name', value: v };
}
