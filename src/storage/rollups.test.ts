import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROLLUP_COLUMNS, ROLLUP_KEY, RollupSums } from './rollups.ts';

type Row = Record<(typeof ROLLUP_KEY)[number] | 'fatalities' | 'civilian_fatalities', string | number | null>;

const base: Row = {
  source: 'acled',
  month: '2020-01',
  country: 'MLI',
  admin1: 'Mopti',
  admin1_pcode: 'ML05',
  admin2_pcode: null,
  event_type: 'Battles',
  perpetrator_category: 'jihadist_group',
  harm_category: null,
  civilian_harm: 0,
  coarse_location: 0,
  fatalities: 2,
  civilian_fatalities: null,
};

/** The GROUP BY of storage/rollups.ts, run by SQLite over the same rows. */
function groupedBySqlite(rows: Row[]): unknown[][] {
  const db = new Database(':memory:');
  const columns = Object.keys(base);
  db.exec(`CREATE TABLE events (${columns.join(', ')})`);
  const insert = db.prepare(`INSERT INTO events VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(columns.map((c) => row[c as keyof Row]));
  const key = ROLLUP_KEY.join(', ');
  return db
    .prepare(
      `SELECT ${key}, count(*), coalesce(sum(fatalities), 0), coalesce(sum(civilian_fatalities), 0)
       FROM events GROUP BY ${key}`,
    )
    .raw()
    .all() as unknown[][];
}

const sorted = (rows: Iterable<unknown[]>) => [...rows].map((r) => JSON.stringify(r)).sort();

describe('RollupSums', () => {
  it('gives the rows of the GROUP BY it replaces, NULL and empty text kept apart', () => {
    const rows: Row[] = [
      base,
      { ...base, fatalities: 3, civilian_fatalities: 1 },
      { ...base, admin2_pcode: '' },
      { ...base, admin2_pcode: 'ML0501', fatalities: null },
      { ...base, admin1: 'Mopti\u0000ML05', admin1_pcode: null },
      { ...base, month: '2020-02', civilian_harm: 1, harm_category: 'killing', civilian_fatalities: 4 },
      { ...base, source: 'ucdp', fatalities: 0 },
    ];
    const sums = new RollupSums();
    for (const row of rows) expect(sums.add(row)).toBe(true);
    expect(sorted(sums.rows())).toEqual(sorted(groupedBySqlite(rows)));
    expect([...sums.sources].sort()).toEqual(['acled', 'ucdp']);
    expect([...sums.rows()][0]).toHaveLength(ROLLUP_COLUMNS.length);
  });
});
