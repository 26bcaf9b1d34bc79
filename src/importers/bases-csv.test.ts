import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedData } from '../../test/support/shared-data.ts';
import { importBasesCsv } from './bases-csv.ts';
import { tabularFromRows } from './json-records.ts';
import { fileSource } from './read/byte-source.ts';
import { openCsv } from './read/csv.ts';
import { collect } from './test-support.ts';

describe('protection bases CSV', () => {
  it('reads the plain layout: name, lat, lon, opened, closed', async () => {
    const input = tabularFromRows(
      ['Name', 'Lat', 'Lon', 'Opened', 'Closed'],
      [
        ['Invented Camp', '14.5', '-4.1', '2014-03', '2023-12-08'],
        ['Invented TOB', '13.9', '-3.5', '', ''],
      ],
    );
    const records = await collect(importBasesCsv(input).records);
    expect(records.map((r) => r.base)).toEqual([
      {
        name: 'Invented Camp',
        latitude: 14.5,
        longitude: -4.1,
        admin1Text: null,
        siteType: null,
        openedOn: '2014-03',
        closedOn: '2023-12-08',
        dateQuality: null,
        sources: null,
        notes: null,
      },
      {
        name: 'Invented TOB',
        latitude: 13.9,
        longitude: -3.5,
        admin1Text: null,
        siteType: null,
        openedOn: null,
        closedOn: null,
        dateQuality: null,
        sources: null,
        notes: null,
      },
    ]);
  });

  it('collects row problems: missing name, bad coordinates, bad or reversed dates', async () => {
    const input = tabularFromRows(
      ['name', 'lat', 'lon', 'opened', 'closed'],
      [
        ['', '14,5', '-4.1', '2014-3', ''],
        ['Camp', '14.5', '-4.1', '2020-01-01', '2019-12'],
      ],
    );
    const records = await collect(importBasesCsv(input).records);
    expect(records.map((r) => r.issues.map((i) => `${i.column}:${i.code}`))).toEqual([
      ['name:REQUIRED_VALUE_MISSING', 'lat:COORDINATES_INVALID', 'opened:DATE_INVALID'],
      ['closed:DATE_INVALID'],
    ]);
    expect(records.every((r) => r.base === null)).toBe(true);
  });

  it('rejects a file without coordinates', () => {
    expect(() => importBasesCsv(tabularFromRows(['name', 'opened'], []))).toThrow(/INPUT_REJECTED/);
  });
});

describe.skipIf(!hasSharedData)('MINUSMA bases (../shared/data/minusma-bases)', () => {
  it('reads the 16 compiled sites with their dates, date quality and sources', async () => {
    const path = sharedData('minusma-bases/minusma_bases_2023.csv');
    if (path === null) return;
    const records = await collect(importBasesCsv(await openCsv(fileSource(path))).records);
    expect(records.flatMap((r) => r.issues)).toEqual([]);
    const bases = records.flatMap((r) => (r.base === null ? [] : [r.base]));
    expect(bases).toHaveLength(16);
    expect(bases.filter((b) => b.closedOn !== null)).toHaveLength(11);
    expect(bases[0]).toMatchObject({
      name: 'Ogossagou',
      latitude: 13.9583,
      longitude: -3.5706,
      openedOn: null,
      closedOn: '2023-08-03',
      dateQuality: 'reported',
      siteType: 'temporary operating base (TOB)',
    });
    expect(bases.find((b) => b.name === 'Goundam')).toMatchObject({
      openedOn: '2014-03',
      closedOn: '2023-08-16',
      dateQuality: 'reported',
      notes: expect.stringContaining('date: reported ("three days" after Ber)'),
    });
    expect(bases.find((b) => b.name === 'Aguelhok')?.dateQuality).toBe('reported_conflicting');
    expect(bases.find((b) => b.name === 'Leré')?.openedOn).toBe('2016-09');
  });
});
