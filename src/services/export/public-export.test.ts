import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../test/support/csv.ts';
import type { PublicRelease } from '../../analysis/public-release.ts';
import { csvCell, csvLine, neutraliseFormula } from './csv-cell.ts';
import { exportPublicRelease, publicReleaseDocument } from './public-export.ts';

const release: PublicRelease = {
  cells: [
    {
      admin1Pcode: 'ML04',
      admin2Pcode: null,
      month: '2023-08',
      harm: 'killing',
      perpetrator: 'state_forces',
      incidents: 7,
      victims: 0,
    },
  ],
  notes: {
    k: 5,
    codes: ['cells_overlap', 'small_cells_dropped', 'no_margins', 'admin2_or_admin1'],
    suppressedCells: 3,
    coarsenedToAdmin1: 7,
    droppedWithoutLocation: null,
    droppedInvalid: 0,
  },
};

describe('public export formats', () => {
  it('writes plain CSV with an empty admin-2 cell for admin-1 cells', () => {
    expect(exportPublicRelease(release, 'csv').body).toBe(
      'admin1_pcode,admin2_pcode,month,harm_type,perpetrator_category,incidents,victims\r\n' +
        'ML04,,2023-08,killing,state_forces,7,0\r\n',
    );
  });

  it('names only whitelisted fields in JSON, whatever the cells carry', () => {
    const smuggled = {
      ...release,
      cells: release.cells.map((c) => ({ ...c, incidentIds: ['INC-1'], locationName: 'Ogossagou' })),
      notes: { ...release.notes, victimNames: ['Aminata'] },
    } as PublicRelease;
    const body = exportPublicRelease(smuggled, 'json').body;
    expect(body).not.toMatch(/INC-1|Ogossagou|Aminata|incidentIds|locationName|victimNames/);
    expect(JSON.parse(body)).toEqual(publicReleaseDocument(release));
  });
});

const PAYLOADS = ['=1', '+1', '-1', '@SUM(1)', '\t=1', '\r=1', '\n=1', '\u0000=1', ' =1', '\u00a0=1'];
const LOOK_ALIKES = [
  '\uff1d1',
  '\uff0b1',
  '\uff0d1',
  '\uff20SUM(1)',
  '\ufe661',
  '\ufe621',
  '\ufe631',
  '\u22121',
];
// Control characters before a formula are what is tested, hence a RegExp built from text.
const FORMULA_LIKE = new RegExp(
  String.raw`^(?:[\t\r\n\u0000]|[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202f\u2060-\u206f\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212])`,
);

describe('csv cells against formula injection', () => {
  it('prefixes formula payloads, look-alikes and payloads after spaces or invisible characters', () => {
    for (const p of [...PAYLOADS, ...LOOK_ALIKES, '\u3000=1', '\u200b=1', '\ufeff=1'])
      expect(neutraliseFormula(p), JSON.stringify(p)).toBe(`'${p}`);
    for (const p of ['ML0401', '2023-08', 'a=b', 'x-1', 'killing', "'=1"])
      expect(neutraliseFormula(p)).toBe(p);
  });

  it('quotes cells with a semicolon, so French-locale Excel cannot split out a formula', () => {
    expect(csvCell('a;=1')).toBe('"a;=1"');
  });

  it('neutralises every formula start and reads back to the neutralised text (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc
        .tuple(fc.constantFrom(...PAYLOADS, ...LOOK_ALIKES), fc.string({ maxLength: 20 }))
        .map(([p, s]) => p + s),
      fc
        .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(';=1', ',=1', '\r\n=1', '"=1'))
        .map(([s, p]) => s + p),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (values) => {
        const [cells] = parseCsv(csvLine(values));
        expect(cells).toHaveLength(values.length);
        values.forEach((v, i) => {
          const cell = cells![i]!;
          expect(cell).toBe(FORMULA_LIKE.test(v) ? `'${v}` : v);
          if (FORMULA_LIKE.test(cell)) expect.unreachable(JSON.stringify(cell));
          const raw = csvCell(v);
          if (raw.includes(';')) expect(raw.startsWith('"')).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });
});
