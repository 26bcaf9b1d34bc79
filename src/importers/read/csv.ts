import { issue } from '../../core/issues.ts';
import { peekBytes } from './byte-peek.ts';
import { CsvScanner } from './csv-scanner.ts';
import type { CsvSink } from './csv-scanner.ts';
import { chooseEncoding, decodeText, EncodingFailure, encodingIssue } from './decode.ts';
import { rejectInput } from './reject.ts';
import { notTextIssue, sniff, SNIFF_BYTES } from './sniff.ts';
import { delimiterIssue, fitRecord, hxlTags, readHeader } from './tabular-shape.ts';
import type { Header } from './tabular-shape.ts';
import type { ByteSource, SourceRecord, TabularInput, TabularOptions } from './types.ts';

export const DEFAULT_MAX_FIELD_LENGTH = 1_000_000;

/** Lines scanned per batch of records (see CsvScanner.push). */
const BATCH = 128;

export interface CsvOptions extends TabularOptions {
  /** Only ',' is read; a file written with ';' or tabs is refused with DELIMITER_UNEXPECTED. */
  expectedDelimiter?: ',';
}

/**
 * Opens a comma-separated file as a stream of records. Whole-file problems (empty, binary, zip or spreadsheet,
 * gzip, wrong delimiter, no header, invalid encoding within the header) are thrown as VigieError('INPUT_REJECTED')
 * before any record is produced. An encoding error further down is thrown by the records iterator, with the line
 * where it occurs: the file must then be re-read with another encoding, and what was read before is not to be kept.
 * Everything else is per record: FIELD_COUNT, FIELD_TOO_LONG, FILE_TRUNCATED (a quote still open at the end).
 */
export async function openCsv(source: ByteSource, options: CsvOptions = {}): Promise<TabularInput> {
  const peeked = await peekBytes(source.chunks(), SNIFF_BYTES);
  const format = sniff(peeked.head.subarray(0, SNIFF_BYTES));
  const problem = notTextIssue(format);
  if (problem !== null) {
    await peeked.close();
    throw rejectInput(source.name, problem);
  }
  const [encoding, bomLength] = chooseEncoding(options.encoding ?? 'auto', format);
  const text = decodeText(peeked.stream, encoding, bomLength)[Symbol.asyncIterator]();
  const reader = new CsvReader(source.name, text, options.maxFieldLength ?? DEFAULT_MAX_FIELD_LENGTH);
  try {
    await reader.start();
  } catch (error) {
    await text.return?.(undefined);
    throw error;
  }
  return { header: reader.header.names, hxlTags: reader.hxl, records: reader.records() };
}

/** Feeds decoded text to the scanner and turns its output into header, HXL tags and records. */
class CsvReader implements CsvSink {
  header: Header = { names: [], width: 0 };
  hxl: string[] | null = null;
  private stage: 'header' | 'hxl' | 'records' = 'header';
  private queue: SourceRecord[] = [];
  private done = false;
  private readonly scanner: CsvScanner;

  constructor(
    private readonly file: string,
    private readonly text: AsyncIterator<string>,
    private readonly maxField: number,
  ) {
    this.scanner = new CsvScanner(this, maxField);
  }

  /** Reads until the header and the line under it (a possible HXL row) are known. */
  async start(): Promise<void> {
    while (this.stage !== 'records' && !this.done) await this.pump();
    if (this.stage === 'header') throw rejectInput(this.file, issue(0, null, 'FILE_EMPTY'));
  }

  async *records(): AsyncGenerator<SourceRecord> {
    try {
      for (;;) {
        const batch = this.queue;
        this.queue = [];
        for (const record of batch) yield record;
        if (this.done) return;
        await this.pump();
      }
    } finally {
      await this.text.return?.(undefined);
    }
  }

  record(line: number, fields: string[]): void {
    if (this.stage === 'header') {
      const wrongDelimiter = delimiterIssue(line, fields);
      if (wrongDelimiter !== null) throw rejectInput(this.file, wrongDelimiter);
      const header = readHeader(line, fields);
      if ('code' in header) throw rejectInput(this.file, header);
      this.header = header;
      this.stage = 'hxl';
      return;
    }
    if (this.stage === 'hxl') {
      this.stage = 'records';
      this.hxl = hxlTags(fields, this.header.width);
      if (this.hxl !== null) return;
    }
    this.queue.push(fitRecord(line, fields, this.header.width));
  }

  broken(
    line: number,
    code: 'FIELD_TOO_LONG' | 'FILE_TRUNCATED',
    fieldIndex: number | null,
    length: number,
    limit: number,
  ): void {
    const column = fieldIndex === null ? null : (this.header.names[fieldIndex] ?? null);
    const params = code === 'FIELD_TOO_LONG' ? { length, limit } : undefined;
    const problem = issue(line, column, code, params);
    if (this.stage === 'header') throw rejectInput(this.file, problem);
    this.stage = 'records';
    this.queue.push({ row: line, issue: problem });
  }

  private async pump(): Promise<void> {
    if (this.scanner.drain(BATCH)) return;
    let next: IteratorResult<string>;
    try {
      next = await this.text.next();
    } catch (error) {
      if (error instanceof EncodingFailure) {
        throw rejectInput(this.file, encodingIssue(this.scanner.currentLine(), error));
      }
      throw error;
    }
    if (next.done === true) {
      this.done = true;
      this.scanner.end();
    } else {
      this.scanner.push(next.value);
      this.scanner.drain(BATCH);
    }
  }
}
