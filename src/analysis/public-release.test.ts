import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isVigieError } from '../core/errors.ts';
import type { PerpetratorCategory } from '../core/event.ts';
import type { IncidentHarmType } from '../core/incident.ts';
import { publicReleaseCells, publishable, type PublicReleaseRow } from './public-release.ts';

function row(id: string, over: Partial<PublicReleaseRow> = {}): PublicReleaseRow {
  return {
    incidentId: id,
    admin1Pcode: 'ML04',
    admin2Pcode: 'ML0401',
    month: '2024-03',
    harm: 'killing',
    perpetrator: 'jihadist_group',
    victims: 1,
    killed: 1,
    injured: 0,
    ...over,
  };
}
const ids = (n: number, prefix = 'i') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('publicReleaseCells', () => {
  it('publishes a cell of k incidents with k victims or more, and nothing else', () => {
    const release = publicReleaseCells(ids(5).map((id) => row(id)));
    expect(release.cells).toEqual([
      {
        admin1Pcode: 'ML04',
        admin2Pcode: 'ML0401',
        month: '2024-03',
        harm: 'killing',
        perpetrator: 'jihadist_group',
        incidents: 5,
        victims: 5,
      },
    ]);
    expect(release.notes).toMatchObject({ k: 5, suppressedCells: 0, coarsenedToAdmin1: 0 });
  });

  it('drops a cell with fewer than k incidents, key and all', () => {
    const release = publicReleaseCells(ids(4).map((id) => row(id, { victims: 10 })));
    expect(release.cells).toEqual([]);
    expect(release.notes.suppressedCells).toBe(1);
  });

  it('drops a cell whose victims are between 1 and k − 1, keeps one with 0 victims', () => {
    const few = ids(5, 'a').map((id, i) => row(id, { victims: i === 0 ? 4 : 0 }));
    const none = ids(5, 'b').map((id) => row(id, { harm: 'property_livelihoods', victims: 0 }));
    const { cells } = publicReleaseCells([...few, ...none]);
    expect(cells.map((c) => [c.harm, c.incidents, c.victims])).toEqual([['property_livelihoods', 5, 0]]);
  });

  it('counts distinct incidents; a duplicated row of one incident keeps its larger victim count', () => {
    const rows = [...ids(5).map((id) => row(id, { victims: 2 })), row('i0', { victims: 3 })];
    const [cell] = publicReleaseCells(rows).cells;
    expect(cell).toMatchObject({ incidents: 5, victims: 11 });
  });

  it('counts an incident in each of its harm × perpetrator cells, and says cells overlap', () => {
    const rows = ids(5).flatMap((id) => [row(id), row(id, { harm: 'injury' })]);
    const release = publicReleaseCells(rows);
    expect(release.cells.map((c) => c.harm)).toEqual(['killing', 'injury']);
    expect(release.notes.codes).toEqual(expect.arrayContaining(['cells_overlap', 'no_margins']));
  });

  it('coarsens to admin-1 without a valid admin-2 P-code, and drops incidents with no place', () => {
    const rows = [
      ...ids(3, 'x').map((id) => row(id, { admin2Pcode: null })),
      ...ids(3, 'y').map((id) => row(id, { admin2Pcode: 'Village de Ogossagou' })),
      ...ids(5, 'z').map((id) => row(id, { admin1Pcode: null, admin2Pcode: null })),
    ];
    const release = publicReleaseCells(rows);
    expect(release.cells).toEqual([
      expect.objectContaining({ admin1Pcode: 'ML04', admin2Pcode: null, incidents: 6 }),
    ]);
    expect(release.notes).toMatchObject({ coarsenedToAdmin1: 6, droppedWithoutLocation: 5 });
  });

  it('withholds note counts between 1 and k − 1', () => {
    const rows = [...ids(5).map((id) => row(id)), row('lost', { admin1Pcode: 'Mopti', admin2Pcode: null })];
    expect(publicReleaseCells(rows).notes.droppedWithoutLocation).toBeNull();
    expect(publicReleaseCells(rows, 3).notes.droppedWithoutLocation).toBeNull();
  });

  it('drops rows outside the vocabularies: month, harm, perpetrator, negative or fractional victims', () => {
    const bad: PublicReleaseRow[] = [
      row('b1', { month: '2024-13' }),
      row('b2', { month: '=1+1' }),
      row('b3', { harm: 'murder' as IncidentHarmType }),
      row('b4', { perpetrator: 'Katiba Macina' as PerpetratorCategory }),
      row('b5', { victims: -1 }),
      row('b6', { victims: 1.5 }),
      row('', {}),
      { ...row('x'), incidentId: undefined as unknown as string },
    ];
    const release = publicReleaseCells([...ids(5).map((id) => row(id)), ...bad]);
    expect(release.cells).toHaveLength(1);
    expect(release.cells[0]?.incidents).toBe(5);
    expect(release.notes.droppedInvalid).toBe(8);
  });

  it('sorts cells by key, never by the order of the store', () => {
    const rows = [
      ...ids(5, 'a').map((id) => row(id, { admin2Pcode: 'ML0402', month: '2024-01' })),
      ...ids(5, 'b').map((id) => row(id, { admin2Pcode: 'ML0401', month: '2024-02' })),
      ...ids(5, 'c').map((id) => row(id, { admin2Pcode: 'ML0401', month: '2024-01' })),
    ];
    const keys = (rs: PublicReleaseRow[]) =>
      publicReleaseCells(rs).cells.map((c) => `${c.admin2Pcode} ${c.month}`);
    expect(keys(rows)).toEqual(['ML0401 2024-01', 'ML0401 2024-02', 'ML0402 2024-01']);
    expect(keys([...rows].reverse())).toEqual(keys(rows));
  });

  it('rejects k below 3, above 1000 or fractional with VALIDATION_FAILED', () => {
    for (const k of [2, 0, -5, 1001, 4.5, Number.NaN]) {
      try {
        publicReleaseCells([], k);
        expect.unreachable(`k = ${k}`);
      } catch (error) {
        expect(isVigieError(error) && error.code).toBe('VALIDATION_FAILED');
      }
    }
    expect(publicReleaseCells([], 3).notes.k).toBe(3);
  });

  it('is monotone in k: a higher k publishes a subset of the cells, with the same numbers', () => {
    const arbitraryRow = fc.record({
      incidentId: fc.integer({ min: 0, max: 30 }).map(String),
      admin1Pcode: fc.constantFrom('ML04', null),
      admin2Pcode: fc.constantFrom('ML0401', 'ML0402', null),
      month: fc.constantFrom('2024-01', '2024-02'),
      harm: fc.constantFrom<IncidentHarmType>('killing', 'injury'),
      perpetrator: fc.constantFrom<PerpetratorCategory>('state_forces', 'jihadist_group'),
      victims: fc.nat(8),
      killed: fc.constant(0),
      injured: fc.constant(0),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRow, { maxLength: 120 }), fc.integer({ min: 3, max: 8 }), (rows, k) => {
        const low = publicReleaseCells(rows, k).cells.map((c) => JSON.stringify(c));
        const high = publicReleaseCells(rows, k + 1).cells.map((c) => JSON.stringify(c));
        expect(low).toEqual(expect.arrayContaining(high));
      }),
    );
  });

  it('states the rule in one place', () => {
    expect(publishable(5, 0, 5)).toBe(true);
    expect(publishable(5, 5, 5)).toBe(true);
    expect(publishable(5, 4, 5)).toBe(false);
    expect(publishable(4, 9, 5)).toBe(false);
  });
});
