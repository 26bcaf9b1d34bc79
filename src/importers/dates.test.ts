import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RowIssue } from '../core/issues.ts';
import {
  dateBounds,
  daysInMonth,
  ENGLISH_MONTHS,
  monthNumber,
  parseDayOrMonth,
  parseSourceDate,
  readDate,
} from './dates.ts';

const MONTHS = ENGLISH_MONTHS;
const pad = (n: number): string => String(n).padStart(2, '0');

describe('parseSourceDate', () => {
  it.each([
    ['2019-12-31', '2019-12-31'],
    ['  2019-12-31 ', '2019-12-31'],
    ['2019-12-31T00:00:00', '2019-12-31'],
    ['2019-12-31 00:00:00.000', '2019-12-31'],
    ['2019-12-31T23:59:59Z', '2019-12-31'],
    ['2019-12-31T10:00:00+01:00', '2019-12-31'],
    ['31 December 2019', '2019-12-31'],
    ['01 April 2017', '2017-04-01'],
    ['1 april 2017', '2017-04-01'],
    ['31-December-2019', '2019-12-31'],
    ['31-Dec-2019', '2019-12-31'],
    ['29 February 2016', '2016-02-29'],
  ])('reads %j', (text, iso) => {
    expect(parseSourceDate(text, 'dmy')).toBe(iso);
  });

  it('reads slashed dates in the order the layout says, never by guessing per row', () => {
    expect(parseSourceDate('29/12/2015', 'dmy')).toBe('2015-12-29'); // ACLED 2016
    expect(parseSourceDate('03/01/2019', 'dmy')).toBe('2019-01-03');
    expect(parseSourceDate('03/01/2019 00:00:00', 'mdy')).toBe('2019-03-01'); // UCDP web export
    expect(parseSourceDate('12/31/2019 00:00:00', 'mdy')).toBe('2019-12-31');
    expect(parseSourceDate('1/5/2019 0:00:00', 'mdy')).toBe('2019-01-05');
    expect(parseSourceDate('12/31/2019', 'dmy')).toBeNull(); // month 31 does not exist
    expect(parseSourceDate('29/12/2015', 'mdy')).toBeNull();
  });

  it.each([
    '',
    '   ',
    '31/02/2019',
    '2019-02-29',
    '2019-02-30',
    '2019-13-01',
    '2019-00-10',
    '2019-1-5',
    '19-01-05',
    '31 Foo 2019',
    '31 December 19',
    '31 December 2019x',
    '2019-12-31 garbage',
    '2019-12-31T25:00:00',
    '2019/12/31',
    '20191231',
    'December 31, 2019',
    'n/a',
  ])('refuses %j', (text) => {
    expect(parseSourceDate(text, 'dmy')).toBeNull();
    expect(parseSourceDate(text, 'mdy')).toBeNull();
  });

  it('round-trips every real calendar day in each written form (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          fc.pre(d <= daysInMonth(y, m));
          const iso = `${y}-${pad(m)}-${pad(d)}`;
          expect(parseSourceDate(iso, 'dmy')).toBe(iso);
          expect(parseSourceDate(`${iso} 00:00:00.000`, 'mdy')).toBe(iso);
          expect(parseSourceDate(`${pad(d)} ${MONTHS[m - 1]} ${y}`, 'dmy')).toBe(iso);
          expect(parseSourceDate(`${d}-${MONTHS[m - 1]}-${y}`, 'dmy')).toBe(iso);
          expect(parseSourceDate(`${pad(d)}/${pad(m)}/${y}`, 'dmy')).toBe(iso);
          expect(parseSourceDate(`${pad(m)}/${pad(d)}/${y} 00:00:00`, 'mdy')).toBe(iso);
        },
      ),
    );
  });

  it('agrees with the JavaScript calendar on which days exist (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(parseSourceDate(`${y}-${pad(m)}-${pad(d)}`, 'dmy') !== null).toBe(real);
          expect(parseSourceDate(`${pad(d)}/${pad(m)}/${y}`, 'dmy') !== null).toBe(real);
        },
      ),
    );
  });

  it('never throws and only ever returns a valid ISO day (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        for (const order of ['dmy', 'mdy'] as const) {
          const out = parseSourceDate(text, order);
          if (out !== null) {
            expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(`${out}T00:00:00Z`).toISOString().slice(0, 10)).toBe(out);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('readDate and dateBounds', () => {
  const bounds = dateBounds('2025-06-01');

  it('accepts 1946 to one year after today', () => {
    expect(bounds).toEqual({ min: '1946-01-01', max: '2026-06-01' });
    const issues: RowIssue[] = [];
    expect(readDate('1946-01-01', 2, 'event_date', 'dmy', bounds, issues)).toBe('1946-01-01');
    expect(readDate('2026-06-01', 2, 'event_date', 'dmy', bounds, issues)).toBe('2026-06-01');
    expect(issues).toEqual([]);
  });

  it('records DATE_INVALID, DATE_OUT_OF_RANGE and REQUIRED_VALUE_MISSING with the value', () => {
    const issues: RowIssue[] = [];
    expect(readDate('31/02/2019', 5, 'EVENT_DATE', 'dmy', bounds, issues)).toBeNull();
    expect(readDate('1945-12-31', 6, 'event_date', 'dmy', bounds, issues)).toBeNull();
    expect(readDate('2026-06-02', 7, 'event_date', 'dmy', bounds, issues)).toBeNull();
    expect(readDate(' ', 8, 'event_date', 'dmy', bounds, issues)).toBeNull();
    expect(issues).toEqual([
      { row: 5, column: 'EVENT_DATE', code: 'DATE_INVALID', params: { value: '31/02/2019' } },
      {
        row: 6,
        column: 'event_date',
        code: 'DATE_OUT_OF_RANGE',
        params: { value: '1945-12-31', min: '1946-01-01', max: '2026-06-01' },
      },
      {
        row: 7,
        column: 'event_date',
        code: 'DATE_OUT_OF_RANGE',
        params: { value: '2026-06-02', min: '1946-01-01', max: '2026-06-01' },
      },
      { row: 8, column: 'event_date', code: 'REQUIRED_VALUE_MISSING' },
    ]);
  });

  it('keeps a leap day as a bound and refuses a today that is not a date', () => {
    expect(dateBounds('2024-02-29').max).toBe('2025-02-29');
    expect(() => dateBounds('yesterday')).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('names months in English, full or abbreviated', () => {
    expect(monthNumber('January')).toBe(1);
    expect(monthNumber(' sept ')).toBe(9);
    expect(monthNumber('Dec')).toBe(12);
    expect(monthNumber('Janvier')).toBe(0);
  });

  it('reads day or month dates for hand-kept files', () => {
    expect(parseDayOrMonth('2015-09')).toBe('2015-09');
    expect(parseDayOrMonth('2023-08-03')).toBe('2023-08-03');
    expect(parseDayOrMonth('2015-13')).toBeNull();
    expect(parseDayOrMonth('03/08/2023')).toBeNull();
  });
});
