import { describe, expect, it } from 'vitest';
import { isVigieError } from '../core/errors.ts';
import { importAcledCsv } from './acled-csv.ts';
import { detectAcledLayout } from './acled-layouts.ts';
import { tabularFromRows } from './json-records.ts';
import { API_2020, CURRENT, LEGACY, MONADIC, PANDAS, testCountries, V6 } from './test-support.ts';

const OPTIONS = { today: '2025-06-01', resolveCountry: testCountries };

describe('ACLED layout detection (by header names, any order and case)', () => {
  it.each([
    [PANDAS, 'acled-api-2020'],
    [API_2020, 'acled-api-2020'],
    [MONADIC, 'acled-monadic'],
    [LEGACY, 'acled-legacy'],
    [CURRENT, 'acled-current'],
    [V6, 'acled-v6-2016'],
    [[...CURRENT].reverse(), 'acled-current'],
    [CURRENT.filter((c) => !['actor2', 'assoc_actor_2', 'inter2'].includes(c)), 'acled-monadic'],
    [API_2020.map((c) => c.toUpperCase()), 'acled-api-2020'],
  ])('%#: %s…', (header, id) => {
    expect(detectAcledLayout(header).id).toBe(id);
  });

  it('says when it ignored a pandas index column', () => {
    expect(detectAcledLayout(PANDAS).description).toMatch(/pandas index/);
  });

  it('rejects a header without the required columns, naming them (file-level, before any row)', () => {
    const header = API_2020.filter((c) => !['event_date', 'latitude', 'iso', 'iso3', 'country'].includes(c));
    try {
      importAcledCsv(tabularFromRows(header, []), OPTIONS);
      expect.unreachable();
    } catch (error) {
      expect(isVigieError(error) && error.code).toBe('INPUT_REJECTED');
      if (!isVigieError(error)) return;
      expect(error.issues).toEqual([
        {
          row: 0,
          column: null,
          code: 'HEADER_MISSING_COLUMNS',
          params: { columns: 'event_date, latitude, iso3|iso|country|gwno', layout: 'acled-api-2020' },
        },
      ]);
    }
  });

  it('rejects a column it reads that appears twice', () => {
    expect(() => detectAcledLayout([...API_2020, 'Fatalities'])).toThrow(/INPUT_REJECTED/);
  });
});
