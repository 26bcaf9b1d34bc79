import type { PublicCell, PublicRelease } from '../../analysis/public-release.ts';
import { csvLine, neutraliseFormula } from './csv-cell.ts';

export const PUBLIC_FORMATS = ['csv', 'json', 'hxl'] as const;
export type PublicFormat = (typeof PUBLIC_FORMATS)[number];

/**
 * Columns of the public release with their HXL 1.1 hashtags: P-codes as `#adm1+code`/`#adm2+code`, the month
 * as `#date+month` and incidents as `#event+num` (as OCHA's HDX HAPI tags ACLED's monthly admin aggregates),
 * the harm type as `#impact+type`, the perpetrator category as `#org+type+perpetrator` (as vigie's event export
 * does), victims as `#affected+num` (people affected). No column holds an identifier or a name.
 */
const COLUMNS: ReadonlyArray<readonly [string, string, (c: PublicCell) => string | number | null]> = [
  ['admin1_pcode', '#adm1+code', (c) => c.admin1Pcode],
  ['admin2_pcode', '#adm2+code', (c) => c.admin2Pcode],
  ['month', '#date+month', (c) => c.month],
  ['harm_type', '#impact+type', (c) => c.harm],
  ['perpetrator_category', '#org+type+perpetrator', (c) => c.perpetrator],
  ['incidents', '#event+num', (c) => c.incidents],
  ['victims', '#affected+num', (c) => c.victims],
];

export const PUBLIC_CSV_HEADER = COLUMNS.map(([name]) => name);
export const PUBLIC_HXL_TAGS = COLUMNS.map(([, tag]) => tag);

/** CSV (RFC 4180, CRLF), with the HXL hashtag row under the header for `hxl`; every text cell neutralised. */
export function publicReleaseCsv(release: PublicRelease, hxl: boolean): string {
  const lines = [csvLine(PUBLIC_CSV_HEADER)];
  if (hxl) lines.push(csvLine(PUBLIC_HXL_TAGS));
  for (const cell of release.cells) lines.push(csvLine(COLUMNS.map(([, , get]) => get(cell))));
  return lines.join('');
}

const safeText = <T extends string | null>(value: T): T =>
  (value === null ? value : neutraliseFormula(value)) as T;

/**
 * The JSON document of the release, the same for the CLI and the API: the cells (text neutralised like the CSV
 * cells, in case the JSON is flattened into a spreadsheet) and the notes, named field by field so nothing else
 * can slip in.
 */
export function publicReleaseDocument(release: PublicRelease) {
  const { notes } = release;
  return {
    k: notes.k,
    cells: release.cells.map((c) => ({
      admin1Pcode: safeText(c.admin1Pcode),
      admin2Pcode: safeText(c.admin2Pcode),
      month: safeText(c.month),
      harm: safeText(c.harm),
      perpetrator: safeText(c.perpetrator),
      incidents: c.incidents,
      victims: c.victims,
    })),
    notes: {
      codes: [...notes.codes],
      suppressedCells: notes.suppressedCells,
      coarsenedToAdmin1: notes.coarsenedToAdmin1,
      droppedWithoutLocation: notes.droppedWithoutLocation,
      droppedInvalid: notes.droppedInvalid,
    },
  };
}

export type PublicReleaseDocument = ReturnType<typeof publicReleaseDocument>;

export interface PublicExport {
  body: string;
  contentType: string;
  fileName: string;
}

export function exportPublicRelease(release: PublicRelease, format: PublicFormat): PublicExport {
  switch (format) {
    case 'csv':
      return {
        body: publicReleaseCsv(release, false),
        contentType: 'text/csv; charset=utf-8',
        fileName: 'vigie-public-incidents.csv',
      };
    case 'hxl':
      return {
        body: publicReleaseCsv(release, true),
        contentType: 'text/csv; charset=utf-8',
        fileName: 'vigie-public-incidents.hxl.csv',
      };
    case 'json':
      return {
        body: `${JSON.stringify(publicReleaseDocument(release), null, 2)}\n`,
        contentType: 'application/json; charset=utf-8',
        fileName: 'vigie-public-incidents.json',
      };
  }
}
