import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Neighbours } from '../../src/core/neighbours.ts';
import type { PolygonalGeometry } from '../../src/geo/geometry.ts';
import { priogridQueen, queenContiguity } from '../../src/geo/neighbours.ts';
import { fileSource } from '../../src/importers/read/byte-source.ts';
import { openVigie } from '../../src/main.ts';
import type { HotspotMeasure, HotspotResult, HotspotUnit } from '../../src/services/hotspots.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

/** R with spdep is the reference; absent, the test is skipped with the reason, except under CI where it fails. */
const hasSpdep = ((): boolean => {
  const r = spawnSync('Rscript', ['-e', 'library(spdep)'], { encoding: 'utf8', timeout: 60_000 });
  if (r.status === 0) return true;
  const reason = r.error ? String(r.error) : r.stderr.trim().split('\n').at(-1);
  if (process.env['CI']) throw new Error(`CI is set but Rscript with spdep is unavailable: ${reason}`);
  console.warn(`skipping the spdep reference test: Rscript with spdep is unavailable (${reason})`);
  return false;
})();

const ACLED = 'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv';
const ADM2 = 'mali-boundaries-ocha/mali_adm2.geojson';
const MEASURES: HotspotMeasure[] = ['events', 'civilian-fatalities'];

/**
 * vigie's Gi* z against spdep's localG(x, nb2listw(include.self(nb), style = "B")) on 2018 ACLED events in Mali,
 * twice per measure: with the neighbour list vigie built (checks the statistic) and with R's own poly2nb / grid
 * neighbours (checks vigie's contiguity too).
 */
describe.skipIf(!hasSharedData || !hasSpdep)('Gi* against R spdep on real Mali data', () => {
  let database: TestDatabase;
  let vigie: Vigie;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-spdep-'));
    database = sqliteDatabase();
    vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    await vigie.importFile('acled', fileSource(sharedData(ACLED)!), {});
    await vigie.importFile('boundaries', fileSource(sharedData(ADM2)!), { level: 2, set: 'cod-ab-2017' });
  }, 120_000);
  afterAll(async () => {
    await vigie.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function compare(unit: HotspotUnit, neighbours: (codes: string[]) => Neighbours, own: string) {
    const results: HotspotResult[] = [];
    for (const measure of MEASURES) {
      results.push(
        await vigie.hotspots({
          unit,
          measure,
          from: '2018-01',
          to: '2018-12',
          permutations: 99,
          seed: 1,
          language: 'en',
        }),
      );
    }
    // Every result lists the same units; order them by code once.
    const codes = results[0]!.cells.map((c) => c.code).sort();
    const byCode = results.map((r) => new Map(r.cells.map((c) => [c.code, c])));
    const values = codes.map((code) => [code, ...byCode.map((m) => m.get(code)!.value)].join(','));
    writeFileSync(join(dir, 'values.csv'), `code,${MEASURES.join(',')}\n${values.join('\n')}\n`);
    const nb = neighbours(codes);
    const nbLines = codes.map((_, i) =>
      [...nb.indices.subarray(nb.offsets[i], nb.offsets[i + 1])].map((j) => j + 1).join(' '),
    );
    writeFileSync(join(dir, 'nb.txt'), `${nbLines.join('\n')}\n`);
    const out = join(dir, 'z.txt');
    const script = resolve(REPO_ROOT, 'test/medium/r/local-g.R');
    const r = spawnSync('Rscript', [script, join(dir, 'values.csv'), join(dir, 'nb.txt'), out, own], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number));
    expect(rows).toHaveLength(codes.length);
    let maxDiff = 0;
    let significant = 0;
    codes.forEach((code, i) => {
      MEASURES.forEach((_, m) => {
        const ours = byCode[m]!.get(code)!;
        if (ours.class !== 'not-significant') significant++;
        for (const reference of [rows[i]![2 * m]!, rows[i]![2 * m + 1]!]) {
          // spdep gives NaN (or ±Inf) where there is nothing to test; vigie gives 0 (src/analysis/gi-star.ts).
          if (!Number.isFinite(reference)) expect(ours.z).toBe(0);
          else maxDiff = Math.max(maxDiff, Math.abs(ours.z - reference));
        }
      });
    });
    console.log(
      `${unit}: ${codes.length} units, max |z − spdep z| = ${maxDiff.toExponential(2)}, ${significant} significant`,
    );
    expect(maxDiff).toBeLessThan(1e-9);
    return results;
  }

  it('matches localG on the 50 cercles (COD-AB admin-2, queen contiguity)', async () => {
    const features = (
      JSON.parse(readFileSync(sharedData(ADM2)!, 'utf8')) as {
        features: { properties: { adm2_pcode: string }; geometry: PolygonalGeometry }[];
      }
    ).features;
    const geometryOf = new Map(features.map((f) => [f.properties.adm2_pcode, f.geometry]));
    const [events] = await compare(
      'admin2',
      (codes) => queenContiguity(codes.map((c) => geometryOf.get(c)!)),
      sharedData(ADM2)!,
    );
    expect(events!.cells).toHaveLength(50);
    // Zeros are part of the study area.
    expect(events!.cells.some((c) => c.value === 0)).toBe(true);
  }, 120_000);

  it('matches localG on the PRIO-GRID cells over Mali (queen 3 × 3)', async () => {
    const [events] = await compare('priogrid', (codes) => priogridQueen(codes.map(Number)), 'priogrid');
    expect(events!.cells.length).toBeGreaterThan(400);
  }, 120_000);
});
