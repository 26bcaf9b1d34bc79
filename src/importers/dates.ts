import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';

/**
 * Dates as the sources write them, read into ISO `YYYY-MM-DD`. Parsing is done by hand on character codes: these
 * functions run once per row of million-row files, where a regular expression per value is measurable.
 *
 * Accepted forms (surrounding spaces ignored):
 *   - ISO `2019-12-31`, optionally followed by a time (`T` or space, `HH:MM[:SS[.fff]]`, `Z` or an offset):
 *     ACLED API, UCDP GED releases (`2019-12-31 00:00:00.000`) and UCDP's API (`2019-12-31T00:00:00`);
 *   - an English month name between `-` or spaces: ACLED's `31 December 2019`, `31-December-2019`, `31-Dec-2019`;
 *   - slashed `31/12/2019` (ACLED 2016) or `12/31/2019 00:00:00` (UCDP web export), optionally with a time.
 * Slashed dates are ambiguous (is 01/02 the 1st of February or the 2nd of January?), so the caller says which order
 * the layout uses; nothing is guessed per row, where a file would silently mix the two readings.
 */
export type SlashOrder = 'dmy' | 'mdy';

/** Earliest accepted event date: the datasets vigie reads start in 1989 (UCDP) and 1997 (ACLED); 1946 leaves room. */
export const EARLIEST_DATE = '1946-01-01';

export interface DateBounds {
  min: string;
  max: string;
}

/**
 * Accepted date range given today's date (core is clock-free, so the caller passes it): from 1946 to one year after
 * today: generous enough for time zones and clocks that run ahead, strict enough to catch typed years (2091 for 2019).
 */
export function dateBounds(today: string): DateBounds {
  const parsed = parseSourceDate(today, 'dmy');
  if (parsed === null) throw new RangeError(`today must be a YYYY-MM-DD date, got "${today}"`);
  const year = Number(parsed.slice(0, 4)) + 1;
  // Lexical comparison of ISO strings is date order, so "2025-02-29" works as a bound even in a non-leap year.
  return { min: EARLIEST_DATE, max: `${year}${parsed.slice(4)}` };
}

/** English month names as ACLED writes them ("31 December 2019") and HDX names its months. */
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const MONTHS = new Map<string, number>();
ENGLISH_MONTHS.map((m) => m.toLowerCase()).forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});
MONTHS.set('sept', 9);

