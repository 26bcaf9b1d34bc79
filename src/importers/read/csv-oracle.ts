import { delimiterIssue, fitRecord, hxlTags, readHeader } from './tabular-shape.ts';
import type { SourceRecord } from './types.ts';

/**
 * A slow, character-by-character reading of the CSV syntax documented in csv-scanner.ts, written independently of
 * the scanner so that tests can compare the two (differential testing) and the hostile corpus can state what
 * each generated case should give. Not for production: it holds the whole text.
 */

export interface OracleRecord {
  line: number;
  /** null when a quote is still open at the end of the text (FILE_TRUNCATED). */
  fields: string[] | null;
}

export function oracleRecords(text: string): OracleRecord[] {
  const records: OracleRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  const isBreak = (at: number): boolean => text[at] === '\n' || text[at] === '\r';
  const skipBreak = (at: number): number => (text[at] === '\r' && text[at + 1] === '\n' ? at + 2 : at + 1);
  while (i < n) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let sawQuote = false;
    let truncated = false;
    let atFieldStart = true;
    for (;;) {
      if (i >= n) break;
      const c = text[i] as string;
      if (atFieldStart && c === '"') {
        sawQuote = true;
        atFieldStart = false;
        i++;
        for (;;) {
          if (i >= n) {
            truncated = true;
            break;
          }
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (isBreak(i)) {
            line++;
            const next = skipBreak(i);
            field += text.slice(i, next);
            i = next;
            continue;
          }
          field += text[i];
          i++;
        }
        if (truncated) break;
        continue;
      }
      atFieldStart = false;
      if (c === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        i++;
        continue;
      }
      if (isBreak(i)) {
        line++;
        i = skipBreak(i);
        break;
      }
      field += c;
      i++;
    }
    if (truncated) {
      records.push({ line: start, fields: null });
      break;
    }
    fields.push(field);
    const blank = !sawQuote && fields.length === 1 && /^[ \t]*$/.test(field);
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}

export type OracleOutcome =
  | { kind: 'rejected'; code: string }
  | { kind: 'read'; header: string[]; hxl: string[] | null; records: SourceRecord[] };

/** What openCsv should give for `text` (already decoded), with the same header and record rules. */
export function oracleRead(text: string, maxField = 1_000_000): OracleOutcome {
  const raw = oracleRecords(text);
  const first = raw[0];
  if (first === undefined) return { kind: 'rejected', code: 'FILE_EMPTY' };
  if (first.fields === null) return { kind: 'rejected', code: 'FILE_TRUNCATED' };
  if (first.fields.some((f) => f.length > maxField)) return { kind: 'rejected', code: 'FIELD_TOO_LONG' };
  const wrong = delimiterIssue(first.line, first.fields);
  if (wrong !== null) return { kind: 'rejected', code: wrong.code };
  const header = readHeader(first.line, [...first.fields]);
  if ('code' in header) return { kind: 'rejected', code: header.code };
  let hxl: string[] | null = null;
  const records: SourceRecord[] = [];
  raw.slice(1).forEach((record, index) => {
    const { line, fields } = record;
    if (fields === null) {
      records.push({ row: line, issue: { row: line, column: null, code: 'FILE_TRUNCATED' } });
      return;
    }
    const long = fields.findIndex((f) => f.length > maxField);
    if (long !== -1) {
      const column = header.names[long] ?? null;
      records.push({
        row: line,
        issue: {
          row: line,
          column,
          code: 'FIELD_TOO_LONG',
          params: { length: (fields[long] as string).length, limit: maxField },
        },
      });
      return;
    }
    if (index === 0) {
      hxl = hxlTags(fields, header.width);
      if (hxl !== null) return;
    }
    records.push(fitRecord(line, [...fields], header.width));
  });
  return { kind: 'read', header: header.names, hxl, records };
}
