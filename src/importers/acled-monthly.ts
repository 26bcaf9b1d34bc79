import { VigieError } from '../core/errors.ts';
import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';
import { codeAt, HeaderIndex, requireColumns, textAt } from './columns.ts';
import { dateBounds, monthNumber, readDate } from './dates.ts';
import type { DateBounds } from './dates.ts';
import { parseCount, readCount, readOptionalCount } from './numbers.ts';
import type { SourceRecord, TabularInput } from './read/types.ts';
import type { DetectedLayout, MonthlyAggregate, ParsedAggregateRecord } from './types.ts';

/**
 * ACLED's monthly counts per admin2, as HDX publishes them. Two layouts:
 *   - `hdx-acled-monthly`: `Country, Admin1, Admin2, ISO3, Admin2 Pcode, Admin1 Pcode, Month, Year, Events,
 *     Fatalities` (xlsx sheet "Data" or its CSV; Month is an English month name). One file holds one measure,
 *     which the file does not state: it comes from the options, else from the file name HDX gives it
 *     ("…_civilian_targeting_events_and_fatalities_by_month-year…"). Demonstration files have no Fatalities.
 *   - `hdx-hapi-conflict-event`: HDX HAPI's `location_code, admin1_code, admin2_code, event_type, events,
 *     fatalities, reference_period_start, …`; `event_type` names the measure row by row.
 * Aggregates stay aggregates: vigie never turns them into invented events.
 */
export const MONTHLY_MEASURES = ['political_violence', 'civilian_targeting', 'demonstrations'] as const;
export type MonthlyMeasure = (typeof MONTHLY_MEASURES)[number];

export interface MonthlyImportOptions {
  /** Today's date (YYYY-MM-DD): months more than a year after it are DATE_OUT_OF_RANGE. */
  today: string;
  /** The measure of an HDX file; when absent, guessed from `fileName`. HAPI files name it per row. */
  measure?: MonthlyMeasure;
  fileName?: string;
}

export interface AggregateImport {
  layout: DetectedLayout;
  records: AsyncIterable<ParsedAggregateRecord>;
}

/** HDX's file names say which aggregate they hold; HAPI writes "demonstration" where vigie says "demonstrations". */
export function measureFromName(name: string | null | undefined): MonthlyMeasure | null {
  const key = (name ?? '').toLowerCase().replace(/[-\s]/g, '_');
  if (key.includes('civilian_targeting')) return 'civilian_targeting';
  if (key.includes('demonstration')) return 'demonstrations';
  if (key.includes('political_violence')) return 'political_violence';
  return null;
}

export function importAcledMonthly(input: TabularInput, options: MonthlyImportOptions): AggregateImport {
  const h = new HeaderIndex(input.header);
  const bounds = dateBounds(options.today);
  if (h.has('reference_period_start') || h.has('location_code')) {
    requireColumns(h, 'hdx-hapi-conflict-event', [
      ['location_code'],
      ['admin2_code'],
      ['event_type'],
      ['events'],
      ['reference_period_start'],
    ]);
    return {
      layout: {
        id: 'hdx-hapi-conflict-event',
        description: 'HDX HAPI conflict events (ACLED monthly counts by admin2)',
      },
      records: mapRecords(input.records, hapiMapper(h, bounds)),
    };
  }
  requireColumns(h, 'hdx-acled-monthly', [['iso3'], ['admin2 pcode'], ['month'], ['year'], ['events']]);
  const measure = options.measure ?? measureFromName(options.fileName);
  if (measure === null) {
    // The file cannot say which measure it holds; guessing would mix political violence with demonstrations.
    throw new VigieError('BAD_USAGE', { reason: 'measure', allowed: [...MONTHLY_MEASURES] });
  }
  return {
    layout: { id: 'hdx-acled-monthly', description: `ACLED monthly ${measure} by admin2 (HDX)` },
    records: mapRecords(input.records, hdxMapper(h, measure, bounds)),
  };
}

type RowMapper = (values: readonly string[], row: number, issues: RowIssue[]) => MonthlyAggregate | null;

