import { sql, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Maintenance of `event_rollups`, the monthly sums behind the overview. The rule is recomputation, not deltas:
 * whatever wrote to `events` names the (source, month) pairs it touched, and their rollup rows are deleted and
 * rebuilt from `events` with one INSERT … SELECT … GROUP BY per batch of months, inside the writer's transaction.
 * Recomputing is correct by construction (updates that move an event to another month or region, deletions,
 * re-assignment to new boundaries), and costs one grouped scan of the months touched.
 *
 * The same statements run on both dialects: they are built with Kysely and either executed on a Kysely
 * transaction (PostgreSQL, reference store) or compiled and run on the raw better-sqlite3 connection that SQLite
 * imports use (see sqlite/event-import.ts).
 */

/** The rollup's key: every dimension the overview filters or groups by, at month grain. */
export const ROLLUP_KEY = [
  'source',
  'month',
  'country',
  'admin1',
  'admin1_pcode',
  'admin2_pcode',
  'event_type',
  'perpetrator_category',
  'harm_category',
  'civilian_harm',
  'coarse_location',
] as const;

/** Runs a statement and returns its rows (none for writes), on whatever connection the caller holds. */
export interface SqlRunner {
  /** Builds statements in the runner's SQL dialect. */
  readonly db: Kysely<Database>;
  all<R>(query: Compilable<R>): Promise<R[]>;
}

/** Runner over a Kysely handle or transaction. */
export function kyselyRunner(db: Kysely<Database>): SqlRunner {
  return { db, all: async <R>(q: Compilable<R>) => (await db.executeQuery(q.compile())).rows };
}

/** Touched months per source, as writers collect them. */
export class TouchedMonths {
  private readonly bySource = new Map<string, Set<string>>();

  add(source: unknown, month: unknown): void {
    if (typeof source !== 'string' || typeof month !== 'string') return;
    let months = this.bySource.get(source);
    if (months === undefined) this.bySource.set(source, (months = new Set()));
    months.add(month);
  }

  get size(): number {
    let n = 0;
    for (const months of this.bySource.values()) n += months.size;
    return n;
  }

  entries(): Array<[string, string[]]> {
    return [...this.bySource].map(([source, months]) => [source, [...months].sort()]);
  }
}

type RollupKeyColumn = (typeof ROLLUP_KEY)[number];
type RollupInput = Partial<Record<RollupKeyColumn, unknown>> & {
  fatalities?: unknown;
  civilian_fatalities?: unknown;
};

/**
 * The rollup rows of a source whose every event was written by one transaction (an import into an empty event
 * table), summed as the rows are written: the same rows the GROUP BY of `insertRollups` would give, without a
 * grouped scan of the whole table at the end (a sort of 10^6 wide rows, ~8% of such an import). Keys compare as
 * the GROUP BY compares them: text by code units, NULL apart from every value, 1 apart from '1'.
 *
 * Memory stays small (tens of bytes a cell; 2·10^5 generated ACLED events make 9·10^4 cells): each key column's
 * distinct values get a number, a cell's key is those numbers as the characters of one short string, and its
 * sums sit in flat arrays.
 * `add` returns false, and the caller must fall back to the grouped recomputation, in the unlikely case that a
 * column has more distinct values than a character can number.
 */
export class RollupSums {
  private readonly codes = ROLLUP_KEY.map(() => new Map<unknown, number>());
  private readonly values = ROLLUP_KEY.map((): unknown[] => []);
  private readonly cells = new Map<string, number>();
  private readonly events: number[] = [];
  private readonly fatalities: number[] = [];
  private readonly civilianFatalities: number[] = [];
  private readonly sourceSet = new Set<string>();

  add(row: RollupInput): boolean {
    // Spelled out, not looped over ROLLUP_KEY: named property reads and one fromCharCode call, no spread.
    const c0 = this.code(0, row.source);
    const c1 = this.code(1, row.month);
    const c2 = this.code(2, row.country);
    const c3 = this.code(3, row.admin1);
    const c4 = this.code(4, row.admin1_pcode);
    const c5 = this.code(5, row.admin2_pcode);
    const c6 = this.code(6, row.event_type);
    const c7 = this.code(7, row.perpetrator_category);
    const c8 = this.code(8, row.harm_category);
    const c9 = this.code(9, row.civilian_harm);
    const c10 = this.code(10, row.coarse_location);
    if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8 | c9 | c10) > 0xffff) return false;
    const id = String.fromCharCode(c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10);
    let cell = this.cells.get(id);
    if (cell === undefined) {
      cell = this.events.length;
      this.cells.set(id, cell);
      this.events.push(0);
      this.fatalities.push(0);
      this.civilianFatalities.push(0);
      this.sourceSet.add(String(row.source));
    }
    this.events[cell] = (this.events[cell] ?? 0) + 1;
    if (typeof row.fatalities === 'number')
      this.fatalities[cell] = (this.fatalities[cell] ?? 0) + row.fatalities;
    if (typeof row.civilian_fatalities === 'number')
      this.civilianFatalities[cell] = (this.civilianFatalities[cell] ?? 0) + row.civilian_fatalities;
    return true;
  }

  /** The number of a key column's value (past 0xffff: too many values for a character). */
  private code(column: number, raw: unknown): number {
    const value = raw ?? null;
    const codes = this.codes[column] as Map<unknown, number>;
    const code = codes.get(value);
    if (code !== undefined) return code;
    const values = this.values[column] as unknown[];
    // A copy, not the value: a string read from the file may be a slice that keeps a whole chunk alive.
    const own = typeof value === 'string' ? (JSON.parse(JSON.stringify(value)) as string) : value;
    values.push(own);
    codes.set(own, values.length - 1);
    return values.length - 1;
  }

  /** Sources with at least one row. */
  get sources(): ReadonlySet<string> {
    return this.sourceSet;
  }

  /** Rows in `ROLLUP_COLUMNS` order. */
  *rows(): Generator<unknown[]> {
    for (const [id, cell] of this.cells) {
      const row: unknown[] = [];
      for (let i = 0; i < ROLLUP_KEY.length; i++) row.push((this.values[i] as unknown[])[id.charCodeAt(i)]);
      row.push(this.events[cell], this.fatalities[cell], this.civilianFatalities[cell]);
      yield row;
    }
  }
}