/** Month number of an English month name or abbreviation (any case), or 0. */
export function monthNumber(name: string): number {
  return MONTHS.get(name.trim().toLowerCase()) ?? 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Index after the run of digits starting at `i`. */
function digitsEnd(s: string, i: number, end: number): number {
  while (i < end && isDigit(s.charCodeAt(i))) i++;
  return i;
}

function intOf(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * True when `s[i..end)` is empty or a time of day: separator (`T` or spaces), `H:MM[:SS[.f…]]`, then optionally
 * `AM`/`PM`, `Z` or `±HH[:MM]`. Only the day is kept; times are checked so that "2019-01-01 garbage" is refused.
 */
function isTimeTail(s: string, i: number, end: number): boolean {
  if (i === end) return true;
  const sep = s.charCodeAt(i);
  if (sep !== 84 /* T */ && sep !== 32 /* space */) return false;
  i++;
  while (i < end && s.charCodeAt(i) === 32) i++;
  let j = digitsEnd(s, i, end);
  if (j - i < 1 || j - i > 2 || intOf(s, i, j) > 23) return false;
  for (let part = 0; part < 2 && j < end && s.charCodeAt(j) === 58 /* : */; part++) {
    const k = digitsEnd(s, j + 1, end);
    if (k - j - 1 !== 2 || intOf(s, j + 1, k) > 59) return false;
    j = k;
  }
  if (j < end && s.charCodeAt(j) === 46 /* . */) {
    const k = digitsEnd(s, j + 1, end);
    if (k === j + 1) return false;
    j = k;
  }
  while (j < end && s.charCodeAt(j) === 32) j++;
  if (j === end) return true;
  const rest = s.slice(j, end).toUpperCase();
  if (rest === 'Z' || rest === 'AM' || rest === 'PM') return true;
  const c = rest.charCodeAt(0);
  if (c !== 43 && c !== 45) return false; // + or -
  const digits = rest.slice(1).replace(':', '');
  return (
    (digits.length === 2 || digits.length === 4) && digitsEnd(digits, 0, digits.length) === digits.length
  );
}

/** Reads a date in any accepted form; null when it is not a real calendar date (31/02/2019) or not a date at all. */
export function parseSourceDate(value: string, slashOrder: SlashOrder): string | null {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 32) start++;
  while (end > start && value.charCodeAt(end - 1) <= 32) end--;
  const a = digitsEnd(value, start, end);
  if (a === start || a === end) return null;
  const sep = value.charCodeAt(a);

  // ISO: YYYY-MM-DD[time]
  if (a - start === 4 && sep === 45 /* - */ && isDigit(value.charCodeAt(a + 1))) {
    const b = digitsEnd(value, a + 1, end);
    if (b - a - 1 !== 2 || value.charCodeAt(b) !== 45) return null;
    const c = digitsEnd(value, b + 1, end);
    if (c - b - 1 !== 2 || !isTimeTail(value, c, end)) return null;
    const year = intOf(value, start, a);
    const month = intOf(value, a + 1, b);
    const day = intOf(value, b + 1, c);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    // Already in the output form: hand back the source's own characters (the common case of big files).
    return c - start === value.length ? value : value.slice(start, c);
  }
  if (a - start > 2) return null;

  // Slashed: D/M/YYYY or M/D/YYYY, by the layout's order
  if (sep === 47 /* / */) {
    const b = digitsEnd(value, a + 1, end);
    if (b - a - 1 < 1 || b - a - 1 > 2 || value.charCodeAt(b) !== 47) return null;
    const c = digitsEnd(value, b + 1, end);
    if (c - b - 1 !== 4 || !isTimeTail(value, c, end)) return null;
    const first = intOf(value, start, a);
    const second = intOf(value, a + 1, b);
    const year = intOf(value, b + 1, c);
    return slashOrder === 'dmy' ? isoOf(year, second, first) : isoOf(year, first, second);
  }

  // Month name: D Month YYYY, D-Month-YYYY
  if (sep === 32 || sep === 45) {
    let m = a + 1;
    while (m < end && value.charCodeAt(m) === 32) m++;
    let n = m;
    while (n < end && value.charCodeAt(n) !== 32 && value.charCodeAt(n) !== 45) n++;
    const month = MONTHS.get(value.slice(m, n).toLowerCase());
    if (month === undefined || n === end) return null;
    let y = n + 1;
    while (y < end && value.charCodeAt(y) === 32) y++;
    const c = digitsEnd(value, y, end);
    if (c - y !== 4 || c !== end) return null;
    return isoOf(intOf(value, y, c), month, intOf(value, start, a));
  }
  return null;
}

/** `YYYY-MM-DD` or `YYYY-MM` (month-level facts such as Geo-PKO's first month seen); null when neither. */
export function parseDayOrMonth(value: string): string | null {
  const v = value.trim();
  if (v.length === 7 && v.charCodeAt(4) === 45 && digitsEnd(v, 0, 4) === 4 && digitsEnd(v, 5, 7) === 7) {
    const month = intOf(v, 5, 7);
    return month >= 1 && month <= 12 ? v : null;
  }
  // Only the ISO form: bases files are written by hand, and a slashed date there has no layout to disambiguate it.
  return v.length >= 10 && v.charCodeAt(4) === 45 ? parseSourceDate(v, 'dmy') : null;
}

/**
 * Parses a required date cell and records what is wrong with it: REQUIRED_VALUE_MISSING when empty,
 * DATE_INVALID when unreadable or impossible, DATE_OUT_OF_RANGE outside `bounds`. Returns the ISO date or null.
 */
export function readDate(
  value: string | undefined,
  row: number,
  column: string,
  slashOrder: SlashOrder,
  bounds: DateBounds,
  issues: RowIssue[],
): string | null {
  if (value === undefined || value.trim() === '') {
    issues.push(issue(row, column, 'REQUIRED_VALUE_MISSING'));
    return null;
  }
  const date = parseSourceDate(value, slashOrder);
  if (date === null) {
    issues.push(issue(row, column, 'DATE_INVALID', { value }));
    return null;
  }
  if (date < bounds.min || date > bounds.max) {
    issues.push(issue(row, column, 'DATE_OUT_OF_RANGE', { value, min: bounds.min, max: bounds.max }));
    return null;
  }
  return date;
}
