import { HeaderIndex, requireColumns } from './columns.ts';
import type { SlashOrder } from './dates.ts';
import type { DetectedLayout } from './types.ts';

/**
 * UCDP GED layouts, told apart by the header: the release CSV (`best`, ISO dates) and the web export (`best_est`,
 * month-first dates). API JSON records carry the release names and go through the same detection.
 */
export type UcdpLayoutId = 'ucdp-ged-csv' | 'ucdp-ged-web';

const REQUIRED: ReadonlyArray<readonly string[]> = [
  ['id'],
  ['type_of_violence'],
  ['date_start'],
  ['date_end'],
  ['latitude'],
  ['longitude'],
  ['best', 'best_est'],
  ['country', 'country_id'],
];

export interface UcdpLayout extends DetectedLayout {
  id: UcdpLayoutId;
  slashOrder: SlashOrder;
  header: HeaderIndex;
}

/** Recognises a UCDP GED header; throws VigieError INPUT_REJECTED (HEADER_MISSING_COLUMNS) when it is not one. */
export function detectUcdpLayout(headerNames: readonly string[]): UcdpLayout {
  const header = new HeaderIndex(headerNames);
  const web = header.has('best_est') && !header.has('best');
  const id: UcdpLayoutId = web ? 'ucdp-ged-web' : 'ucdp-ged-csv';
  requireColumns(header, id, REQUIRED);
  return {
    id,
    description: web
      ? 'UCDP GED web export: best_est/low_est/high_est, MM/DD/YYYY dates, trailing empty field'
      : 'UCDP GED release CSV / API fields (best/low/high)',
    // UCDP's tools write month-first dates; release files write ISO, where the order never comes into play.
    slashOrder: 'mdy',
    header,
  };
}

/**
 * The dataset release named in a file name or API URL: `GEDEvent_v25_1.csv`, `ged251.csv`, `…/gedevents/25.1`
 * → "ged251"; candidate releases `GEDEvent_v25_0_1.csv`, `…/gedevents/25.0.1` → "candidate-25.01". Null when
 * the text names none.
 */
export function ucdpVersionFrom(text: string | null | undefined): string | null {
  if (!text) return null;
  const m =
    /gedevents\/(\d{2})\.(\d{1,2})(?:\.(\d{1,2}))?/i.exec(text) ??
    /(?:^|[^a-z0-9])(?:gedevent_)?v(\d{2})_(\d{1,2})(?:_(\d{1,2}))?(?![0-9])/i.exec(text);
  if (m !== null) {
    const [, year, minor, candidate] = m;
    return candidate !== undefined ? `candidate-${year}.${candidate.padStart(2, '0')}` : `ged${year}${minor}`;
  }
  const candidate = /candidate[-_ ]?(\d{2})[._](\d{1,2})/i.exec(text);
  if (candidate !== null) return `candidate-${candidate[1]}.${(candidate[2] ?? '').padStart(2, '0')}`;
  const release = /ged[-_ ]?(\d{2})[._]?(\d)(?![0-9])/i.exec(text);
  return release !== null ? `ged${release[1]}${release[2]}` : null;
}
