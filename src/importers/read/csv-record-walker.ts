import { countBreaks } from './line-breaks.ts';

/**
 * Walks one CSV record without keeping its text: measures its fields and finds where it ends. The scanner hands a
 * record to it only when the record is already longer than the longest field allowed, so that a 1 GB unterminated
 * quoted field costs a scan, not 1 GB of memory. It follows the same syntax as CsvScanner (see there).
 */

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** A quote was seen inside a quoted field: a second quote makes it literal, anything else closes the field. */
const QUOTE_IN_QUOTED = 3;
/** The record ended with a CR at the end of the text; an LF at the start of the next text belongs to it. */
const PENDING_CR = 4;

const LF = 10;
const CR = 13;
const QUOTE = 34;

export class RecordWalker {
  /** Line breaks passed so far, including the one that ends the record. */
  lines = 0;
  private state = FIELD_START;
  private field = 0;
  private fieldLength = 0;
  private recordLength = 0;
  private longField = -1;
  private longFieldLength = 0;
  /** A CR ended the previous text inside a quoted field: an LF opening the next text is the same line break. */
  private crInQuotes = false;

  constructor(
    private readonly maxField: number,
    private readonly recordCap: number,
  ) {}

  /** Walks text[from…]; returns where the record ends (just past its line break), or -1 if it goes on. */
  feed(text: string, from: number): number {
    const len = text.length;
    let i = from;
    if (this.state === PENDING_CR) {
      if (i >= len) return -1;
      return text.charCodeAt(i) === LF ? i + 1 : i;
    }
    // Next positions of each special character in `text`, refreshed only once passed (keeps the walk linear).
    let comma = -1;
    let lf = -1;
    let cr = -1;
    let quote = -1;
    const next = (char: string, at: number): number => {
      const found = text.indexOf(char, at);
      return found === -1 ? len : found;
    };
    while (i < len) {
      switch (this.state) {
        case FIELD_START:
          if (text.charCodeAt(i) === QUOTE) {
            this.state = QUOTED;
            i++;
          } else {
            this.state = UNQUOTED;
          }
          break;
        case UNQUOTED: {
          if (comma < i) comma = next(',', i);
          if (lf < i) lf = next('\n', i);
          if (cr < i) cr = next('\r', i);
          const stop = Math.min(comma, lf, cr);
          this.grow(stop - i);
          i = stop;
          if (i === len) break;
          if (i === comma) {
            this.field++;
            this.fieldLength = 0;
            this.recordLength++;
            this.state = FIELD_START;
            i++;
            break;
          }
          this.lines++;
          if (i === cr) {
            if (i + 1 === len) {
              this.state = PENDING_CR;
              return -1;
            }
            return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
          }
          return i + 1;
        }
        case QUOTED: {
          if (this.crInQuotes) {
            this.crInQuotes = false;
            if (text.charCodeAt(i) === LF) i++;
            if (i === len) break;
          }
          if (quote < i) quote = next('"', i);
          this.lines += countBreaks(text, i, quote);
          this.crInQuotes = quote === len && text.charCodeAt(len - 1) === CR;
          this.grow(quote - i);
          i = quote;
          if (i < len) {
            this.state = QUOTE_IN_QUOTED;
            i++;
          }
          break;
        }
        case QUOTE_IN_QUOTED:
          if (text.charCodeAt(i) === QUOTE) {
            this.grow(1);
            this.state = QUOTED;
            i++;
          } else {
            this.state = UNQUOTED; // the field is closed; text up to the next delimiter is appended to it
          }
          break;
      }
    }
    return -1;
  }

  /** True once a field or the record is over its limit. */
  exceeded(): boolean {
    return this.longField !== -1 || this.recordLength > this.recordCap;
  }

  /** Index of the first field over the limit, or null when only the record as a whole is too long. */
  tooLongField(): number | null {
    return this.longField === -1 ? null : this.longField;
  }

  /** Length of that field (or of the record, when no single field is too long), as far as walked. */
  tooLongLength(): number {
    return this.longField === -1 ? this.recordLength : this.longFieldLength;
  }

  /** True when the text ended inside a quoted field (an unterminated quote at the end of the file). */
  inQuotes(): boolean {
    return this.state === QUOTED;
  }

  private grow(count: number): void {
    this.fieldLength += count;
    this.recordLength += count;
    if (this.longField === -1 && this.fieldLength > this.maxField) this.longField = this.field;
    if (this.longField === this.field) this.longFieldLength = this.fieldLength;
  }
}
