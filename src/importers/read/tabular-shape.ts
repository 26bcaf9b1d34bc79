import { issue } from '../../core/issues.ts';
import type { RowIssue } from '../../core/issues.ts';
import type { SourceRecord } from './types.ts';

/**
 * Header and record shape rules shared by the CSV and xlsx readers.
 *
 * Trailing unnamed columns: exports often end every line with empty fields (UCDP web exports end each row with a
 * comma; the ACLED 2016 file has seven empty header cells at the end of its header and of every row). So the header
 * keeps its columns up to the last named one (`width`), and a record is accepted when
 *   - it has at least `width` fields, and
 *   - every field after the first `width` is exactly empty (''),
 * in which case those trailing fields are dropped. Anything else — fewer fields, or a value under no column name —
 * is a FIELD_COUNT issue for that record: a value in an unnamed column is data we would otherwise lose in silence.
 * Spreadsheets omit empty cells, so their rows are also padded with '' up to `width` (`padShort`).
 */

export interface Header {
  /** Column names, trimmed, without a BOM, without trailing unnamed columns. */
  names: string[];
  /** Number of columns a record must fill. */
  width: number;
}

/** The header from the first record, or FORMAT_UNRECOGNISED when it names no column at all (",,,"). */
export function readHeader(line: number, fields: string[]): Header | RowIssue {
  const names = fields.map((field, i) => (i === 0 ? field.replace(/^\uFEFF/, '') : field).trim());
  let width = names.length;
  while (width > 0 && names[width - 1] === '') width--;
  if (width === 0) return issue(line, null, 'FORMAT_UNRECOGNISED', { reason: 'no column names' });
  names.length = width;
  return { names, width };
}

/**
 * A header that holds no comma but does hold a semicolon or a tab was written with another delimiter (European
 * Excel writes ';'); every record would otherwise come out as one long field.
 */
export function delimiterIssue(line: number, fields: string[]): RowIssue | null {
  if (fields.length !== 1) return null;
  const only = fields[0] as string;
  if (only.includes(';')) return issue(line, null, 'DELIMITER_UNEXPECTED', { expected: ',', found: ';' });
  if (only.includes('\t')) return issue(line, null, 'DELIMITER_UNEXPECTED', { expected: ',', found: 'tab' });
  if (only.includes('|')) return issue(line, null, 'DELIMITER_UNEXPECTED', { expected: ',', found: '|' });
  return null;
}

/** HXL hashtags when the record under the header is an HXL tag row (every non-empty cell starts with '#'). */
export function hxlTags(fields: string[], width: number): string[] | null {
  let tagged = 0;
  for (const field of fields) {
    const cell = field.trim();
    if (cell === '') continue;
    if (!cell.startsWith('#')) return null;
    tagged++;
  }
  if (tagged === 0) return null;
  const tags: string[] = [];
  for (let i = 0; i < width; i++) tags.push((fields[i] ?? '').trim());
  return tags;
}

/** A record checked against the header width (see the rule at the top of this file). */
export function fitRecord(line: number, fields: string[], width: number, padShort = false): SourceRecord {
  const found = fields.length;
  if (found === width) return { row: line, values: fields };
  if (found > width) {
    for (let i = width; i < found; i++) {
      if (fields[i] !== '') return countIssue(line, width, found);
    }
    fields.length = width;
    return { row: line, values: fields };
  }
  if (!padShort) return countIssue(line, width, found);
  while (fields.length < width) fields.push('');
  return { row: line, values: fields };
}

function countIssue(line: number, expected: number, found: number): SourceRecord {
  return { row: line, issue: issue(line, null, 'FIELD_COUNT', { expected, found }) };
}
