import type { DatePrecision, EventActor, SourceEvent } from '../core/event.ts';
import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';
import { parseCivilianTargeting } from '../core/taxonomy/civilian-harm.ts';
import type { InterCode } from '../core/taxonomy/inter-codes.ts';
import type { AcledColumns, AcledLayout } from './acled-layouts.ts';
import { AcledTypeMemo, interactionOf, interOf } from './acled-types.ts';
import { codeAt, textAt } from './columns.ts';
import { CountryMemo } from './country.ts';
import type { CountryResolver } from './country.ts';
import { dateBounds, readDate } from './dates.ts';
import type { DateBounds, SlashOrder } from './dates.ts';
import { parseCount, readCoordinate, readCount } from './numbers.ts';
import type { ParsedEventRecord } from './types.ts';

export interface AcledImportOptions {
  /** Today's date (YYYY-MM-DD): events dated more than a year after it are DATE_OUT_OF_RANGE. */
  today: string;
  /** Country name / ISO numeric / ISO3 / Gleditsch-Ward → ISO3, supplied by the service (src/geo owns the table). */
  resolveCountry: CountryResolver;
  /** Overrides the layout's reading of slashed dates (ACLED writes DD/MM/YYYY; a re-saved file may not). */
  slashOrder?: SlashOrder;
}

/** time_precision: 1 the day is known, 2 the week, 3 the month (ACLED codebook). */
const TIME_PRECISION: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'month' };

/**
 * Maps one ACLED row (CSV cells, or API JSON values turned to text) onto a SourceEvent, collecting every problem
 * of the row. One instance per file: it holds the column positions, the date bounds and per-file memos.
 */
export class AcledRowMapper {
  readonly layout: AcledLayout;
  private readonly c: AcledColumns;
  private readonly names: readonly string[];
  private readonly bounds: DateBounds;
  private readonly slashOrder: SlashOrder;
  private readonly countries: CountryMemo;
  private readonly types = new AcledTypeMemo();

  constructor(layout: AcledLayout, options: AcledImportOptions) {
    this.layout = layout;
    this.c = layout.columns;
    this.names = layout.header.names;
    this.bounds = dateBounds(options.today);
    this.slashOrder = options.slashOrder ?? layout.slashOrder;
    this.countries = new CountryMemo(options.resolveCountry);
  }

  /** Header name of column `i` as written in the file. */
  col(i: number, fallback: string): string {
    return i >= 0 ? (this.names[i] ?? fallback) : fallback;
  }

  map(values: readonly string[], row: number): ParsedEventRecord {
    const c = this.c;
    const issues: RowIssue[] = [];
    const warnings: RowIssue[] = [];

    const sourceId = codeAt(values, c.eventId);
    if (sourceId === null)
      issues.push(issue(row, this.col(c.eventId, 'event_id_cnty'), 'REQUIRED_VALUE_MISSING'));
    const date = readDate(
      values[c.eventDate],
      row,
      this.col(c.eventDate, 'event_date'),
      this.slashOrder,
      this.bounds,
      issues,
    );
    const sourceEventType = textAt(values, c.eventType);
    if (sourceEventType === null)
      issues.push(issue(row, this.col(c.eventType, 'event_type'), 'REQUIRED_VALUE_MISSING'));
    const latitude = readCoordinate(values[c.latitude], row, this.col(c.latitude, 'latitude'), 90, issues);
    const longitude = readCoordinate(
      values[c.longitude],
      row,
      this.col(c.longitude, 'longitude'),
      180,
      issues,
    );
    const fatalities = readCount(values[c.fatalities], row, this.col(c.fatalities, 'fatalities'), issues);

    const datePrecision = this.datePrecision(values, row, warnings);
    const geo = this.geoPrecision(values, row, warnings);
    const inter1 = this.inter(values, c.inter1, row, 'inter1', warnings);
    const inter2 = this.inter(values, c.inter2, row, 'inter2', warnings);
    const interactionText = codeAt(values, c.interaction);
    const interaction = interactionOf(interactionText);
    if (interactionText !== null && interaction === null) {
      warnings.push(
        issue(row, this.col(c.interaction, 'interaction'), 'VALUE_INVALID', { value: interactionText }),
      );
    }

    const countryName = textAt(values, c.country);
    const isoText = codeAt(values, c.isoNumeric);
    const isoNumeric = isoText === null ? null : parseCount(isoText);
    const iso3 = codeAt(values, c.iso3);
    const gwText = codeAt(values, c.gwno);
    const gw = gwText === null ? null : parseCount(gwText);
    const country = this.countries.resolve(countryName, isoNumeric, iso3, gw);
    if (country === null) {
      const value = countryName ?? iso3 ?? isoText ?? gwText ?? '';
      warnings.push(issue(row, this.col(c.country, 'country'), 'COUNTRY_UNKNOWN', { value }));
    }

    const timestampText = codeAt(values, c.timestamp);
    let sourceTimestamp: number | null = null;
    if (timestampText !== null) {
      sourceTimestamp = parseCount(timestampText);
      if (sourceTimestamp === null) {
        warnings.push(
          issue(row, this.col(c.timestamp, 'timestamp'), 'VALUE_INVALID', { value: timestampText }),
        );
      }
    }

    if (
      issues.length > 0 ||
      sourceId === null ||
      date === null ||
      latitude === null ||
      longitude === null ||
      fatalities === null
    ) {
      return { rows: [row], event: null, issues, warnings };
    }

    const types = this.types.resolve(
      sourceEventType,
      textAt(values, c.subEventType),
      inter1 ?? 0,
      inter2 ?? 0,
      fatalities,
    );
    if (types.unknown) {
      warnings.push(
        issue(row, this.col(c.eventType, 'event_type'), 'VALUE_INVALID', { value: sourceEventType ?? '' }),
      );
    }

    const actors: EventActor[] = [];
    pushSide(
      actors,
      textAt(values, c.actor1),
      textAt(values, c.assocActor1),
      inter1,
      'actor1',
      'assoc_actor_1',
    );
    pushSide(
      actors,
      textAt(values, c.actor2),
      textAt(values, c.assocActor2),
      inter2,
      'actor2',
      'assoc_actor_2',
    );

    const event: SourceEvent = {
      source: 'acled',
      sourceId,
      sourceTimestamp,
      sourceVersion: null,
      date,
      dateEnd: null,
      datePrecision,
      country,
      countryName,
      sourceAdmin1: textAt(values, c.admin1),
      sourceAdmin2: textAt(values, c.admin2),
      sourceAdmin3: textAt(values, c.admin3),
      location: textAt(values, c.location),
      latitude,
      longitude,
      geoPrecision: geo.code,
      coarseLocation: geo.coarse,
      sourceEventType,
      eventType: types.eventType,
      subEventType: types.subEventType,
      // The file's own disorder_type verbatim; layouts older than the column get the codebook's rule.
      disorderType: textAt(values, c.disorderType) ?? types.disorderType,
      civilianTargetingFlag: this.civilianTargeting(values, row, warnings),
      violenceType: null,
      actors,
      interaction,
      fatalities,
      fatalitiesLow: null,
      fatalitiesHigh: null,
      civilianDeaths: null,
      notes: textAt(values, c.notes),
      sources: textAt(values, c.source),
      sourceScale: textAt(values, c.sourceScale),
      tags: textAt(values, c.tags),
    };
    return { rows: [row], event, issues, warnings };
  }

