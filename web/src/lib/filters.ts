import { allOf, type ApiQuery } from './api-types.ts';

/** The filter parameters every event endpoint takes (GET /api/v1/stats: the filters and `lang`). */
type FilterQuery = ApiQuery<'/api/v1/stats'>;

/**
 * The shared filters of every page, kept in the URL query string so that links are shareable and the back
 * button works. Names and values are the API's (country, from, to, admin1, admin2, source, type, perpetrator,
 * civilianOnly), so a page's query string is passed to the API as it is.
 */
export const PERPETRATORS = allOf<NonNullable<FilterQuery['perpetrator']>>()([
  'state_forces',
  'foreign_state_partner',
  'self_defence_militia',
  'jihadist_group',
  'armed_signatory_group',
  'criminal',
  'unidentified',
  'other',
]);
export type Perpetrator = (typeof PERPETRATORS)[number];

export const HARM_CATEGORIES = [
  'killing',
  'violence',
  'abduction',
  'sexual_violence',
  'property',
  'displacement',
  'other',
] as const;

export const EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

export const SOURCES = allOf<NonNullable<FilterQuery['source']>>()(['acled', 'ucdp']);

export const FILTER_KEYS = allOf<Exclude<keyof FilterQuery, 'lang'>>()([
  'country',
  'from',
  'to',
  'admin1',
  'admin2',
  'source',
  'type',
  'perpetrator',
  'civilianOnly',
]);
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

const VALID: Record<FilterKey, (v: string) => boolean> = {
  country: (v) => /^[A-Za-z]{3}$/.test(v),
  from: (v) => /^\d{4}-\d{2}(-\d{2})?$/.test(v),
  to: (v) => /^\d{4}-\d{2}(-\d{2})?$/.test(v),
  admin1: (v) => v.length > 0 && v.length <= 100,
  admin2: (v) => v.length > 0 && v.length <= 20,
  source: (v) => (SOURCES as readonly string[]).includes(v),
  type: (v) => v.length > 0 && v.length <= 100,
  perpetrator: (v) => (PERPETRATORS as readonly string[]).includes(v),
  civilianOnly: (v) => v === 'true',
};

/** The filters a query string holds; values the API would refuse are dropped rather than sent. */
export function readFilters(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value !== undefined && value !== '' && VALID[key](value)) filters[key] = value;
  }
  return filters;
}

/** The query string of the filters alone (no leading "?"), in a stable order. */
export function filterQuery(filters: Filters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

export function hasFilters(filters: Filters): boolean {
  return FILTER_KEYS.some((k) => filters[k] !== undefined);
}

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const toIso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A YYYY-MM bound as the API reads it: the first day (from) or the last day (to) of the month. */
export function dayOf(value: string, edge: 'from' | 'to'): string {
  if (value.length === 10) return value;
  if (edge === 'from') return `${value}-01`;
  const last = new Date(Date.UTC(+value.slice(0, 4), +value.slice(5, 7), 0));
  return toIso(last.getTime());
}

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const start = toDay(from);
  const end = toDay(to);
  const length = end - start + DAY_MS;
  return { from: toIso(start - length), to: toIso(start - DAY_MS) };
}

/** The twelve months ending on `lastDate`, as a period. */
export function lastTwelveMonths(lastDate: string): { from: string; to: string } {
  const end = toDay(lastDate);
  const d = new Date(end);
  const start = Date.UTC(d.getUTCFullYear() - 1, d.getUTCMonth(), d.getUTCDate()) + DAY_MS;
  return { from: toIso(start), to: toIso(end) };
}
