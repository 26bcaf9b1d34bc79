import { RecordWalker } from './csv-record-walker.ts';
import { CsvSyntax } from './csv-syntax.ts';
import { countBreaks } from './line-breaks.ts';

/**
 * Feeds decoded text, chunk by chunk, to the CSV syntax (csv-syntax.ts) and keeps what does not end in a chunk.
 *
 * Why hand-rolled rather than udsv's incremental `chunk()` (measured: as fast, not faster): udsv cannot tell on
 * which physical line a record starts, needs one row delimiter for the whole file (the ACLED 2016 export ends
 * records with CRLF but has bare LF inside quoted notes), and keeps an unterminated quoted field in memory until the
 * end of the input. Here a record still unfinished past maxFieldLength is handed to a RecordWalker, which walks it
 * without keeping it: a 1 GB unterminated quote costs a scan, not a gigabyte.
 */

export interface CsvSink {
  record(line: number, fields: string[]): void;
  /**
   * A record that could not be read. For FIELD_TOO_LONG, `fieldIndex` is null when the record as a whole was too
   * long, and `length`/`limit` say by how much.
   */
  broken(
    line: number,
    code: 'FIELD_TOO_LONG' | 'FILE_TRUNCATED',
    fieldIndex: number | null,
    length: number,
    limit: number,
  ): void;
}

const INCOMPLETE = -1;
const MIN_RESCAN = 64 * 1024;

export class CsvScanner {
  /** Start of a record that did not end in the text seen so far. */
  private carry = '';
  /** Text pushed after an unfinished record, not scanned yet (see push). */
  private waiting: string[] = [];
  private waitingLength = 0;
  /** Set while an over-long record is skipped without keeping its text. */
  private skipper: RecordWalker | null = null;
  private skipLine = 0;
  /** True from `push` until `drain` has scanned all of the pushed text. */
  private loaded = false;
  private readonly syntax: CsvSyntax;
  private readonly recordCap: number;

  constructor(
    private readonly sink: CsvSink,
    private readonly maxField: number,
  ) {
    // A record may hold several long fields, but memory must stay bounded: cap a pending record at 4 fields' worth.
    this.recordCap = maxField * 4 + 1024;
    this.syntax = new CsvSyntax(sink, maxField, this.recordCap);
  }

  /**
   * Takes the next piece of text; call `drain` until it returns false before pushing more. Records come out in
   * small batches so that they die young: holding the ~2,000 records of a 1 MiB chunk at once made the garbage
   * collector promote them, which cost a quarter of the import time.
   */
  push(text: string): void {
    if (this.skipper !== null) {
      const end = this.skipper.feed(text, 0);
      if (end === INCOMPLETE) return;
      this.finishSkip();
      text = text.slice(end);
    }
    if (this.carry.length > 0) {
      // Rescan an unfinished record only once the text after it is at least as long as it (and 64 KiB): with small
      // chunks (a pipe, a test) rescanning on every push would make a long record cost quadratic time.
      this.waiting.push(text);
      this.waitingLength += text.length;
      if (this.waitingLength < Math.max(MIN_RESCAN, this.carry.length)) return;
      text = this.waiting.join('');
      this.waiting = [];
      this.waitingLength = 0;
    }
    this.syntax.load(this.carry.length === 0 ? text : this.carry + text);
    this.carry = '';
    this.loaded = true;
  }

  /** Reports up to `limit` more records of the pushed text; false once all of it is scanned. */
  drain(limit: number): boolean {
    if (!this.loaded) return false;
    const syntax = this.syntax;
    if (syntax.scan(false, limit)) return true;
    this.loaded = false;
    this.carry = syntax.pos === syntax.buf.length ? '' : syntax.buf.slice(syntax.pos);
    syntax.load('');
    if (this.carry.length > this.maxField) this.checkPending();
    return false;
  }

  /** Ends the input: the unfinished record, if any, is reported (as truncated when a quote is still open). */
  end(): void {
    if (this.skipper !== null) {
      // A quote still open at the end is the bigger problem: the rest of the file was swallowed by one field.
      if (this.skipper.inQuotes()) this.sink.broken(this.skipLine, 'FILE_TRUNCATED', null, 0, 0);
      else this.reportSkipped(this.skipper);
      this.syntax.line = this.skipLine + this.skipper.lines + 1;
      this.skipper = null;
    } else if (this.carry.length > 0 || this.waitingLength > 0) {
      this.syntax.load(this.carry + this.waiting.join(''));
      this.syntax.scan(true, Infinity);
    }
    this.carry = '';
    this.waiting = [];
    this.waitingLength = 0;
    this.syntax.load('');
  }

  /** Line holding the end of the text pushed so far (where a decoding error that follows it would be). */
  currentLine(): number {
    if (this.skipper !== null) return this.skipLine + this.skipper.lines;
    const pending = this.carry + this.waiting.join('');
    return this.syntax.line + countBreaks(pending, 0, pending.length);
  }

  private finishSkip(): void {
    const skipper = this.skipper as RecordWalker;
    this.reportSkipped(skipper);
    this.syntax.line = this.skipLine + skipper.lines;
    this.skipper = null;
  }

  private reportSkipped(skipper: RecordWalker): void {
    const field = skipper.tooLongField();
    const limit = field === null ? this.recordCap : this.maxField;
    this.sink.broken(this.skipLine, 'FIELD_TOO_LONG', field, skipper.tooLongLength(), limit);
  }

  /** The pending record is long: walk it once to see whether it already breaks a limit; if so, stop keeping it. */
  private checkPending(): void {
    const walker = new RecordWalker(this.maxField, this.recordCap);
    // The walker agrees with the scanner that the record goes on (-1); if it ever did not, keep the text.
    if (walker.feed(this.carry, 0) !== -1 || !walker.exceeded()) return;
    this.skipper = walker;
    this.skipLine = this.syntax.line;
    this.carry = '';
  }
}
