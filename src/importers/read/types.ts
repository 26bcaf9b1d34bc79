import type { RowIssue } from '../../core/issues.ts';

/** Bytes of an input file, read in chunks so that memory stays constant whatever the file's size. */
export interface ByteSource {
  /** Name shown in issues and import runs (file path, upload name or "-" for stdin). */
  name: string;
  chunks(): AsyncIterable<Uint8Array>;
}

export type TextEncodingChoice = 'auto' | 'utf-8' | 'windows-1252' | 'latin1';

export interface TabularOptions {
  /** 'auto': BOM-marked UTF-8/UTF-16, else strict UTF-8 (invalid bytes give ENCODING_INVALID). */
  encoding?: TextEncodingChoice;
  /** Longest field accepted; longer ones give FIELD_TOO_LONG for that record. Default 1,000,000 characters. */
  maxFieldLength?: number;
}

/** One record of a tabular file: its values, or the reason it could not be read. */
export type SourceRecord =
  { row: number; values: string[]; issue?: undefined } | { row: number; values?: undefined; issue: RowIssue };

export interface TabularInput {
  /**
   * Column names as written (trimmed, BOM removed), without trailing unnamed columns: a header ending in empty
   * cells (ACLED 2016 has seven) stops at its last name, and records are fitted to that width (tabular-shape.ts).
   */
  header: string[];
  /** HXL hashtags when the line under the header is an HXL tag row (then skipped), else null. */
  hxlTags: string[] | null;
  /**
   * Data records in file order; `row` is the physical line where the record starts (header = line 1; for xlsx,
   * the spreadsheet row). Iterate to the end or break out of the loop, which closes the file. It can still throw
   * VigieError('INPUT_REJECTED') for a whole-file problem found late (invalid UTF-8 far into a CSV, a corrupt sheet
   * in an xlsx): then nothing read from the file may be kept.
   */
  records: AsyncIterable<SourceRecord>;
}
