import type { DatePrecision, EventActor, SourceEvent } from '../core/event.ts';
import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';
import { ucdpViolenceTypeName } from '../core/taxonomy/ucdp.ts';
import { codeAt, textAt } from './columns.ts';
import { CountryMemo } from './country.ts';
import type { CountryResolver } from './country.ts';
import { dateBounds, readDate } from './dates.ts';
import type { DateBounds, SlashOrder } from './dates.ts';
import type { UcdpLayout } from './ucdp-layouts.ts';
import { parseCount, readCount, readLatLon, readOptionalCount } from './numbers.ts';
import type { ParsedEventRecord } from './types.ts';

/**
 * UCDP GED rows (release CSV, web export, API JSON) → SourceEvent. The layouts differ in names and order only:
 *   - `ucdp-ged-csv`: the release file, 49 columns (GED 20.1 → 25.1), `best`/`low`/`high`, dates
 *     `2019-12-31 00:00:00.000`;
 *   - `ucdp-ged-web`: exports from UCDP's web tools, `best_est`/`low_est`/`high_est`, other column order, dates
 *     `12/31/2019 00:00:00` (month first), and an empty field closing every row;
 *   - API JSON (see ucdp-json.ts): release names, numbers as numbers, dates `2019-12-31T00:00:00`.
 */
export interface UcdpImportOptions {
  /** Today's date (YYYY-MM-DD): events dated more than a year after it are DATE_OUT_OF_RANGE. */
  today: string;
  resolveCountry: CountryResolver;
  /** Dataset release ("ged251", "candidate-25.01"); see ucdpVersionFrom(). */
  sourceVersion?: string | null;
}

/**
 * date_prec (GED codebook): 1 exact day; 2 a 2–6 day span; 3 the week; 4 an 8–30 day span or the month;
 * 5 a 2–6 month span or the year.
 */
const DATE_PRECISION: Record<string, DatePrecision> = {
  '1': 'day',
  '2': 'week',
  '3': 'week',
  '4': 'month',
  '5': 'year',
};

export class UcdpRowMapper {
  private readonly names: readonly string[];
  private readonly bounds: DateBounds;
  private readonly countries: CountryMemo;
  private readonly version: string | null;
  private readonly slashOrder: SlashOrder;
  readonly idColumn: string;
  private readonly i: Record<
    | 'id'
    | 'type'
    | 'start'
    | 'end'
    | 'datePrec'
    | 'lat'
    | 'lon'
    | 'wherePrec'
    | 'where'
    | 'adm1'
    | 'adm2'
    | 'country'
    | 'countryId'
    | 'sideA'
    | 'sideB'
    | 'best'
    | 'low'
    | 'high'
    | 'civilians'
    | 'headline'
    | 'office',
    number
  >;

  constructor(
    readonly layout: UcdpLayout,
    options: UcdpImportOptions,
  ) {
    const h = layout.header;
    this.names = h.names;
    this.bounds = dateBounds(options.today);
    this.countries = new CountryMemo(options.resolveCountry);
    this.version = options.sourceVersion ?? null;
    this.slashOrder = layout.slashOrder;
    this.i = {
      id: h.find('id'),
      type: h.find('type_of_violence'),
      start: h.find('date_start'),
      end: h.find('date_end'),
      datePrec: h.find('date_prec'),
      lat: h.find('latitude'),
      lon: h.find('longitude'),
      wherePrec: h.find('where_prec'),
      where: h.find('where_coordinates'),
      adm1: h.find('adm_1'),
      adm2: h.find('adm_2'),
      country: h.find('country'),
      countryId: h.find('country_id'),
      sideA: h.find('side_a'),
      sideB: h.find('side_b'),
      best: h.find('best', 'best_est'),
      low: h.find('low', 'low_est'),
      high: h.find('high', 'high_est'),
      civilians: h.find('deaths_civilians'),
      headline: h.find('source_headline'),
      office: h.find('source_office'),
    };
    this.idColumn = this.col(this.i.id, 'id');
  }

  col(i: number, fallback: string): string {
    return i >= 0 ? (this.names[i] ?? fallback) : fallback;
  }

