import { attribute, cellText, stringItemText } from './xml-text.ts';

/**
 * Rows of a worksheet part, parsed from its XML text as it is inflated, so a sheet of a million rows never sits in
 * memory whole. Only <sheetData> matters: each <row r="N"> holds <c r="B7" t="…" s="…"> cells whose value is a <v>
 * (number, shared-string index, boolean, error, formula result) or an <is> inline string. Empty cells are simply
 * absent, so a cell's column comes from the letters of its `r` (or follows the previous cell when `r` is missing,
 * which the format allows).
 */

export interface SheetRow {
  /** Spreadsheet row number (1-based). */
  row: number;
  /** Cell texts by column (A = 0); missing cells are ''. */
  cells: string[];
}

export interface CellContext {
  sharedStrings: readonly string[];
  /** Style indices (the `s` attribute) whose number format shows a date. */
  dateStyles: ReadonlySet<number>;
  /** Turns a date serial into an ISO date (the workbook's 1900 or 1904 date system). */
  serialToDate(serial: number): string | null;
}

/** Bigger than any sane row; beyond it the sheet is refused rather than buffered. */
export const MAX_ROW_XML = 64 * 1024 * 1024;

const ROW_START = /<(?:[\w.-]+:)?row\b([^>]*?)(\/?)>/g;
const ROW_END = /<\/(?:[\w.-]+:)?row>/g;
const ROW_END_ANY = /<\/(?:[\w.-]+:)?row>/;
const SHEET_DATA_END = /<\/(?:[\w.-]+:)?sheetData>/;
const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const VALUE = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/;
const INLINE = /<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/;

export class SheetRowParser {
  /** A short tail of text that may hold the start of the next tag. */
  private carry = '';
  /** Pieces of a row whose end has not been seen yet. */
  private pending: string[] = [];
  private pendingLength = 0;
  private pendingTail = '';
  private lastRow = 0;
  private finished = false;

  constructor(private readonly context: CellContext) {}

  /** Parses the rows completed by `text`; throws RangeError when one row's XML passes MAX_ROW_XML. */
  push(text: string, out: SheetRow[]): void {
    if (this.finished) return;
    if (this.pending.length > 0) {
      // Inside a long row: look for its end in the new text only, so a huge row costs linear time.
      const tail = this.pendingTail + text;
      if (!ROW_END_ANY.test(tail)) {
        this.pending.push(text);
        this.pendingLength += text.length;
        this.pendingTail = tail.slice(-64);
        if (this.pendingLength > MAX_ROW_XML) throw new RangeError('worksheet row too large');
        return;
      }
      text = this.pending.join('') + text;
      this.pending = [];
      this.pendingLength = 0;
    }
    const buf = this.carry + text;
    const dataEnd = buf.search(SHEET_DATA_END);
    const limit = dataEnd === -1 ? buf.length : dataEnd;
    let pos = 0;
    let unfinished = false;
    for (;;) {
      ROW_START.lastIndex = pos;
      const start = ROW_START.exec(buf);
      if (start === null || start.index >= limit) break;
      let content = '';
      let next = ROW_START.lastIndex;
      if (start[2] !== '/') {
        ROW_END.lastIndex = next;
        const end = ROW_END.exec(buf);
        if (end === null) {
          pos = start.index;
          unfinished = true;
          break;
        }
        content = buf.slice(next, end.index);
        next = ROW_END.lastIndex;
      }
      const number = Number(attribute(start[1] ?? '', 'r'));
      this.lastRow = Number.isInteger(number) && number > 0 ? number : this.lastRow + 1;
      out.push({ row: this.lastRow, cells: this.cells(content) });
      pos = next;
    }
    if (dataEnd !== -1) {
      this.finished = true;
      this.carry = '';
      return;
    }
    if (unfinished) {
      const row = buf.slice(pos);
      this.pending = [row];
      this.pendingLength = row.length;
      this.pendingTail = row.slice(-64);
      this.carry = '';
    } else {
      this.carry = buf.slice(Math.max(pos, buf.length - 32)); // may hold the start of "<row" or "</sheetData>"
    }
  }

  private cells(content: string): string[] {
    const cells: string[] = [];
    let column = -1;
    for (const match of content.matchAll(CELL)) {
      const attributes = match[1] ?? '';
      const reference = attribute(attributes, 'r');
      column = reference === null ? column + 1 : columnIndex(reference, column + 1);
      const value = this.value(attributes, match[2] ?? '');
      if (value === '') continue;
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
    return cells;
  }

  private value(attributes: string, content: string): string {
    const type = attribute(attributes, 't') ?? 'n';
    if (type === 'inlineStr') {
      const inline = INLINE.exec(content);
      return inline === null ? '' : stringItemText(inline[1] ?? '');
    }
    const raw = VALUE.exec(content)?.[1];
    if (raw === undefined) return '';
    switch (type) {
      case 's':
        return this.context.sharedStrings[Number(raw)] ?? '';
      case 'b':
        return raw.trim() === '1' ? 'TRUE' : 'FALSE';
      case 'n': {
        const style = Number(attribute(attributes, 's') ?? -1);
        if (this.context.dateStyles.has(style)) return this.context.serialToDate(Number(raw)) ?? raw.trim();
        return raw.trim();
      }
      default:
        return cellText(raw); // 'str' (formula text), 'e' (#N/A…), 'd' (ISO date)
    }
  }
}

/** Zero-based column of a cell reference such as "AB12"; `fallback` when it has no letters. */
export function columnIndex(reference: string, fallback: number): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
  }
  // Excel's last column is XFD (16,384); a larger one is damage or an attack on our memory.
  return i === 0 || column > 16384 ? fallback : column - 1;
}
