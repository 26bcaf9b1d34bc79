import { issue } from '../core/issues.ts';
import type { SourceRecord, TabularInput } from './read/types.ts';

/**
 * API responses (ACLED, UCDP) are arrays of flat objects. Turning them into the same header + text cells as a CSV
 * lets one mapper per source serve both: the JSON path then gets exactly the CSV path's checks. ACLED's API sends
 * every value as a string already; UCDP's sends numbers and booleans, written here as JavaScript prints them
 * (`3`, `12.5`, `true`), which the CSV parsers accept.
 *
 * Row numbers: a JSON record has no line, so `row` is the record's 1-based position in the array.
 */
export function tabularFromObjects(items: readonly unknown[]): TabularInput {
  // The header is the union of keys in first-seen order: APIs omit null fields in some records.
  const positions = new Map<string, number>();
  for (const item of items) {
    if (!isPlainObject(item)) continue;
    for (const key of Object.keys(item)) if (!positions.has(key)) positions.set(key, positions.size);
  }
  const header = [...positions.keys()];
  return { header, hxlTags: null, records: asAsync(objectRecords(items, header)) };
}

function* objectRecords(items: readonly unknown[], header: readonly string[]): Generator<SourceRecord> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const row = i + 1;
    if (!isPlainObject(item)) {
      yield { row, issue: issue(row, null, 'JSON_INVALID', { value: describe(item) }) };
      continue;
    }
    const values = new Array<string>(header.length);
    for (let k = 0; k < header.length; k++) values[k] = cellText(item[header[k] as string]);
    yield { row, values };
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** In-memory TabularInput from a header and rows of cells (row numbers as in a file: header = line 1). */
export function tabularFromRows(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): TabularInput {
  function* records(): Generator<SourceRecord> {
    for (let i = 0; i < rows.length; i++) yield { row: i + 2, values: [...(rows[i] as readonly string[])] };
  }
  return { header: [...header], hxlTags: null, records: asAsync(records()) };
}

/** An in-memory sequence as the AsyncIterable that readers produce (no promise per item beyond the protocol's). */
export function asAsync<T>(items: Iterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const it = items[Symbol.iterator]();
      return {
        next: () => Promise.resolve(it.next()),
        return: (value?: unknown) =>
          Promise.resolve(it.return?.(value) ?? { done: true as const, value: undefined }),
      };
    },
  };
}
