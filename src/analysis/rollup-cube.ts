/**
 * The monthly rollup held in memory as columns: each dimension dictionary-encoded into an Int32Array, the sums in
 * a Float64Array. Filtering and grouping a few hundred thousand rollup rows this way takes a millisecond or two,
 * where SQLite needs tens of milliseconds to scan them; that is what keeps the overview interactive at a million
 * events (DESIGN §1). The cube is a copy: the rollup table stays the truth, and the service that holds a cube
 * rebuilds it whenever the table's version changes.
 */

/** The rollup's key columns, as the cube names them. */
export const CUBE_COLUMNS = [
  'source',
  'month',
  'country',
  'admin1',
  'admin1Pcode',
  'admin2',
  'type',
  'perpetrator',
  'harm',
] as const;
export type CubeColumn = (typeof CUBE_COLUMNS)[number];

/** What a cube can group by: its columns plus the year of the month. */
export const ROLLUP_GROUPS = [
  'month',
  'year',
  'country',
  'admin1',
  'admin1Pcode',
  'admin2',
  'source',
  'type',
  'perpetrator',
  'harm',
] as const;
export type RollupGroup = (typeof ROLLUP_GROUPS)[number];

export type RollupRecord = Record<CubeColumn, string | null> & {
  source: string;
  month: string;
  civilian: boolean;
  /** Location too coarse for fine-grained maps (DESIGN §5). */
  coarse: boolean;
  events: number;
  fatalities: number;
  civilianFatalities: number;
};

/** The shared filters as a rollup can answer them: whole months, codes rather than names. */
export interface RollupFilter {
  country?: string;
  fromMonth?: string;
  toMonth?: string;
  admin1?: string;
  admin1Pcode?: string;
  admin2?: string;
  source?: string;
  type?: string;
  perpetrator?: string;
  civilianOnly?: boolean;
  /** Only events with a precise location, or only those with a coarse one; both when absent. */
  location?: 'precise' | 'coarse';
}

export interface GroupCounts {
  /** The group's value for each dimension asked for, in order; null where the events have none. */
  keys: Array<string | null>;
  events: number;
  fatalities: number;
  civilianEvents: number;
  civilianFatalities: number;
}

interface Column {
  values: Array<string | null>;
  codes: Int32Array;
}

const EQUALITY: ReadonlyArray<readonly [keyof RollupFilter, CubeColumn]> = [
  ['country', 'country'],
  ['admin1', 'admin1'],
  ['admin1Pcode', 'admin1Pcode'],
  ['admin2', 'admin2'],
  ['source', 'source'],
  ['type', 'type'],
  ['perpetrator', 'perpetrator'],
];

/** Groups at most this many combinations in flat arrays; more (admin-2 × month, say) go through a Map. */
const DENSE_GROUPS = 1 << 16;

export class RollupCube {
  private constructor(
    private readonly columns: Record<CubeColumn, Column>,
    private readonly civilian: Uint8Array,
    private readonly coarse: Uint8Array,
    /** events, fatalities, civilian fatalities: three per row. */
    private readonly sums: Float64Array,
    readonly rows: number,
  ) {}

