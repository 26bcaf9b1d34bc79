import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowIssue } from '../core/issues.ts';
import { isBlank, parseCoordinate, parseCount, readCount, readLatLon, readOptionalCount } from './numbers.ts';

describe('parseCount', () => {
  it.each([
    ['12', 12],
    ['0', 0],
    [' 3 ', 3],
    ['12.0', 12],
    ['7.00', 7],
    ['007', 7],
    ['100000', 100000],
    ['12.', 12], // what some writers print for a float with no decimals
  ])('reads %j', (text, n) => {
    expect(parseCount(text)).toBe(n);
  });

  it.each(['', ' ', '-1', '+1', '2.5', '1e3', '0x1A', '1,000', 'twelve', '12 3', '.5', 'NaN', 'Infinity'])(
    'refuses %j',
    (text) => {
      expect(parseCount(text)).toBeNull();
    },
  );

  it('reads every non-negative integer written plainly or as a float (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.constantFrom('', '.0', '.00'),
        fc.constantFrom('', ' '),
        (n, tail, space) => {
          expect(parseCount(`${space}${n}${tail}${space}`)).toBe(n);
        },
      ),
    );
  });

  it('never accepts a negative or fractional value (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        const out = parseCount(String(x));
        if (out !== null) expect(Number.isInteger(x) && x >= 0 && out === x).toBe(true);
      }),
    );
  });
});

describe('parseCoordinate', () => {
  it.each([
    ['13.4251', 13.4251],
    ['-3.9173', -3.9173],
    [' +2.4 ', 2.4],
    ['15', 15],
    ['35.55530', 35.5553],
    ['1e-7', 1e-7],
  ])('reads %j', (text, n) => {
    expect(parseCoordinate(text)).toBe(n);
  });

  it.each(['', '14,5', '14.5.2', 'N14.5', '14.5N', '0x10', '--3', '1e', 'abc'])('refuses %j', (text) => {
    expect(parseCoordinate(text)).toBeNull();
  });

  it('round-trips any finite number JavaScript prints (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -180, max: 180 }), (x) => {
        expect(parseCoordinate(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });
});

describe('readers with issues', () => {
  it('records NUMBER_INVALID with the value, and REQUIRED_VALUE_MISSING for an empty required count', () => {
    const issues: RowIssue[] = [];
    expect(readCount('-2', 4, 'fatalities', issues)).toBeNull();
    expect(readCount('', 5, 'fatalities', issues)).toBeNull();
    expect(readOptionalCount('', 6, 'low', issues)).toBeNull();
    expect(readOptionalCount('many', 7, 'low', issues)).toBeNull();
    expect(issues).toEqual([
      { row: 4, column: 'fatalities', code: 'NUMBER_INVALID', params: { value: '-2' } },
      { row: 5, column: 'fatalities', code: 'REQUIRED_VALUE_MISSING' },
      { row: 7, column: 'low', code: 'NUMBER_INVALID', params: { value: 'many' } },
    ]);
  });

  it('records COORDINATES_INVALID for comma decimals and COORDINATES_OUT_OF_RANGE per column', () => {
    const issues: RowIssue[] = [];
    expect(readLatLon('14,52', '-3.1', 2, 'latitude', 'longitude', issues)).toBeNull();
    expect(readLatLon('91', '-181', 3, 'LATITUDE', 'LONGITUDE', issues)).toBeNull();
    expect(readLatLon('-90', '180', 4, 'lat', 'lon', issues)).toEqual({ latitude: -90, longitude: 180 });
    expect(issues).toEqual([
      { row: 2, column: 'latitude', code: 'COORDINATES_INVALID', params: { value: '14,52' } },
      { row: 3, column: 'LATITUDE', code: 'COORDINATES_OUT_OF_RANGE', params: { value: '91' } },
      { row: 3, column: 'LONGITUDE', code: 'COORDINATES_OUT_OF_RANGE', params: { value: '-181' } },
    ]);
  });

  it('treats non-breaking spaces as blank', () => {
    expect(isBlank('\u00a0 ')).toBe(true);
    expect(isBlank(' 0 ')).toBe(false);
  });
});
