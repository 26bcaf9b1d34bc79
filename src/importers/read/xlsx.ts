import { posix } from 'node:path';
import { issue } from '../../core/issues.ts';
import type { RowIssue } from '../../core/issues.ts';
import { asyncOf } from './byte-source.ts';
import { readAllBytes } from './read-all.ts';
import { rejectInput } from './reject.ts';
import { sniff } from './sniff.ts';
import { fitRecord, hxlTags, readHeader } from './tabular-shape.ts';
import type { Header } from './tabular-shape.ts';
import { dateStyles, serialToIso } from './xlsx-dates.ts';
import { MAX_ROW_XML, SheetRowParser } from './xlsx-sheet.ts';
import type { CellContext, SheetRow } from './xlsx-sheet.ts';
import { attribute, elements, stringItemText } from './xml-text.ts';
import { entryText, InflateBudget, inflateEntry, readZipDirectory, ZipProblem } from './zip.ts';
import type { ZipEntry } from './zip.ts';
import type { ByteSource, SourceRecord, TabularInput } from './types.ts';

export interface XlsxOptions {
  /** Read this sheet; the file is refused when it has none by that name. */
  sheet?: string;
  /** Else the first of these that exists (e.g. ['Data'] for ACLED's HDX workbooks), else the first sheet. */
  preferSheets?: string[];
  /** Largest .xlsx file accepted (it is held in memory: a zip's directory is at its end). Default 256 MiB. */
  maxBytes?: number;
  /** Most bytes all the parts read may inflate to, against zip bombs. Default 2 GiB. */
  maxUncompressedBytes?: number;
}

/**
 * One sheet of an .xlsx as the same TabularInput a CSV gives: header (first non-empty row), HXL tags, then records
 * whose `row` is the spreadsheet row number. Cell values are text as a CSV export would hold them: shared and
 * inline strings, numbers as stored ("12", "0.5"), booleans as TRUE/FALSE, date-formatted numbers as ISO dates.
 * The sheet XML is inflated and parsed as records are read; only the file and its shared strings are held whole.
 */
export async function openXlsx(source: ByteSource, options: XlsxOptions = {}): Promise<TabularInput> {
  const maxBytes = options.maxBytes ?? 256 * 2 ** 20;
  const bytes = await readAllBytes(source, maxBytes);
  const format = sniff(bytes.subarray(0, 4096));
  if (format.kind !== 'xlsx' && format.kind !== 'zip') throw rejectInput(source.name, notXlsx(format.kind));
  const budget = new InflateBudget(options.maxUncompressedBytes ?? 2 * 2 ** 30);
  try {
    const book = openWorkbook(bytes, budget, options);
    if ('code' in book) throw rejectInput(source.name, book);
    return tabular(source.name, sheetRows(bytes, book.sheet, book.context, budget));
  } catch (error) {
    throw translate(source.name, error);
  }
}

function notXlsx(kind: string): RowIssue {
  if (kind === 'empty') return issue(0, null, 'FILE_EMPTY');
  if (kind === 'gzip') return issue(0, null, 'FILE_IS_GZIP');
  if (kind === 'xls' || kind === 'ods') return issue(0, null, 'FILE_IS_SPREADSHEET', { format: kind });
  return issue(0, null, 'FORMAT_UNRECOGNISED', { expected: 'xlsx', found: kind });
}

/** Zip and XML problems, met at open or while records are read, become file-level rejections. */
function translate(file: string, error: unknown): unknown {
  if (error instanceof ZipProblem) {
    if (error.reason === 'too-large') {
      return rejectInput(file, issue(0, null, 'FILE_TOO_LARGE', { format: 'xlsx', limit: error.limit }));
    }
    if (error.reason === 'corrupt')
      return rejectInput(file, issue(0, null, 'FILE_TRUNCATED', { format: 'xlsx' }));
    return rejectInput(
      file,
      issue(0, null, 'FORMAT_UNRECOGNISED', { format: 'xlsx', reason: error.message }),
    );
  }
  if (error instanceof RangeError) {
    return rejectInput(file, issue(0, null, 'FILE_TOO_LARGE', { format: 'xlsx', limit: MAX_ROW_XML }));
  }
  return error;
}

interface Workbook {
  sheet: ZipEntry;
  context: CellContext;
}

