import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';

/**
 * Counts and coordinates read from text cells. `Number()` alone is too lenient for source data ("" is 0, "0x1A"
 * is 26, "1e3" is 1000), so each function checks the characters first, by hand, without regular expressions
 * (they run on every row of million-row files).
 */

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

/** True when the cell is absent, empty or only spaces. */
export function isBlank(value: string | undefined): boolean {
  if (value === undefined || value.length === 0) return true;
  for (let i = 0; i < value.length; i++) if (!isBlankCode(value.charCodeAt(i))) return false;
  return true;
}

/**
 * A non-negative whole number: "12", " 3 ", and "12.0" (spreadsheets and pandas write counts as floats).
 * Null for anything else: negatives, fractions ("2.5"), signs, exponents, thousands separators, words.
 */
export function parseCount(value: string): number | null {
  let start = 0;
  let end = value.length;
  while (start < end && isBlankCode(value.charCodeAt(start))) start++;
  while (end > start && isBlankCode(value.charCodeAt(end - 1))) end--;
  let n = 0;
  let i = start;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  if (i === start || i - start > 15) return null;
  if (i < end) {
    if (value.charCodeAt(i) !== 46 /* . */) return null;
    for (i++; i < end; i++) if (value.charCodeAt(i) !== 48) return null; // only "12.0", "12.00"
  }
  return n;
}

/**
 * A decimal coordinate: optional sign, digits with at most one point, optionally an exponent (JSON numbers turned
 * to text may read "1e-7"). A comma is refused rather than read as a decimal mark: "12,5" in an English-locale
 * export means the file was re-saved by a spreadsheet in another locale, and the other columns may be damaged too.
 */
export function parseCoordinate(value: string): number | null {
  let start = 0;
  let end = value.length;
  while (start < end && isBlankCode(value.charCodeAt(start))) start++;
  while (end > start && isBlankCode(value.charCodeAt(end - 1))) end--;
  if (start === end) return null;
  let i = start;
  const first = value.charCodeAt(i);
  const negative = first === 45;
  if (negative || first === 43) i++;
  // Digits are gathered into one integer `mantissa` with `decimals` digits after the point. While it stays below
  // 2^53 and decimals ≤ 22, mantissa / 10^decimals is the correctly rounded value, i.e. exactly what Number()
  // gives (the classic fast path of decimal parsing), without the slice and the second scan.
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 && decimals < 0) decimals = 0;
    else break;
  }
  if (digits === 0) return null;
  if (i === end) {
    if (digits <= 15 && decimals <= 22) {
      const n = decimals > 0 ? mantissa / (POW10[decimals] as number) : mantissa;
      return negative ? -n : n;
    }
    const n = Number(value.slice(start, end));
    return Number.isFinite(n) ? n : null;
  }
  const e = value.charCodeAt(i);
  if (e !== 101 && e !== 69) return null; // e / E
  i++;
  const sign = value.charCodeAt(i);
  if (sign === 43 || sign === 45) i++;
  const expStart = i;
  while (i < end && value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) i++;
  if (i === expStart || i !== end) return null;
  const n = Number(value.slice(start, end));
  return Number.isFinite(n) ? n : null;
}

const POW10: number[] = [];
for (let k = 0; k <= 22; k++) POW10.push(10 ** k);

/**
 * Reads a required count cell and records what is wrong: REQUIRED_VALUE_MISSING when empty, NUMBER_INVALID
 * (with the value) when not a whole number ≥ 0. Returns the count, or null after recording an issue.
 */
export function readCount(
  value: string | undefined,
  row: number,
  column: string,
  issues: RowIssue[],
): number | null {
  if (value === undefined || isBlank(value)) {
    issues.push(issue(row, column, 'REQUIRED_VALUE_MISSING'));
    return null;
  }
  const n = parseCount(value);
  if (n === null) issues.push(issue(row, column, 'NUMBER_INVALID', { value }));
  return n;
}

/** An optional count: null when empty, NUMBER_INVALID recorded (and null) when present but not a count. */
export function readOptionalCount(
  value: string | undefined,
  row: number,
  column: string,
  issues: RowIssue[],
): number | null {
  if (value === undefined || isBlank(value)) return null;
  const n = parseCount(value);
  if (n === null) issues.push(issue(row, column, 'NUMBER_INVALID', { value }));
  return n;
}

export interface LatLon {
  latitude: number;
  longitude: number;
}

/**
 * Reads the latitude/longitude pair: REQUIRED_VALUE_MISSING, COORDINATES_INVALID (not numbers, comma decimals)
 * or COORDINATES_OUT_OF_RANGE (|lat| > 90, |lon| > 180), each on the column at fault. Null after any issue.
 */
export function readLatLon(
  latText: string | undefined,
  lonText: string | undefined,
  row: number,
  latColumn: string,
  lonColumn: string,
  issues: RowIssue[],
): LatLon | null {
  const latitude = readCoordinate(latText, row, latColumn, 90, issues);
  const longitude = readCoordinate(lonText, row, lonColumn, 180, issues);
  return latitude === null || longitude === null ? null : { latitude, longitude };
}

/** One coordinate cell checked against ±limit (90 for latitude, 180 for longitude); null after an issue. */
export function readCoordinate(
  value: string | undefined,
  row: number,
  column: string,
  limit: number,
  issues: RowIssue[],
): number | null {
  if (value === undefined || isBlank(value)) {
    issues.push(issue(row, column, 'REQUIRED_VALUE_MISSING'));
    return null;
  }
  const n = parseCoordinate(value);
  if (n === null) {
    issues.push(issue(row, column, 'COORDINATES_INVALID', { value }));
    return null;
  }
  if (n < -limit || n > limit) {
    issues.push(issue(row, column, 'COORDINATES_OUT_OF_RANGE', { value }));
    return null;
  }
  return n;
}