  static build(records: readonly RollupRecord[]): RollupCube {
    const n = records.length;
    const columns = {} as Record<CubeColumn, Column>;
    for (const name of CUBE_COLUMNS) {
      const index = new Map<string | null, number>();
      const values: Array<string | null> = [];
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = (records[i] as RollupRecord)[name];
        let code = index.get(v);
        if (code === undefined) {
          code = values.length;
          index.set(v, code);
          values.push(v);
        }
        codes[i] = code;
      }
      columns[name] = { values, codes };
    }
    const civilian = new Uint8Array(n);
    const coarse = new Uint8Array(n);
    const sums = new Float64Array(n * 3);
    records.forEach((r, i) => {
      civilian[i] = r.civilian ? 1 : 0;
      coarse[i] = r.coarse ? 1 : 0;
      sums[i * 3] = r.events;
      sums[i * 3 + 1] = r.fatalities;
      sums[i * 3 + 2] = r.civilianFatalities;
    });
    return new RollupCube(columns, civilian, coarse, sums, n);
  }

  count(groups: readonly RollupGroup[], filter: RollupFilter): GroupCounts[] {
    const tests = this.filterTests(filter);
    if (tests === null) return [];
    const dims = groups.map((g) => this.groupColumn(g));
    let size = 1;
    for (const d of dims) size *= Math.max(1, d.values.length);
    const dense = size <= DENSE_GROUPS;
    // Flat arrays when the combinations are few; otherwise a slot per combination met, found through a Map.
    const seen = new Uint8Array(dense ? size : 0);
    const slotOf = new Map<number, number>();
    const slotKeys: number[] = [];
    let acc = new Float64Array(dense ? size * 4 : 1024);
    // Plain arrays indexed in the loop: a destructuring for-of per row costs more than the work itself.
    const testCodes = tests.map((t) => t[0]);
    const testAllowed = tests.map((t) => t[1]);
    const dimCodes = dims.map((d) => d.codes);
    const dimSizes = dims.map((d) => d.values.length);
    const { civilian, coarse, sums, rows } = this;
    const civilianOnly = filter.civilianOnly === true;
    const wantCoarse = filter.location === undefined ? -1 : filter.location === 'coarse' ? 1 : 0;
    rowLoop: for (let i = 0; i < rows; i++) {
      if (civilianOnly && civilian[i] === 0) continue;
      if (wantCoarse >= 0 && coarse[i] !== wantCoarse) continue;
      for (let t = 0; t < testCodes.length; t++) {
        if ((testAllowed[t] as Uint8Array)[(testCodes[t] as Int32Array)[i] as number] === 0) continue rowLoop;
      }
      let key = 0;
      for (let d = 0; d < dimCodes.length; d++) {
        key = key * (dimSizes[d] as number) + ((dimCodes[d] as Int32Array)[i] as number);
      }
      let at: number;
      if (dense) {
        seen[key] = 1;
        at = key * 4;
      } else {
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slot = slotKeys.length;
          slotOf.set(key, slot);
          slotKeys.push(key);
          if (slot * 4 + 4 > acc.length) {
            const grown = new Float64Array(acc.length * 2);
            grown.set(acc);
            acc = grown;
          }
        }
        at = slot * 4;
      }
      const events = sums[i * 3] as number;
      acc[at] = (acc[at] as number) + events;
      acc[at + 1] = (acc[at + 1] as number) + (sums[i * 3 + 1] as number);
      if (civilian[i] === 1) acc[at + 2] = (acc[at + 2] as number) + events;
      acc[at + 3] = (acc[at + 3] as number) + (sums[i * 3 + 2] as number);
    }
    const out: GroupCounts[] = [];
    const emit = (key: number, m: ArrayLike<number>, at: number) => {
      const keys: Array<string | null> = new Array<string | null>(dims.length);
      for (let d = dims.length - 1; d >= 0; d--) {
        const dim = dims[d] as Column;
        keys[d] = dim.values[key % dim.values.length] ?? null;
        key = Math.floor(key / dim.values.length);
      }
      out.push({
        keys,
        events: m[at] as number,
        fatalities: m[at + 1] as number,
        civilianEvents: m[at + 2] as number,
        civilianFatalities: m[at + 3] as number,
      });
    };
    if (dense) {
      for (let key = 0; key < size; key++) if (seen[key] === 1) emit(key, acc, key * 4);
    } else {
      slotKeys.forEach((key, slot) => emit(key, acc, slot * 4));
    }
    return out;
  }

  /** One (codes, allowed-by-code) pair per filtered column; null when a wanted value never occurs. */
  private filterTests(filter: RollupFilter): Array<readonly [Int32Array, Uint8Array]> | null {
    const tests: Array<readonly [Int32Array, Uint8Array]> = [];
    for (const [field, column] of EQUALITY) {
      const wanted = filter[field];
      if (wanted === undefined) continue;
      const { values, codes } = this.columns[column];
      const code = values.indexOf(wanted as string);
      if (code < 0) return null;
      const allowed = new Uint8Array(values.length);
      allowed[code] = 1;
      tests.push([codes, allowed]);
    }
    if (filter.fromMonth !== undefined || filter.toMonth !== undefined) {
      const { values, codes } = this.columns.month;
      const from = filter.fromMonth ?? '';
      const to = filter.toMonth ?? '\uffff';
      tests.push([codes, Uint8Array.from(values, (m) => (m !== null && m >= from && m <= to ? 1 : 0))]);
    }
    return tests;
  }

  private year: Column | null = null;

  private groupColumn(group: RollupGroup): Column {
    if (group !== 'year') return this.columns[group];
    this.year ??= this.yearColumn();
    return this.year;
  }

  private yearColumn(): Column {
    // The year is derived from the month's dictionary: one lookup per distinct month, not per row.
    const month = this.columns.month;
    const index = new Map<string | null, number>();
    const values: Array<string | null> = [];
    const yearOfMonth = month.values.map((m) => {
      const y = m === null ? null : m.slice(0, 4);
      let code = index.get(y);
      if (code === undefined) {
        code = values.length;
        index.set(y, code);
        values.push(y);
      }
      return code;
    });
    return { values, codes: Int32Array.from(month.codes, (c) => yearOfMonth[c] as number) };
  }
}
