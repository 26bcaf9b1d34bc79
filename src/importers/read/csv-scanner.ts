import { RecordWalker } from './csv-record-walker.ts';
import { countBreaks } from './line-breaks.ts';

/**
 * RFC 4180 record scanner over decoded text fed in chunks.
 *
 * Why hand-rolled rather than udsv's incremental `chunk()` (which is about as fast): udsv cannot tell on which
 * physical line a record starts, needs one row delimiter for the whole file (the ACLED 2016 export ends records
 * with CRLF but has bare LF inside quoted notes), and keeps an unterminated quoted field in memory until the end of
 * the input. This scanner finds lines with `indexOf` and splits runs of unquoted fields with the native
 * `String#split`, so per-character JavaScript runs only inside quoted fields that hold doubled quotes.
 *
 * Accepted syntax (the same as Python's csv module, which wrote most of the files we read): fields separated by
 * ',', records ended by CRLF, LF or a lone CR; a field starting with '"' is quoted, '""' inside it is one quote, and
 * quoted fields may hold commas and line breaks; a quote inside an unquoted field is an ordinary character; text
 * between a closing quote and the next delimiter is appended to the field. Lines holding only spaces or tabs are
 * skipped. Line numbers count every CRLF, LF or lone CR, including those inside quoted fields.
 */

export interface CsvSink {
  record(line: number, fields: string[]): void;
  /** A record that could not be read; `fieldIndex` is null when the record as a whole was too long. */
  broken(line: number, code: 'FIELD_TOO_LONG' | 'FILE_TRUNCATED', fieldIndex: number | null): void;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const INCOMPLETE = -1;
const BLANK = /^[ \t]*$/;
const MIN_RESCAN = 64 * 1024;

export class CsvScanner {
  /** Physical line where the next record starts. */
  private line = 1;
  /** Start of a record that did not end in the text seen so far. */
  private carry = '';
  /** Text pushed after an unfinished record, not scanned yet (see push). */
  private waiting: string[] = [];
  private waitingLength = 0;
  /** Set while an over-long record is skipped without keeping its text. */
  private skipper: RecordWalker | null = null;
  private skipLine = 0;
  // Next positions of '"', LF and CR in the buffer being scanned (buffer length when there is none). Caching them
  // keeps each search linear: without it every quoted field would rescan to the next CR, i.e. to the end of an
  // LF-only buffer.
  private buf = '';
  private pos = 0;
  /** True from `push` until `drain` has scanned all of the pushed text. */
  private loaded = false;
  private nextQuote = 0;
  private nextLf = 0;
  private nextCr = 0;
  private readonly recordCap: number;

  constructor(
    private readonly sink: CsvSink,
    private readonly maxField: number,
  ) {
    // A record may hold several long fields, but memory must stay bounded: cap a pending record at 4 fields' worth.
    this.recordCap = maxField * 4 + 1024;
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
    this.load(this.carry.length === 0 ? text : this.carry + text);
    this.carry = '';
    this.loaded = true;
  }

  /** Reports up to `limit` more records of the pushed text; false once all of it is scanned. */
  drain(limit: number): boolean {
    if (!this.loaded) return false;
    if (this.scan(false, limit)) return true;
    this.loaded = false;
    this.carry = this.pos === this.buf.length ? '' : this.buf.slice(this.pos);
    this.load('');
    if (this.carry.length > this.maxField) this.checkPending();
    return false;
  }

  /** Ends the input: the unfinished record, if any, is reported (as truncated when a quote is still open). */
  end(): void {
    if (this.skipper !== null) {
      // A quote still open at the end is the bigger problem: the rest of the file was swallowed by one field.
      if (this.skipper.inQuotes()) this.sink.broken(this.skipLine, 'FILE_TRUNCATED', null);
      else this.sink.broken(this.skipLine, 'FIELD_TOO_LONG', this.skipper.tooLongField());
      this.line = this.skipLine + this.skipper.lines + 1;
      this.skipper = null;
    } else if (this.carry.length > 0 || this.waitingLength > 0) {
      this.load(this.carry + this.waiting.join(''));
      this.scan(true, Infinity);
    }
    this.carry = '';
    this.waiting = [];
    this.waitingLength = 0;
    this.load('');
  }

  /** Line holding the end of the text pushed so far (where a decoding error that follows it would be). */
  currentLine(): number {
    if (this.skipper !== null) return this.skipLine + this.skipper.lines;
    const pending = this.carry + this.waiting.join('');
    return this.line + countBreaks(pending, 0, pending.length);
  }

  private finishSkip(): void {
    const skipper = this.skipper as RecordWalker;
    this.sink.broken(this.skipLine, 'FIELD_TOO_LONG', skipper.tooLongField());
    this.line = this.skipLine + skipper.lines;
    this.skipper = null;
  }

  /** The pending record is long: walk it once to see whether it already breaks a limit; if so, stop keeping it. */
  private checkPending(): void {
    const walker = new RecordWalker(this.maxField, this.recordCap);
    // The walker agrees with the scanner that the record goes on (-1); if it ever did not, keep the text.
    if (walker.feed(this.carry, 0) !== -1 || !walker.exceeded()) return;
    this.skipper = walker;
    this.skipLine = this.line;
    this.carry = '';
  }

  private load(buf: string): void {
    this.buf = buf;
    this.pos = 0;
    this.nextQuote = this.nextLf = this.nextCr = -1;
  }

