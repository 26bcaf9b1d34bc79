import type { SourceEvent } from '../core/event.ts';
import type { RowIssue } from '../core/issues.ts';

/**
 * What an event importer yields for each source record (after folding: one monadic ACLED event spread over
 * several rows is one record). Either an event, or the errors that reject it; never both.
 */
export interface ParsedEventRecord {
  /** Physical lines the record came from (one for most layouts; several for a folded monadic event). */
  rows: number[];
  event: SourceEvent | null;
  /** Errors: when non-empty the record is rejected and `event` is null. */
  issues: RowIssue[];
  /** Doubts that do not reject the record (an unknown precision code taken as coarse, …). */
  warnings: RowIssue[];
}

/** A recognised layout of a source file, e.g. "acled-api-2020", "acled-monadic", "ucdp-ged-release". */
export interface DetectedLayout {
  id: string;
  /** Human summary for logs and the import run record. */
  description: string;
}

export interface EventImport {
  layout: DetectedLayout;
  records: AsyncIterable<ParsedEventRecord>;
}

/** ACLED/HDX monthly counts per admin2 — stored as aggregates, never turned into invented events. */
export interface MonthlyAggregate {
  country: string; // ISO3
  admin1Pcode: string | null;
  admin1Name: string | null;
  admin2Pcode: string;
  admin2Name: string | null;
  /** YYYY-MM */
  month: string;
  /** Which ACLED aggregate: "political_violence", "civilian_targeting", "demonstrations". */
  measure: string;
  events: number;
  fatalities: number | null;
}

export interface ParsedAggregateRecord {
  rows: number[];
  aggregate: MonthlyAggregate | null;
  issues: RowIssue[];
}

/** A protection presence (MINUSMA camp, temporary base or other) with its opening and closure. */
export interface ProtectionBase {
  name: string;
  latitude: number;
  longitude: number;
  admin1Text: string | null;
  siteType: string | null;
  /** YYYY-MM-DD or YYYY-MM, null when unknown. */
  openedOn: string | null;
  closedOn: string | null;
  /** How sure the closure date is: "reported", "inferred", "approximate", "conflicting"… verbatim. */
  dateQuality: string | null;
  sources: string | null;
  notes: string | null;
}

export interface ParsedBaseRecord {
  rows: number[];
  base: ProtectionBase | null;
  issues: RowIssue[];
}
