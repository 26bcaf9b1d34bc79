import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RollupCube,
  type GroupCounts,
  type RollupFilter,
  type RollupGroup,
  type RollupRecord,
} from './rollup-cube.ts';

const record = (over: Partial<RollupRecord>): RollupRecord => ({
  source: 'acled',
  month: '2019-03',
  country: 'MLI',
  admin1: 'ML-MO',
  admin1Pcode: 'ML05',
  admin2: null,
  type: 'Battles',
  perpetrator: 'state_forces',
  harm: null,
  civilian: false,
  coarse: false,
  events: 1,
  fatalities: 0,
  civilianFatalities: 0,
  ...over,
});

/** The obvious implementation, row by row, to check the typed-array one against. */
function naive(
  records: readonly RollupRecord[],
  groups: readonly RollupGroup[],
  f: RollupFilter,
): GroupCounts[] {
  const out = new Map<string, GroupCounts>();
  for (const r of records) {
    if (f.civilianOnly && !r.civilian) continue;
    if (f.location !== undefined && r.coarse !== (f.location === 'coarse')) continue;
    if (f.fromMonth !== undefined && r.month < f.fromMonth) continue;
    if (f.toMonth !== undefined && r.month > f.toMonth) continue;
    const equal: Array<[string | undefined, string | null]> = [
      [f.country, r.country],
      [f.admin1, r.admin1],
      [f.admin1Pcode, r.admin1Pcode],
      [f.admin2, r.admin2],
      [f.source, r.source],
      [f.type, r.type],
      [f.perpetrator, r.perpetrator],
    ];
    if (equal.some(([want, have]) => want !== undefined && want !== have)) continue;
    const keys = groups.map((g) => (g === 'year' ? r.month.slice(0, 4) : r[g]));
    const id = JSON.stringify(keys);
    const acc = out.get(id) ?? { keys, events: 0, fatalities: 0, civilianEvents: 0, civilianFatalities: 0 };
    acc.events += r.events;
    acc.fatalities += r.fatalities;
    acc.civilianEvents += r.civilian ? r.events : 0;
    acc.civilianFatalities += r.civilianFatalities;
    out.set(id, acc);
  }
  return [...out.values()];
}

const sorted = (rows: GroupCounts[]) =>
  [...rows].sort((a, b) => (JSON.stringify(a.keys) < JSON.stringify(b.keys) ? -1 : 1));

describe('rollup cube', () => {
  it('sums by month and perpetrator, civilian harm only', () => {
    const cube = RollupCube.build([
      record({ civilian: true, events: 3, fatalities: 5, civilianFatalities: 5 }),
      record({ civilian: true, events: 2, perpetrator: null }),
      record({ events: 7 }),
      record({ month: '2019-04', civilian: true, events: 1, fatalities: 1, civilianFatalities: 1 }),
    ]);
    expect(sorted(cube.count(['month', 'perpetrator'], { civilianOnly: true }))).toEqual(
      sorted([
        { keys: ['2019-03', null], events: 2, fatalities: 0, civilianEvents: 2, civilianFatalities: 0 },
        {
          keys: ['2019-03', 'state_forces'],
          events: 3,
          fatalities: 5,
          civilianEvents: 3,
          civilianFatalities: 5,
        },
        {
          keys: ['2019-04', 'state_forces'],
          events: 1,
          fatalities: 1,
          civilianEvents: 1,
          civilianFatalities: 1,
        },
      ]),
    );
    expect(cube.count(['year'], {})).toEqual([
      { keys: ['2019'], events: 13, fatalities: 6, civilianEvents: 6, civilianFatalities: 6 },
    ]);
  });

  it('answers nothing for a value it never saw, and one total row without groups', () => {
    const cube = RollupCube.build([record({ events: 4 })]);
    expect(cube.count(['month'], { country: 'NER' })).toEqual([]);
    expect(cube.count([], { location: 'precise' })).toEqual([
      { keys: [], events: 4, fatalities: 0, civilianEvents: 0, civilianFatalities: 0 },
    ]);
    expect(cube.count([], { location: 'coarse' })).toEqual([]);
  });

  it('agrees with a row-by-row count for any records, grouping and filter', () => {
    const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
    const recordArb = fc.record({
      source: pick(['acled', 'ucdp']),
      month: pick(['2018-12', '2019-01', '2019-02', '2020-07']),
      country: pick(['MLI', 'NER', null]),
      admin1: pick(['ML-MO', 'ML-GO', null]),
      admin1Pcode: pick(['ML05', 'ML07', null]),
      admin2: pick(['ML0504', 'ML0701', null]),
      type: pick(['Battles', 'Riots', null]),
      perpetrator: pick(['state_forces', 'jihadist_group', null]),
      harm: pick(['killing', null]),
      civilian: fc.boolean(),
      coarse: fc.boolean(),
      events: fc.integer({ min: 1, max: 50 }),
      fatalities: fc.integer({ min: 0, max: 100 }),
      civilianFatalities: fc.integer({ min: 0, max: 100 }),
    });
    const filterArb = fc.record(
      {
        country: pick(['MLI', 'NER']),
        fromMonth: pick(['2019-01', '2019-02']),
        toMonth: pick(['2019-01', '2020-12']),
        admin1: pick(['ML-MO', 'ML-GO']),
        admin1Pcode: pick(['ML05']),
        admin2: pick(['ML0504']),
        source: pick(['acled', 'ucdp']),
        type: pick(['Battles']),
        perpetrator: pick(['jihadist_group']),
        civilianOnly: fc.boolean(),
        location: pick(['precise', 'coarse'] as const),
      },
      { requiredKeys: [] },
    );
    const groupsArb = fc.subarray(
      [
        'month',
        'year',
        'country',
        'admin1',
        'admin2',
        'source',
        'type',
        'perpetrator',
        'harm',
      ] as RollupGroup[],
      { maxLength: 3 },
    );
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 60 }), groupsArb, filterArb, (records, groups, filter) => {
        const cube = RollupCube.build(records);
        expect(sorted(cube.count(groups, filter))).toEqual(sorted(naive(records, groups, filter)));
      }),
      { numRuns: 300 },
    );
  });
});