  /**
   * Re-derives the types of a folded monadic event from its reconstructed sides (the old "Riots/Protests" and
   * the derived disorder type depend on them).
   */
  retype(
    event: SourceEvent,
    side1: InterCode,
    side2: InterCode,
    sourceSubType: string | null,
    sourceDisorder: string | null,
  ): void {
    const types = this.types.resolve(event.sourceEventType, sourceSubType, side1, side2, event.fatalities);
    event.eventType = types.eventType;
    event.subEventType = types.subEventType;
    event.disorderType = sourceDisorder ?? types.disorderType;
  }

  inter(
    values: readonly string[],
    i: number,
    row: number,
    name: string,
    warnings: RowIssue[],
  ): InterCode | null {
    const text = codeAt(values, i);
    const code = interOf(text);
    if (code === null) warnings.push(issue(row, this.col(i, name), 'VALUE_INVALID', { value: text ?? '' }));
    return code === 0 ? null : code;
  }

  private datePrecision(values: readonly string[], row: number, warnings: RowIssue[]): DatePrecision {
    const text = codeAt(values, this.c.timePrecision);
    if (text === null) return 'day';
    const precision = TIME_PRECISION[text];
    if (precision !== undefined) return precision;
    // An unknown code is read as the coarsest ACLED uses, so that the event never looks more exact than it is.
    warnings.push(
      issue(row, this.col(this.c.timePrecision, 'time_precision'), 'VALUE_INVALID', { value: text }),
    );
    return 'month';
  }

  private geoPrecision(
    values: readonly string[],
    row: number,
    warnings: RowIssue[],
  ): { code: number | null; coarse: boolean } {
    const text = codeAt(values, this.c.geoPrecision);
    if (text === null) return { code: null, coarse: false };
    if (text === '1' || text === '2') return { code: text === '1' ? 1 : 2, coarse: false };
    if (text === '3') return { code: 3, coarse: true };
    // Unknown codes are taken as coarse: kept, but out of fine-grained maps.
    warnings.push(
      issue(row, this.col(this.c.geoPrecision, 'geo_precision'), 'VALUE_INVALID', { value: text }),
    );
    return { code: parseCount(text), coarse: true };
  }

  /**
   * `civilian_targeting` through the core rule (core/taxonomy/civilian-harm.ts): null when the layout lacks the
   * column, true when the cell is set. ACLED writes "Civilian targeting" or nothing; any other value is still
   * read as set, by that rule, but flagged so that a re-coded file does not pass unnoticed.
   */
  private civilianTargeting(values: readonly string[], row: number, warnings: RowIssue[]): boolean | null {
    const text = codeAt(values, this.c.civilianTargeting);
    if (text !== null && text !== 'Civilian targeting' && text.toLowerCase() !== 'civilian targeting') {
      warnings.push(
        issue(row, this.col(this.c.civilianTargeting, 'civilian_targeting'), 'VALUE_INVALID', {
          value: text,
        }),
      );
    }
    return parseCivilianTargeting(text, this.c.civilianTargeting >= 0);
  }
}

/**
 * Adds one side of the event: the actor, then its associated actors, which ACLED lists in one cell separated by
 * ";". Associated actors fight on the actor's side, so they carry the side's inter code.
 */
export function pushSide(
  actors: EventActor[],
  name: string | null,
  assoc: string | null,
  inter: number | null,
  role: 'actor1' | 'actor2',
  assocRole: 'assoc_actor_1' | 'assoc_actor_2',
): void {
  if (name !== null) actors.push({ name, role, inter });
  if (assoc === null) return;
  if (assoc.indexOf(';') < 0) {
    actors.push({ name: assoc.trim(), role: assocRole, inter });
    return;
  }
  for (const part of assoc.split(';')) {
    const n = part.trim();
    if (n !== '') actors.push({ name: n, role: assocRole, inter });
  }
}
