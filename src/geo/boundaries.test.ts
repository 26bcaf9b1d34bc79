import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.ts';
import { parseBoundaries } from './boundaries.ts';

const square = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [0, 0],
];
const feature = (properties: Record<string, unknown> | null, geometry: unknown): unknown => ({
  type: 'Feature',
  properties,
  geometry,
});
const fc = (...features: unknown[]): string => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseBoundaries on hand-made input', () => {
  it('detects COD-AB field names of either case', () => {
    const r = parseBoundaries(
      fc(
        feature(
          {
            ADM2_PCODE: 'ML0101',
            ADM2_FR: 'Bafoulabé',
            ADM2_EN: 'Bafoulabe',
            ADM1_PCODE: 'ML01',
            ADM0_PCODE: 'ML',
          },
          { type: 'Polygon', coordinates: [square] },
        ),
      ),
      { level: 2, set: 'cod-ab-2021' },
    );
    expect(r.issues).toEqual([]);
    expect(r.fields).toEqual({
      code: 'ADM2_PCODE',
      name: 'ADM2_FR',
      parent: 'ADM1_PCODE',
      country: 'ADM0_PCODE',
    });
    expect(r.places[0]).toMatchObject({
      code: 'ML0101',
      name: 'Bafoulabé',
      level: 2,
      parentCode: 'ML01',
      iso3: 'MLI',
      set: 'cod-ab-2021',
      bbox: [0, 0, 1, 1],
    });
  });

  it('uses the fields it is told, and the country of the file', () => {
    const r = parseBoundaries(
      {
        type: 'FeatureCollection',
        features: [feature({ code: 'X1', label: 'Une' }, { type: 'Polygon', coordinates: [square] })],
      },
      { level: 3, codeField: 'code', nameField: 'label', country: 'Mali' },
    );
    expect(r.places[0]).toMatchObject({
      code: 'X1',
      name: 'Une',
      iso3: 'MLI',
      parentCode: null,
      set: 'cod-ab',
    });
  });

  it('reports bad features as row issues and keeps the good ones', () => {
    const ok = { type: 'Polygon', coordinates: [square] };
    const r = parseBoundaries(
      fc(
        feature({ adm2_pcode: 'A', adm2: 'a' }, ok), // row 1: fine
        feature({ adm2: 'b' }, ok), // row 2: no code
        feature({ adm2_pcode: 'C', adm2: 'c' }, null), // row 3: no geometry
        feature({ adm2_pcode: 'D', adm2: 'd' }, { type: 'Point', coordinates: [0, 0] }), // row 4: wrong type
        feature(
          { adm2_pcode: 'E', adm2: 'e' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [1, 0],
                [0, 0],
              ],
            ],
          },
        ), // row 5
        feature(
          { adm2_pcode: 'F', adm2: 'f' },
          {
            type: 'Polygon',
            coordinates: [
              [
                [0, 0],
                [500000, 0],
                [500000, 9e6],
                [0, 0],
              ],
            ],
          },
        ),
        feature({ adm2_pcode: 'G' }, ok), // row 7: no name, kept under its code
        feature(
          { adm2_pcode: 'A', adm2: 'a' },
          {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [5, 5],
                  [6, 5],
                  [6, 6],
                  [5, 5],
                ],
              ],
            ],
          },
        ),
        feature({ adm2_pcode: 'A', adm2: 'other' }, ok), // row 9: same code, different name
      ),
      { level: 2 },
    );
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, 'adm2_pcode', 'REQUIRED_VALUE_MISSING'],
      [3, 'geometry', 'REQUIRED_VALUE_MISSING'],
      [4, 'geometry', 'VALUE_INVALID'],
      [5, 'geometry', 'VALUE_INVALID'],
      [6, 'geometry', 'COORDINATES_OUT_OF_RANGE'],
      [7, 'adm2', 'REQUIRED_VALUE_MISSING'],
      [9, 'adm2_pcode', 'ID_CONFLICT'],
    ]);
    expect(r.places.map((p) => `${p.code}:${p.name}`)).toEqual(['A:a', 'G:G']);
    // Features sharing a code are merged into one MultiPolygon.
    expect(r.places[0]!.geometry.type).toBe('MultiPolygon');
    expect(r.places[0]!.bbox).toEqual([0, 0, 6, 6]);
  });

  it('reports whole-file problems on row 0', () => {
    const codes = (input: unknown): string[] =>
      parseBoundaries(input, { level: 1 }).issues.map((i) => `${i.row}:${i.code}`);
    expect(codes('{"type": "FeatureCollection", "features": [')).toEqual(['0:JSON_INVALID']);
    expect(codes('[1, 2]')).toEqual(['0:FORMAT_UNRECOGNISED']);
    expect(codes(fc())).toEqual(['0:FILE_EMPTY']);
    expect(codes(fc(feature({ foo: 1 }, { type: 'Polygon', coordinates: [square] })))).toEqual([
      '0:HEADER_MISSING_COLUMNS',
    ]);
    const projected = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32630' } },
      features: [feature({ adm1_pcode: 'ML01' }, { type: 'Polygon', coordinates: [square] })],
    };
    expect(parseBoundaries(projected, { level: 1 }).issues[0]).toMatchObject({
      row: 0,
      column: 'crs',
      code: 'VALUE_INVALID',
    });
  });
});

