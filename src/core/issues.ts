/**
 * Row-level problems found while reading an input file. Importers collect them instead of stopping at the
 * first one; wording lives in the locale files (key `issue.<CODE>`), so an issue carries only its code and
 * the parameters its message needs.
 */
export const ISSUE_CODES = [
  // whole-file problems (row is 0 when the problem is not tied to a row)
  'FILE_EMPTY',
  'FILE_NOT_TEXT', // binary content that is not a known container
  'FILE_IS_ZIP',
  'FILE_IS_SPREADSHEET', // an xlsx/xls/ods passed where CSV is expected
  'FILE_IS_GZIP',
  'ENCODING_INVALID', // bytes that are not valid in the expected encoding
  'DELIMITER_UNEXPECTED', // e.g. semicolon- or tab-separated where commas were expected
  'HEADER_MISSING_COLUMNS',
  'HEADER_DUPLICATE_COLUMN',
  'FORMAT_UNRECOGNISED', // header matches no supported layout
  'FILE_TRUNCATED', // unterminated quote or incomplete last record at end of file
  'JSON_INVALID',
  'SOURCE_API_ERROR', // a saved API response that is an error message, not data
  'FILE_TOO_LARGE',
  // record-level problems
  'FIELD_COUNT', // record has more or fewer fields than the header
  'FIELD_TOO_LONG',
  'REQUIRED_VALUE_MISSING',
  'DATE_INVALID',
  'DATE_OUT_OF_RANGE',
  'NUMBER_INVALID', // non-numeric or negative count
  'COORDINATES_INVALID', // not numbers
  'COORDINATES_OUT_OF_RANGE', // |lat| > 90 or |lon| > 180
  'COORDINATES_SWAPPED', // outside the named country, but inside it with lat/lon exchanged
  'COORDINATES_OUTSIDE_COUNTRY',
  'COUNTRY_UNKNOWN',
  'ID_CONFLICT', // same source id twice in one file with different content
  'VALUE_INVALID', // a value outside the allowed set (e.g. an unknown precision code)
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

export interface RowIssue {
  /** 1-based physical line where the record starts (the header is line 1); 0 for whole-file problems. */
  row: number;
  /** Source column name as written in the file, or null when the issue is not about one column. */
  column: string | null;
  code: IssueCode;
  /** Values interpolated into the localised message, e.g. `{ value: "31/02/2019" }`. */
  params?: Record<string, string | number>;
}

export function issue(
  row: number,
  column: string | null,
  code: IssueCode,
  params?: Record<string, string | number>,
): RowIssue {
  return params === undefined ? { row, column, code } : { row, column, code, params };
}
