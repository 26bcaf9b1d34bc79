import type { EventActor } from '../core/event.ts';
import { issue } from '../core/issues.ts';
import type { RowIssue } from '../core/issues.ts';
import type { InterCode } from '../core/taxonomy/inter-codes.ts';
import type { AcledRowMapper } from './acled-record.ts';
import { pushSide } from './acled-record.ts';
import { textAt } from './columns.ts';
import type { ParsedEventRecord } from './types.ts';

/**
 * ACLED's *monadic* export writes one row per (event, actor): the event's fields are repeated, and the row's own
 * actor sits in `actor1`/`assoc_actor_1`/`inter1` (there are no actor2 columns). vigie folds the rows of one
 * `event_id_cnty` back into one dyadic event. The rows of an event are adjacent in ACLED's files, so folding
 * streams: a group ends when the id changes.
 *
 * Which row was actor1? ACLED writes the actor1 row first and the actor2 row second. Checked on the real files:
 * on the 1,485 two-actor events that the monadic export (valenge) shares with a dyadic export of the same years
 * (smose94), the row order gives the dyadic inter1/inter2 every time. So:
 *   1. actor1 is the first row whose inter is not 7 (civilians); if every row is civilians, the first row.
 *      Civilians are the target side; they are actor1 only when alone (one event in 2,916 of smose94:
 *      displaced civilians, no actor2). This keeps the rule right for a file re-sorted by actor.
 *   2. actor2 is the next remaining row in file order; each row's assoc_actor_1 becomes that side's associates.
 *   3. ACLED events have at most two sides; a third row is kept as another actor2 with a VALUE_INVALID warning.
 * Every other field must be equal across the rows (data_id aside, an export-row id); the first that differs on a
 * later row is an ID_CONFLICT there, and the event is rejected: vigie cannot tell which version is right.
 */
export interface MonadicRow {
  row: number;
  values: readonly string[];
}

export class MonadicFolder {
  /** Columns compared across the rows of one event: all named ones except the row's own actor and data_id. */
  private readonly compared: number[];

  constructor(private readonly mapper: AcledRowMapper) {
    const c = mapper.layout.columns;
    const own = new Set([c.actor1, c.assocActor1, c.inter1, c.dataId]);
    this.compared = [];
    mapper.layout.header.names.forEach((name, i) => {
      if (name.trim() !== '' && !own.has(i)) this.compared.push(i);
    });
  }

  fold(group: readonly MonadicRow[]): ParsedEventRecord {
    const first = group[0];
    if (first === undefined) throw new RangeError('empty monadic group');
    const record = this.mapper.map(first.values, first.row);
    if (group.length === 1) return record;
    record.rows = group.map((g) => g.row);

    const c = this.mapper.layout.columns;
    const inters: Array<InterCode | null> = [];
    for (let k = 0; k < group.length; k++) {
      const g = group[k] as MonadicRow;
      // The first row's inter was already checked (and warned about) by map().
      inters.push(
        k === 0
          ? this.interQuiet(g.values)
          : this.mapper.inter(g.values, c.inter1, g.row, 'inter1', record.warnings),
      );
      if (k > 0) this.compare(first, g, record.issues);
    }
    if (record.issues.length > 0) {
      record.event = null;
      return record;
    }
    const event = record.event;
    if (event === null) return record;

    let a1 = inters.findIndex((inter) => inter !== 7);
    if (a1 < 0) a1 = 0;
    const actors: EventActor[] = [];
    const side1 = group[a1] as MonadicRow;
    pushSide(
      actors,
      textAt(side1.values, c.actor1),
      textAt(side1.values, c.assocActor1),
      inters[a1] ?? null,
      'actor1',
      'assoc_actor_1',
    );
    let side2Inter: InterCode | null = null;
    let sides = 1;
    for (let k = 0; k < group.length; k++) {
      if (k === a1) continue;
      const g = group[k] as MonadicRow;
      if (sides === 2) {
        record.warnings.push(
          issue(g.row, this.mapper.col(c.actor1, 'actor1'), 'VALUE_INVALID', {
            value: textAt(g.values, c.actor1) ?? '',
            sides: group.length,
          }),
        );
      } else {
        side2Inter = inters[k] ?? null;
      }
      pushSide(
        actors,
        textAt(g.values, c.actor1),
        textAt(g.values, c.assocActor1),
        inters[k] ?? null,
        'actor2',
        'assoc_actor_2',
      );
      sides = 2;
    }
    event.actors = actors;
    this.mapper.retype(
      event,
      inters[a1] ?? 0,
      side2Inter ?? 0,
      textAt(first.values, c.subEventType),
      textAt(first.values, c.disorderType),
    );
    return record;
  }

  private interQuiet(values: readonly string[]): InterCode | null {
    return this.mapper.inter(values, this.mapper.layout.columns.inter1, 0, 'inter1', []);
  }

  private compare(first: MonadicRow, later: MonadicRow, issues: RowIssue[]): void {
    for (const i of this.compared) {
      const a = first.values[i] ?? '';
      const b = later.values[i] ?? '';
      if (a === b) continue;
      const column = this.mapper.col(i, '');
      issues.push(issue(later.row, column, 'ID_CONFLICT', { value: b, expected: a, firstRow: first.row }));
      return;
    }
  }
}