describe('parseBoundaries on OCHA Mali (real data)', () => {
  const adm1Path = sharedData('mali-boundaries-ocha/mali_adm1_derived.geojson');
  const adm2Path = sharedData('mali-boundaries-ocha/mali_adm2.geojson');

  it.skipIf(!adm2Path)('reads the 50 cercles', () => {
    const r = parseBoundaries(readFileSync(adm2Path!, 'utf8'), { level: 2, set: 'cod-ab-2017' });
    expect(r.issues).toEqual([]);
    expect(r.fields).toEqual({
      code: 'adm2_pcode',
      name: 'adm2',
      parent: 'adm1_pcode',
      country: 'country_pcode',
    });
    expect(r.places).toHaveLength(50);
    expect(new Set(r.places.map((p) => p.parentCode)).size).toBe(9);
    expect(r.places.every((p) => p.iso3 === 'MLI' && /^ML\d{4}$/.test(p.code))).toBe(true);
    const kati = r.places.find((p) => p.code === 'ML0204')!;
    expect(kati).toMatchObject({ name: 'Kati', parentCode: 'ML02' });
    expect(kati.geometry.coordinates).toHaveLength(2); // outer ring + the Bamako hole
    const menaka = r.places.find((p) => p.code === 'ML0704')!;
    expect(menaka).toMatchObject({ name: 'Menaka', parentCode: 'ML07' });
    const [minX, minY, maxX, maxY] = r.places.reduce(
      (b, p) => [
        Math.min(b[0], p.bbox[0]),
        Math.min(b[1], p.bbox[1]),
        Math.max(b[2], p.bbox[2]),
        Math.max(b[3], p.bbox[3]),
      ],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    // PROVENANCE.md: extent lon −12.239 .. 4.245, lat 10.141 .. 24.9995.
    expect([minX, minY, maxX, maxY].map((v) => Number(v.toFixed(3)))).toEqual([-12.239, 10.141, 4.245, 25]);
  });

  it.skipIf(!adm1Path)('reads the 9 regions with the country as parent', () => {
    const r = parseBoundaries(readFileSync(adm1Path!, 'utf8'), { level: 1, set: 'cod-ab-2017' });
    expect(r.issues).toEqual([]);
    expect(r.places.map((p) => `${p.code} ${p.name}`)).toEqual([
      'ML01 Kayes',
      'ML02 Koulikoro',
      'ML03 Sikasso',
      'ML04 Segou',
      'ML05 Mopti',
      'ML06 Tombouctou',
      'ML07 Gao',
      'ML08 Kidal',
      'ML09 Bamako',
    ]);
    expect(r.places.every((p) => p.parentCode === 'MLI' && p.level === 1)).toBe(true);
  });
});
