import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';
import { HeaderIndex, requireColumns, textAt } from './columns.ts';
import { parseDayOrMonth } from './dates.ts';
import { readLatLon } from './numbers.ts';
import type { TabularInput } from './read/types.ts';
import type { DetectedLayout, ParsedBaseRecord, ProtectionBase } from './types.ts';
import { dateQualityCode } from '../core/date-quality.ts';

/**
 * Protection presences (MINUSMA camps and temporary bases, or any other) from a hand-kept CSV. The plain layout
 * is `name, lat, lon, opened, closed`; the aliases read the compiled ../shared/data/minusma-bases file as is
 * (`site, latitude, longitude, geopko_first_seen, handover_or_closure_date, date_quality, sources, notes,
 * site_type, admin1`). Dates are `YYYY-MM-DD` or `YYYY-MM` (Geo-PKO only knows the first month a site was seen).
 */
const ALIASES = {
  name: ['name', 'site', 'base', 'site_name'],
  latitude: ['lat', 'latitude', 'y'],
  longitude: ['lon', 'lng', 'long', 'longitude', 'x'],
  opened: ['opened', 'opened_on', 'opening_date', 'geopko_first_seen'],
  closed: ['closed', 'closed_on', 'closure_date', 'handover_or_closure_date'],
  dateQuality: ['date_quality'],
  sources: ['sources', 'source'],
  notes: ['notes', 'note'],
  siteType: ['site_type', 'type'],
  admin1: ['admin1', 'region'],
} as const;

export interface BaseImport {
  layout: DetectedLayout;
  records: AsyncIterable<ParsedBaseRecord>;
}

export function importBasesCsv(input: TabularInput): BaseImport {
  const h = new HeaderIndex(input.header);
  requireColumns(h, 'bases-csv', [ALIASES.name, ALIASES.latitude, ALIASES.longitude]);
  const c = {
    name: h.find(...ALIASES.name),
    latitude: h.find(...ALIASES.latitude),
    longitude: h.find(...ALIASES.longitude),
    opened: h.find(...ALIASES.opened),
    closed: h.find(...ALIASES.closed),
    dateQuality: h.find(...ALIASES.dateQuality),
    sources: h.find(...ALIASES.sources),
    notes: h.find(...ALIASES.notes),
    siteType: h.find(...ALIASES.siteType),
    admin1: h.find(...ALIASES.admin1),
  };
  const col = (i: number, fallback: string): string => h.nameOf(i, fallback);

  function map(values: readonly string[], row: number, issues: RowIssue[]): ProtectionBase | null {
    const name = textAt(values, c.name);
    if (name === null) issues.push(issue(row, col(c.name, 'name'), 'REQUIRED_VALUE_MISSING'));
    const point = readLatLon(
      values[c.latitude],
      values[c.longitude],
      row,
      col(c.latitude, 'lat'),
      col(c.longitude, 'lon'),
      issues,
    );
    const openedOn = optionalDate(values, c.opened, row, col(c.opened, 'opened'), issues);
    const closedOn = optionalDate(values, c.closed, row, col(c.closed, 'closed'), issues);
    // Compare on the common prefix: "2014-03" opened and "2014-03-20" closed are consistent.
    if (
      openedOn !== null &&
      closedOn !== null &&
      closedOn.slice(0, openedOn.length) < openedOn.slice(0, closedOn.length)
    ) {
      issues.push(issue(row, col(c.closed, 'closed'), 'DATE_INVALID', { value: closedOn, opened: openedOn }));
    }
    if (name === null || point === null || issues.length > 0) return null;
    const quality = textAt(values, c.dateQuality);
    return {
      name,
      latitude: point.latitude,
      longitude: point.longitude,
      admin1Text: textAt(values, c.admin1),
      siteType: textAt(values, c.siteType),
      openedOn,
      closedOn,
      // The code drives maps and rankings; the source's own wording, when it says more, stays in the notes.
      dateQuality: dateQualityCode(quality) ?? quality,
      sources: textAt(values, c.sources),
      notes:
        [
          textAt(values, c.notes),
          quality !== null && dateQualityCode(quality) !== quality ? `date: ${quality}` : null,
        ]
          .filter((n) => n !== null)
          .join(' | ') || null,
    };
  }

  async function* records(): AsyncGenerator<ParsedBaseRecord> {
    for await (const record of input.records) {
      if (record.values === undefined) {
        yield { rows: [record.row], base: null, issues: [record.issue] };
        continue;
      }
      const issues: RowIssue[] = [];
      const base = map(record.values, record.row, issues);
      yield { rows: [record.row], base: issues.length === 0 ? base : null, issues };
    }
  }

  return {
    layout: { id: 'bases-csv', description: 'Protection presences (name, lat, lon, opened, closed)' },
    records: records(),
  };
}

function optionalDate(
  values: readonly string[],
  i: number,
  row: number,
  column: string,
  issues: RowIssue[],
): string | null {
  const text = textAt(values, i);
  if (text === null) return null;
  const date = parseDayOrMonth(text);
  if (date === null) issues.push(issue(row, column, 'DATE_INVALID', { value: text }));
  return date;
}
