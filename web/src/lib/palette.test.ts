import { describe, expect, it } from 'vitest';
import { baseStatus } from './bases.ts';
import { SEQUENTIAL, ZERO_COLOUR, classBreaks, classColour } from './palette.ts';
import type { Base } from './types.ts';

describe('choropleth classes', () => {
  it('ends on the largest value, so the top class is never empty', () => {
    expect(classBreaks([0, 1, 16, 42, 122, 550, 1328, 170, 106, 0])).toEqual([16, 106, 122, 550, 1328]);
    expect(classBreaks([0, 1328, 0])).toEqual([1328]);
    expect(classBreaks([0, 0])).toEqual([]);
  });

  it('colours zero grey and the largest class darkest', () => {
    const breaks = classBreaks([5, 10, 20]);
    expect(classColour(0, breaks)).toBe(ZERO_COLOUR);
    expect(classColour(20, breaks)).toBe(SEQUENTIAL[SEQUENTIAL.length - 1]);
    expect(classColour(1328, [1328])).toBe(SEQUENTIAL[SEQUENTIAL.length - 1]);
  });
});

describe('protection presences on a day', () => {
  const base = (b: Partial<Base>): Base => ({
    name: 'x',
    latitude: 0,
    longitude: 0,
    siteType: null,
    openedOn: null,
    closedOn: null,
    dateQuality: null,
    sources: null,
    notes: null,
    admin1Text: null,
    origin: 'import',
    closureOrder: null,
    withdrawal2023: null,
    ...b,
  });

  it('tells open, closed and closed on an unknown date apart', () => {
    expect(baseStatus(base({ closedOn: '2023-10-31' }), '2019-06-30')).toBe('open');
    expect(baseStatus(base({ closedOn: '2023-10-31' }), '2023-10-31')).toBe('closed');
    expect(baseStatus(base({ openedOn: '2016-09' }), '2015-01-01')).toBe('closed');
    expect(baseStatus(base({ dateQuality: 'not_found' }), '2026-01-01')).toBe('undated');
    expect(baseStatus(base({ dateQuality: 'closed before 2023 (date not researched)' }), '2026-01-01')).toBe(
      'undated',
    );
    expect(baseStatus(base({ dateQuality: 'reported' }), '2026-01-01')).toBe('open');
  });
});