function openWorkbook(bytes: Uint8Array, budget: InflateBudget, options: XlsxOptions): Workbook | RowIssue {
  const entries = new Map(readZipDirectory(bytes).map((entry) => [entry.name, entry]));
  const read = (name: string): string | null => {
    const entry = entries.get(name);
    return entry === undefined ? null : entryText(bytes, entry, budget);
  };
  const bookPath = officeDocumentPath(read('_rels/.rels'));
  const workbookXml = read(bookPath);
  if (workbookXml === null) return issue(0, null, 'FILE_IS_ZIP');
  const relations = relationships(read(relsPathOf(bookPath)) ?? '', bookPath);
  const sheets = [...elements(workbookXml, 'sheet')].map(([attributes]) => ({
    name: attribute(attributes, 'name') ?? '',
    target: relations.get(attribute(attributes, 'id') ?? '')?.target,
  }));
  const chosen = chooseSheet(sheets, options);
  if (chosen === undefined) {
    const wanted = options.sheet ?? options.preferSheets?.[0] ?? '';
    return issue(0, null, 'FORMAT_UNRECOGNISED', {
      sheet: wanted,
      sheets: sheets.map((s) => s.name).join(', '),
    });
  }
  const sheet = chosen.target === undefined ? undefined : entries.get(chosen.target);
  if (sheet === undefined) return issue(0, null, 'FILE_TRUNCATED', { format: 'xlsx', missing: chosen.name });
  const partOfType = (type: string): string | undefined =>
    [...relations.values()].find((relation) => relation.type.endsWith(`/${type}`))?.target;
  const sharedXml = read(partOfType('sharedStrings') ?? 'xl/sharedStrings.xml');
  const stylesXml = read(partOfType('styles') ?? 'xl/styles.xml');
  const date1904 = /date1904\s*=\s*["'](?:1|true)["']/.test(workbookXml);
  return {
    sheet,
    context: {
      sharedStrings:
        sharedXml === null ? [] : [...elements(sharedXml, 'si')].map(([, c]) => stringItemText(c ?? '')),
      dateStyles: stylesXml === null ? new Set() : dateStyles(stylesXml),
      serialToDate: (serial) => serialToIso(serial, date1904),
    },
  };
}

function chooseSheet<T extends { name: string }>(sheets: T[], options: XlsxOptions): T | undefined {
  if (options.sheet !== undefined) {
    const wanted = options.sheet.toLowerCase();
    return (
      sheets.find((s) => s.name === options.sheet) ?? sheets.find((s) => s.name.toLowerCase() === wanted)
    );
  }
  for (const name of options.preferSheets ?? []) {
    const found = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (found !== undefined) return found;
  }
  return sheets[0];
}

/** The workbook part named by the package relationships (almost always xl/workbook.xml). */
function officeDocumentPath(packageRels: string | null): string {
  for (const relation of relationships(packageRels ?? '', '').values()) {
    if (relation.type.endsWith('/officeDocument')) return relation.target;
  }
  return 'xl/workbook.xml';
}

function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** Relationship id → type and target resolved to a zip entry name (targets are relative to the source part). */
function relationships(xml: string, sourcePart: string): Map<string, { type: string; target: string }> {
  const map = new Map<string, { type: string; target: string }>();
  for (const [attributes] of elements(xml, 'Relationship')) {
    const target = attribute(attributes, 'Target') ?? '';
    const resolved = target.startsWith('/')
      ? target.slice(1)
      : posix.normalize(posix.join(posix.dirname(sourcePart), target));
    map.set(attribute(attributes, 'Id') ?? '', {
      type: attribute(attributes, 'Type') ?? '',
      target: resolved,
    });
  }
  return map;
}

function* sheetRows(bytes: Uint8Array, sheet: ZipEntry, context: CellContext, budget: InflateBudget) {
  const parser = new SheetRowParser(context);
  const decoder = new TextDecoder('utf-8');
  const out: SheetRow[] = [];
  for (const chunk of inflateEntry(bytes, sheet, budget)) {
    parser.push(decoder.decode(chunk, { stream: true }), out);
    for (const row of out) if (row.cells.some((cell) => cell.trim() !== '')) yield row;
    out.length = 0;
  }
}

/** Header, HXL row and records from the non-empty rows, with the same shape rules as CSV. */
function tabular(file: string, rows: Generator<SheetRow>): TabularInput {
  const first = rows.next();
  if (first.done === true) throw rejectInput(file, issue(0, null, 'FILE_EMPTY'));
  const read = readHeader(first.value.row, first.value.cells);
  if ('code' in read) throw rejectInput(file, read);
  const header: Header = read;
  const second = rows.next();
  const hxl = second.done === true ? null : hxlTags(second.value.cells, header.width);
  function* records(): Generator<SourceRecord> {
    try {
      if (second.done !== true && hxl === null)
        yield fitRecord(second.value.row, second.value.cells, header.width, true);
      for (const row of rows) yield fitRecord(row.row, row.cells, header.width, true);
    } catch (error) {
      throw translate(file, error);
    }
  }
  // Inflating and parsing are synchronous; the records are handed out through the async contract all readers share.
  return { header: header.names, hxlTags: hxl, records: asyncOf(records()) };
}
