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

/** Past this many months of one source, one grouped scan of the whole source beats many month-bounded ones. */
const WHOLE_SOURCE_MONTHS = 48;
/** Months per statement: keeps the IN list (and SQLite's parameter count) small. */
const MONTH_BATCH = 100;

/** Rebuilds the rollup rows of the touched months and of any pending ones, then clears the pending marks. */
export async function refreshRollups(runner: SqlRunner, touched: TouchedMonths): Promise<void> {
  const { db } = runner;
  const pending = await runner.all(db.selectFrom('rollup_pending').select(['source', 'month']));
  for (const p of pending) touched.add(p.source, p.month);
  for (const [source, months] of touched.entries()) {
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