async function* mapRecords(
  records: AsyncIterable<SourceRecord>,
  map: RowMapper,
): AsyncGenerator<ParsedAggregateRecord> {
  // HDX files have one row per (admin2, month); a second one would double counts in every chart.
  const seen = new Map<string, number>();
  for await (const record of records) {
    if (record.values === undefined) {
      yield { rows: [record.row], aggregate: null, issues: [record.issue] };
      continue;
    }
    const issues: RowIssue[] = [];
    const aggregate = map(record.values, record.row, issues);
    if (aggregate !== null && issues.length === 0) {
      const key = `${aggregate.country}|${aggregate.admin2Pcode}|${aggregate.month}|${aggregate.measure}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, record.row);
      else issues.push(issue(record.row, null, 'ID_CONFLICT', { value: key, firstRow: first }));
    }
    yield { rows: [record.row], aggregate: issues.length === 0 ? aggregate : null, issues };
  }
}

function hdxMapper(h: HeaderIndex, measure: MonthlyMeasure, bounds: DateBounds): RowMapper {
  const c = {
    iso3: h.find('iso3'),
    admin1: h.find('admin1'),
    admin2: h.find('admin2'),
    admin1Pcode: h.find('admin1 pcode'),
    admin2Pcode: h.find('admin2 pcode'),
    month: h.find('month'),
    year: h.find('year'),
    events: h.find('events'),
    fatalities: h.find('fatalities'),
  };
  const name = (i: number, fallback: string): string => h.nameOf(i, fallback);
  return (values, row, issues) => {
    const country = required(values, c.iso3, row, name(c.iso3, 'ISO3'), issues);
    const admin2Pcode = required(values, c.admin2Pcode, row, name(c.admin2Pcode, 'Admin2 Pcode'), issues);
    const month = yearMonth(
      values,
      c.year,
      c.month,
      row,
      name(c.year, 'Year'),
      name(c.month, 'Month'),
      bounds,
      issues,
    );
    const events = readCount(values[c.events], row, name(c.events, 'Events'), issues);
    const fatalities = readOptionalCount(values[c.fatalities], row, name(c.fatalities, 'Fatalities'), issues);
    if (country === null || admin2Pcode === null || month === null || events === null || issues.length > 0)
      return null;
    return {
      country: country.toUpperCase(),
      admin1Pcode: codeAt(values, c.admin1Pcode),
      admin1Name: textAt(values, c.admin1),
      admin2Pcode,
      admin2Name: textAt(values, c.admin2),
      month,
      measure,
      events,
      fatalities,
    };
  };
}

const HAPI_MEASURES: Record<string, MonthlyMeasure> = {
  political_violence: 'political_violence',
  civilian_targeting: 'civilian_targeting',
  demonstration: 'demonstrations',
  demonstrations: 'demonstrations',
};

function hapiMapper(h: HeaderIndex, bounds: DateBounds): RowMapper {
  const c = {
    country: h.find('location_code'),
    admin1Pcode: h.find('admin1_code'),
    admin1Name: h.find('admin1_name', 'provider_admin1_name'),
    admin2Pcode: h.find('admin2_code'),
    admin2Name: h.find('admin2_name', 'provider_admin2_name'),
    eventType: h.find('event_type'),
    events: h.find('events'),
    fatalities: h.find('fatalities'),
    start: h.find('reference_period_start'),
  };
  const name = (i: number, fallback: string): string => h.nameOf(i, fallback);
  return (values, row, issues) => {
    const country = required(values, c.country, row, name(c.country, 'location_code'), issues);
    // Rows at admin level 0 or 1 have no admin2 code; vigie's aggregates are per admin2.
    const admin2Pcode = required(values, c.admin2Pcode, row, name(c.admin2Pcode, 'admin2_code'), issues);
    const typeText = required(values, c.eventType, row, name(c.eventType, 'event_type'), issues);
    const measure = typeText === null ? undefined : HAPI_MEASURES[typeText.toLowerCase()];
    if (typeText !== null && measure === undefined) {
      issues.push(issue(row, name(c.eventType, 'event_type'), 'VALUE_INVALID', { value: typeText }));
    }
    const start = readDate(
      values[c.start],
      row,
      name(c.start, 'reference_period_start'),
      'dmy',
      bounds,
      issues,
    );
    const events = readCount(values[c.events], row, name(c.events, 'events'), issues);
    const fatalities = readOptionalCount(values[c.fatalities], row, name(c.fatalities, 'fatalities'), issues);
    if (
      country === null ||
      admin2Pcode === null ||
      measure === undefined ||
      start === null ||
      events === null ||
      issues.length > 0
    ) {
      return null;
    }
    return {
      country: country.toUpperCase(),
      admin1Pcode: codeAt(values, c.admin1Pcode),
      admin1Name: textAt(values, c.admin1Name),
      admin2Pcode,
      admin2Name: textAt(values, c.admin2Name),
      month: start.slice(0, 7),
      measure,
      events,
      fatalities,
    };
  };
}

function required(
  values: readonly string[],
  i: number,
  row: number,
  column: string,
  issues: RowIssue[],
): string | null {
  const v = codeAt(values, i);
  if (v === null) issues.push(issue(row, column, 'REQUIRED_VALUE_MISSING'));
  return v;
}

/** "YYYY-MM" from a Year cell and a Month cell (English name, or 1–12). */
function yearMonth(
  values: readonly string[],
  yi: number,
  mi: number,
  row: number,
  yearColumn: string,
  monthColumn: string,
  bounds: DateBounds,
  issues: RowIssue[],
): string | null {
  const yearText = required(values, yi, row, yearColumn, issues);
  const monthText = required(values, mi, row, monthColumn, issues);
  if (yearText === null || monthText === null) return null;
  const year = parseCount(yearText);
  if (year === null || year < 1000 || year > 9999) {
    issues.push(issue(row, yearColumn, 'DATE_INVALID', { value: yearText }));
    return null;
  }
  const numeric = parseCount(monthText);
  const month = numeric ?? monthNumber(monthText);
  if (month < 1 || month > 12) {
    issues.push(issue(row, monthColumn, 'DATE_INVALID', { value: monthText }));
    return null;
  }
  const ym = `${year}-${month < 10 ? '0' : ''}${month}`;
  if (ym < bounds.min.slice(0, 7) || ym > bounds.max.slice(0, 7)) {
    issues.push(
      issue(row, yearColumn, 'DATE_OUT_OF_RANGE', {
        value: `${monthText} ${yearText}`,
        min: bounds.min,
        max: bounds.max,
      }),
    );
    return null;
  }
  return ym;
}