  map(values: readonly string[], row: number): ParsedEventRecord {
    const i = this.i;
    const issues: RowIssue[] = [];
    const warnings: RowIssue[] = [];

    const sourceId = codeAt(values, i.id);
    if (sourceId === null) issues.push(issue(row, this.idColumn, 'REQUIRED_VALUE_MISSING'));
    const typeText = codeAt(values, i.type);
    // Only the codes 1–3: the taxonomy's parser also takes names, which no GED file writes in this column.
    const violenceType = typeText === '1' || typeText === '2' || typeText === '3' ? Number(typeText) : null;
    const typeLabel = ucdpViolenceTypeName(violenceType);
    if (typeLabel === null) {
      const column = this.col(i.type, 'type_of_violence');
      issues.push(
        typeText === null
          ? issue(row, column, 'REQUIRED_VALUE_MISSING')
          : issue(row, column, 'VALUE_INVALID', { value: typeText }),
      );
    }
    const start = readDate(
      values[i.start],
      row,
      this.col(i.start, 'date_start'),
      this.slashOrder,
      this.bounds,
      issues,
    );
    const end = readDate(
      values[i.end],
      row,
      this.col(i.end, 'date_end'),
      this.slashOrder,
      this.bounds,
      issues,
    );
    if (start !== null && end !== null && end < start) {
      issues.push(
        issue(row, this.col(i.end, 'date_end'), 'DATE_INVALID', { value: cell(values, i.end), start }),
      );
    }
    const point = readLatLon(
      values[i.lat],
      values[i.lon],
      row,
      this.col(i.lat, 'latitude'),
      this.col(i.lon, 'longitude'),
      issues,
    );
    const bestColumn = this.col(i.best, 'best');
    const best = readCount(values[i.best], row, bestColumn, issues);
    const low = readOptionalCount(values[i.low], row, this.col(i.low, 'low'), warnings);
    const high = readOptionalCount(values[i.high], row, this.col(i.high, 'high'), warnings);
    const civilianDeaths = readOptionalCount(
      values[i.civilians],
      row,
      this.col(i.civilians, 'deaths_civilians'),
      issues,
    );
    if (best !== null && ((low !== null && low > best) || (high !== null && high < best))) {
      warnings.push(
        issue(row, bestColumn, 'VALUE_INVALID', { value: best, low: low ?? '', high: high ?? '' }),
      );
    }

    if (
      issues.length > 0 ||
      sourceId === null ||
      typeLabel === null ||
      violenceType === null ||
      start === null ||
      end === null ||
      point === null ||
      best === null
    ) {
      return { rows: [row], event: null, issues, warnings };
    }

    const countryName = textAt(values, i.country);
    const gwText = codeAt(values, i.countryId);
    const country = this.countries.resolve(
      countryName,
      null,
      null,
      gwText === null ? null : parseCount(gwText),
    );
    if (country === null) {
      warnings.push(
        issue(row, this.col(i.country, 'country'), 'COUNTRY_UNKNOWN', { value: countryName ?? gwText ?? '' }),
      );
    }
    const geo = this.wherePrecision(values, row, warnings);
    const actors: EventActor[] = [];
    const sideA = textAt(values, i.sideA);
    const sideB = textAt(values, i.sideB);
    if (sideA !== null) actors.push({ name: sideA, role: 'side_a', inter: null });
    if (sideB !== null) actors.push({ name: sideB, role: 'side_b', inter: null });

    const event: SourceEvent = {
      source: 'ucdp',
      sourceId,
      sourceTimestamp: null,
      sourceVersion: this.version,
      date: start,
      dateEnd: end,
      datePrecision: this.datePrecision(values, row, start, end, warnings),
      country,
      countryName,
      sourceAdmin1: textAt(values, i.adm1),
      sourceAdmin2: textAt(values, i.adm2),
      sourceAdmin3: null,
      location: textAt(values, i.where),
      latitude: point.latitude,
      longitude: point.longitude,
      geoPrecision: geo.code,
      coarseLocation: geo.coarse,
      sourceEventType: typeLabel,
      eventType: typeLabel,
      subEventType: null,
      disorderType: null,
      civilianTargetingFlag: null,
      violenceType,
      actors,
      interaction: null,
      fatalities: best,
      fatalitiesLow: low,
      fatalitiesHigh: high,
      civilianDeaths,
      notes: textAt(values, i.headline),
      sources: textAt(values, i.office),
      sourceScale: null,
      tags: null,
    };
    return { rows: [row], event, issues, warnings };
  }

  /** where_prec 1–7; 4 (admin-1) and coarser are kept but out of fine-grained maps. Unknown → coarse. */
  private wherePrecision(
    values: readonly string[],
    row: number,
    warnings: RowIssue[],
  ): { code: number | null; coarse: boolean } {
    const text = codeAt(values, this.i.wherePrec);
    if (text === null) return { code: null, coarse: false };
    const code = parseCount(text);
    if (code !== null && code >= 1 && code <= 7) return { code, coarse: code >= 4 };
    warnings.push(issue(row, this.col(this.i.wherePrec, 'where_prec'), 'VALUE_INVALID', { value: text }));
    return { code, coarse: true };
  }

  /** date_prec mapped; without it, the span between date_start and date_end says how exact the date is. */
  private datePrecision(
    values: readonly string[],
    row: number,
    start: string,
    end: string,
    warnings: RowIssue[],
  ): DatePrecision {
    const text = codeAt(values, this.i.datePrec);
    if (text !== null) {
      const precision = DATE_PRECISION[text];
      if (precision !== undefined) return precision;
      warnings.push(issue(row, this.col(this.i.datePrec, 'date_prec'), 'VALUE_INVALID', { value: text }));
      return 'year';
    }
    if (start === end) return 'day';
    const days = (Date.parse(end) - Date.parse(start)) / 86_400_000;
    return days <= 7 ? 'week' : days <= 31 ? 'month' : 'year';
  }
}

function cell(values: readonly string[], i: number): string {
  return i < 0 ? '' : (values[i] ?? '');
}