/** Columns of `event_rollups`, in the order of `RollupSums.rows()`. */
export const ROLLUP_COLUMNS = [...ROLLUP_KEY, 'events', 'fatalities', 'civilian_fatalities'] as const;

/** Past this many months of one source, one grouped scan of the whole source beats many month-bounded ones. */
const WHOLE_SOURCE_MONTHS = 48;
/** Months per statement: keeps the IN list (and SQLite's parameter count) small. */
const MONTH_BATCH = 100;

/**
 * Rebuilds the rollup rows of the touched months and of any pending ones, then clears the pending marks. The
 * sources in `rebuilt` already had all their rollup rows replaced by the caller (from `RollupSums`): their
 * touched and pending months are left as they are.
 */
export async function refreshRollups(
  runner: SqlRunner,
  touched: TouchedMonths,
  rebuilt: ReadonlySet<string> = new Set(),
): Promise<void> {
  const { db } = runner;
  const pending = await runner.all(db.selectFrom('rollup_pending').select(['source', 'month']));
  for (const p of pending) touched.add(p.source, p.month);
  for (const [source, months] of touched.entries()) {
    if (rebuilt.has(source)) continue;
    if (months.length > WHOLE_SOURCE_MONTHS) {
      await runner.all(db.deleteFrom('event_rollups').where('source', '=', source));
      await runner.all(insertRollups(db, source, null));
    } else {
      for (let i = 0; i < months.length; i += MONTH_BATCH) {
        const batch = months.slice(i, i + MONTH_BATCH);
        await runner.all(
          db.deleteFrom('event_rollups').where('source', '=', source).where('month', 'in', batch),
        );
        await runner.all(insertRollups(db, source, batch));
      }
    }
  }
  if (touched.size > 0) await bumpVersion(runner);
  const pendingBySource = new Map<string, string[]>();
  for (const p of pending) pendingBySource.set(p.source, [...(pendingBySource.get(p.source) ?? []), p.month]);
  // Only the marks read above: a re-assignment running beside this import may have added others meanwhile.
  for (const [source, months] of pendingBySource) {
    for (let i = 0; i < months.length; i += MONTH_BATCH) {
      await runner.all(
        db
          .deleteFrom('rollup_pending')
          .where('source', '=', source)
          .where('month', 'in', months.slice(i, i + MONTH_BATCH)),
      );
    }
  }
}

/** Marks (source, month) pairs as out of date until `refreshRollups` runs; queries meanwhile read `events`. */
export async function markRollupsPending(runner: SqlRunner, touched: TouchedMonths): Promise<void> {
  const rows = touched.entries().flatMap(([source, months]) => months.map((month) => ({ source, month })));
  if (rows.length > 0) await bumpVersion(runner);
  for (let i = 0; i < rows.length; i += 200) {
    await runner.all(
      runner.db
        .insertInto('rollup_pending')
        .values(rows.slice(i, i + 200))
        .onConflict((oc) => oc.columns(['source', 'month']).doNothing()),
    );
  }
}

function bumpVersion(runner: SqlRunner): Promise<unknown> {
  return runner.all(
    runner.db
      .updateTable('rollup_state')
      .set((eb) => ({ version: eb('version', '+', 1) }))
      .where('id', '=', 1),
  );
}

/**
 * The rollup's version and whether some of its months are out of date (a boundary re-assignment in progress or
 * interrupted): read together, so a cache keyed by the version never serves months that are pending.
 */
export async function rollupState(db: Kysely<Database>): Promise<{ version: number; pending: boolean }> {
  const row = await db
    .selectFrom('rollup_state')
    .select((eb) => ['version', eb.exists(eb.selectFrom('rollup_pending').select('month')).as('pending')])
    .where('id', '=', 1)
    .executeTakeFirst();
  return { version: Number(row?.version ?? 0), pending: Boolean(row?.pending) };
}

/** INSERT … SELECT … GROUP BY over the given months of one source (all of them when null; all sources too). */
export function insertRollups(db: Kysely<Database>, source: string | null, months: readonly string[] | null) {
  let select = db
    .selectFrom('events')
    .select([
      ...ROLLUP_KEY,
      sql<number>`count(*)`.as('events'),
      sql<number>`coalesce(sum(fatalities), 0)`.as('fatalities'),
      sql<number>`coalesce(sum(civilian_fatalities), 0)`.as('civilian_fatalities'),
    ])
    .groupBy([...ROLLUP_KEY]);
  if (source !== null) select = select.where('source', '=', source);
  if (months !== null && months.length > 0) {
    // The date bounds let the event_date index narrow the scan to the months' span; the IN list keeps it exact.
    const first = months[0] as string;
    const last = months[months.length - 1] as string;
    select = select
      .where('month', 'in', [...months])
      .where('event_date', '>=', `${first}-01`)
      .where('event_date', '<=', `${last}-31`);
  }
  return db
    .insertInto('event_rollups')
    .columns([...ROLLUP_KEY, 'events', 'fatalities', 'civilian_fatalities'])
    .expression(select);
}
