import { VigieError } from '../core/errors.ts';
import { issue } from '../core/issues.ts';

/**
 * Columns are found by name, never by position: exports of one source reorder, add and drop columns between
 * vintages (ACLED added `disorder_type` in 2021, pandas prepends an unnamed index, UCDP's web export reorders
 * everything). Names compare trimmed and case-insensitively (ACLED 2016 wrote them in capitals). The lookup is
 * done once per file; rows are then read by index.
 */
export class HeaderIndex {
  /** Names as written, for RowIssue.column. */
  readonly names: readonly string[];
  private readonly positions = new Map<string, number>();
  private readonly duplicates = new Set<string>();

  constructor(header: readonly string[]) {
    this.names = header;
    header.forEach((name, i) => {
      const key = normaliseColumnName(name);
      // Unnamed columns (the pandas index, the trailing empty fields of ACLED 2016 and UCDP web exports) are
      // never mapped, so they can neither be required nor collide.
      if (key === '') return;
      if (this.positions.has(key)) this.duplicates.add(key);
      else this.positions.set(key, i);
    });
  }

  has(name: string): boolean {
    return this.positions.has(name);
  }

  /**
   * Position of the first of `aliases` present, or -1. A mapped column that appears twice is ambiguous (which one
   * holds the value?), so the whole file is rejected rather than one of them picked silently.
   */
  find(...aliases: string[]): number {
    for (const alias of aliases) {
      const i = this.positions.get(alias);
      if (i === undefined) continue;
      if (this.duplicates.has(alias)) {
        throw new VigieError('INPUT_REJECTED', { column: this.names[i] }, [
          issue(0, this.names[i] ?? alias, 'HEADER_DUPLICATE_COLUMN', { column: this.names[i] ?? alias }),
        ]);
      }
      return i;
    }
    return -1;
  }

  /** Name of column `i` as written, or the fallback for absent columns. */
  nameOf(i: number, fallback: string): string {
    return i >= 0 ? (this.names[i] ?? fallback) : fallback;
  }
}

export function normaliseColumnName(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Rejects a file whose header lacks columns the layout needs. `required` lists groups of alternatives: the group
 * is satisfied when any of its names is present, and reported by its names joined with "|".
 */
export function requireColumns(
  header: HeaderIndex,
  layout: string,
  required: ReadonlyArray<readonly string[]>,
): void {
  const missing = required.filter((group) => !group.some((name) => header.has(name))).map((g) => g.join('|'));
  if (missing.length === 0) return;
  throw new VigieError('INPUT_REJECTED', { layout, missing }, [
    issue(0, null, 'HEADER_MISSING_COLUMNS', { columns: missing.join(', '), layout }),
  ]);
}

/**
 * The cell at `i` kept verbatim, or null when the column is absent or the cell empty or only spaces. Source text
 * (names, notes, places) is not trimmed or re-cased: vigie stores what the source published.
 */
export function textAt(values: readonly string[], i: number): string | null {
  if (i < 0) return null;
  const v = values[i];
  if (v === undefined || v.length === 0) return null;
  // Fast path: a value that starts and ends with a visible character is not blank.
  if (v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32) return v;
  return v.trim() === '' ? null : v;
}

/** The cell at `i` trimmed (identifiers, codes), or null when absent or blank. */
export function codeAt(values: readonly string[], i: number): string | null {
  if (i < 0) return null;
  const v = values[i];
  if (v === undefined) return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Raw cell, '' when the column is absent. */
export function cellAt(values: readonly string[], i: number): string {
  return i < 0 ? '' : (values[i] ?? '');
}
