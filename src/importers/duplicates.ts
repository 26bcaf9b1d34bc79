import type { SourceEvent } from '../core/event.ts';
import { issue } from '../core/issues.ts';
import { IdTable } from './id-table.ts';
import type { ParsedEventRecord } from './types.ts';

/**
 * The same source id twice in one file. Storage upserts by id, so without this check the later record would
 * silently overwrite the earlier one. A repeat with different content is ID_CONFLICT and rejects the later
 * record; an exact repeat (a file concatenated twice) is kept with a warning, since storing it changes nothing.
 *
 * Content is compared through a 32-bit fingerprint of the fields that a revision changes (ACLED bumps
 * `timestamp` on every edit), kept in a compact table (id-table.ts): no copy of the row, no string per id.
 */
export class DuplicateIds {
  private readonly ids = new IdTable();

  constructor(private readonly idColumn: string) {}

  /** Checks the record in place: turns a conflicting repeat into a rejection, flags an exact one. */
  check(record: ParsedEventRecord): void {
    const event = record.event;
    if (event === null) return;
    const print = fingerprint(event);
    const row = record.rows[0] ?? 0;
    const known = this.ids.seenOrAdd(event.sourceId, print, row);
    if (known === null) return;
    const params = { value: event.sourceId, firstRow: known.row };
    if (known.print === print) {
      record.warnings.push(issue(row, this.idColumn, 'ID_CONFLICT', params));
      return;
    }
    record.issues.push(issue(row, this.idColumn, 'ID_CONFLICT', params));
    record.event = null;
  }
}

function mix(h: number, s: string | null): number {
  if (s === null) return Math.imul(h ^ 0xff, 16777619);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return Math.imul(h ^ 0x1f, 16777619);
}

/** Mixes a number without turning it into text: its value to 1e-6, split into two 32-bit halves. */
function mixNumber(h: number, n: number | null): number {
  if (n === null) return Math.imul(h ^ 0xfe, 16777619);
  const scaled = Math.round(n * 1e6);
  h = Math.imul(h ^ (scaled | 0), 16777619);
  return Math.imul(h ^ ((scaled / 4294967296) | 0), 16777619);
}

/** FNV-1a over short fields that distinguish two versions of an event (long text is left out for speed). */
export function fingerprint(e: SourceEvent): number {
  let h = 2166136261;
  h = mix(h, e.date);
  h = mix(h, e.dateEnd);
  h = mix(h, e.sourceEventType);
  h = mix(h, e.subEventType);
  h = mixNumber(h, e.fatalities);
  h = mixNumber(h, e.latitude);
  h = mixNumber(h, e.longitude);
  h = mixNumber(h, e.sourceTimestamp);
  // The first actor only: it tells apart the rows of files without a timestamp (ACLED 2016) at a fraction of the cost.
  h = mix(h, e.actors[0]?.name ?? null);
  return h >>> 0;
}