  /** Scans from `pos`; returns true when it stopped after `limit` lines with text still left. */
  private scan(final: boolean, limit: number): boolean {
    const buf = this.buf;
    const len = buf.length;
    let pos = this.pos;
    let budget = limit;
    while (pos < len) {
      if (budget-- === 0) {
        this.pos = pos;
        return true;
      }
      const lf = this.lfFrom(pos);
      const cr = this.crFrom(pos);
      const eol = lf < cr ? lf : cr;
      if (this.quoteFrom(pos) < eol) {
        const next = this.scanQuotedRecord(pos, final);
        if (next === INCOMPLETE) break;
        pos = next;
        continue;
      }
      // The fast path: a line without quotes is a record whose fields are split natively.
      if (!final && (eol === len || (eol === len - 1 && eol === cr))) break; // a CR may be half of a CRLF
      const line = this.line++;
      const next = eol === cr && lf === eol + 1 ? eol + 2 : eol + 1;
      if (eol === pos) {
        pos = next; // empty line
        continue;
      }
      const fields = buf.slice(pos, eol).split(',');
      if (fields.length === 1 && BLANK.test(fields[0] as string)) {
        pos = next; // spaces or tabs only
        continue;
      }
      this.emit(line, fields, eol - pos);
      pos = next;
    }
    this.pos = Math.min(pos, len);
    return false;
  }

  /** Scans a record that holds at least one quote; returns where the next record starts, or INCOMPLETE. */
  private scanQuotedRecord(start: number, final: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    let fields: string[] = [];
    let breaks = 0; // line breaks inside quoted fields
    let p = start;
    for (;;) {
      let end: number; // where the current field's text stops (a comma, a line break or the end of the text)
      if (buf.charCodeAt(p) === QUOTE) {
        let value = '';
        let from = p + 1;
        let q = this.quoteFrom(from);
        for (;;) {
          if (q === len) {
            if (!final) return INCOMPLETE;
            this.sink.broken(this.line, 'FILE_TRUNCATED', null);
            this.line += countBreaks(buf, start, len) + 1;
            return len;
          }
          if (q === len - 1 && !final) return INCOMPLETE; // the next character may make it a doubled quote
          if (buf.charCodeAt(q + 1) !== QUOTE) break;
          value += buf.slice(from, q + 1);
          from = q + 2;
          q = this.quoteFrom(from);
        }
        value = value.length === 0 ? buf.slice(from, q) : value + buf.slice(from, q);
        if (this.lfFrom(p) < q || this.crFrom(p) < q) breaks += countBreaks(buf, p + 1, q);
        end = q + 1;
        const c = buf.charCodeAt(end);
        if (end < len && c !== COMMA && c !== LF && c !== CR) {
          // Text after the closing quote belongs to the field (Python's csv does the same).
          const stop = this.fieldEnd(end);
          if (stop === len && !final) return INCOMPLETE;
          value += buf.slice(end, stop);
          end = stop;
        }
        fields.push(value);
      } else {
        const q = this.quoteFrom(p);
        const lf = this.lfFrom(p);
        const cr = this.crFrom(p);
        const eol = lf < cr ? lf : cr;
        if (q < eol) {
          const pieces = buf.slice(p, q).split(',');
          const last = pieces[pieces.length - 1] as string;
          pieces.length--;
          if (fields.length === 0) fields = pieces;
          else for (let i = 0; i < pieces.length; i++) fields.push(pieces[i] as string);
          if (last === '') {
            p = q; // a quoted field starts here
            continue;
          }
          // A quote inside an unquoted field is an ordinary character; the field runs to the next delimiter.
          end = this.fieldEnd(q);
          if (end === len && !final) return INCOMPLETE;
          fields.push(buf.slice(q - last.length, end));
        } else {
          if (eol === len && !final) return INCOMPLETE;
          const pieces = buf.slice(p, eol).split(',');
          if (fields.length === 0) fields = pieces;
          else for (let i = 0; i < pieces.length; i++) fields.push(pieces[i] as string);
          end = eol;
        }
      }
      // `end` is at a comma, a line break or the end of the text.
      const c = buf.charCodeAt(end);
      if (c === COMMA) {
        p = end + 1;
        if (p === len && final) fields.push('');
        if (p < len) continue;
        if (!final) return INCOMPLETE;
      } else if (c === CR && end === len - 1 && !final) {
        return INCOMPLETE; // a CR at the end of the text may be half of a CRLF
      }
      const line = this.line;
      this.line += breaks + 1;
      this.emit(line, fields, end - start);
      if (end >= len) return len;
      return c === CR && buf.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    }
  }

  private emit(line: number, fields: string[], length: number): void {
    if (length > this.maxField) {
      if (length > this.recordCap) return this.sink.broken(line, 'FIELD_TOO_LONG', null);
      const long = fields.findIndex((field) => field.length > this.maxField);
      if (long !== -1) return this.sink.broken(line, 'FIELD_TOO_LONG', long);
    }
    this.sink.record(line, fields);
  }

  /** Position of the next comma, LF or CR at or after `from` (the text length when there is none). */
  private fieldEnd(from: number): number {
    const comma = this.buf.indexOf(',', from);
    const lf = this.lfFrom(from);
    const cr = this.crFrom(from);
    let end = lf < cr ? lf : cr;
    if (comma !== -1 && comma < end) end = comma;
    return end;
  }

  private quoteFrom(from: number): number {
    if (this.nextQuote < from) this.nextQuote = indexOrLength(this.buf, '"', from);
    return this.nextQuote;
  }

  private lfFrom(from: number): number {
    if (this.nextLf < from) this.nextLf = indexOrLength(this.buf, '\n', from);
    return this.nextLf;
  }

  private crFrom(from: number): number {
    if (this.nextCr < from) this.nextCr = indexOrLength(this.buf, '\r', from);
    return this.nextCr;
  }
}

function indexOrLength(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at === -1 ? text.length : at;
}
