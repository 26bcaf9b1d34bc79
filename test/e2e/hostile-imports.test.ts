import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferSource } from '../../src/importers/read/byte-source.ts';
import { hostileCorpus } from '../../src/importers/read/hostile-corpus.ts';
import { openVigie } from '../../src/main.ts';
import type { ImportReport } from '../../src/services/import-report.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { semanticCases } from '../support/semantic-hostile.ts';
import { syntheticAcledCsv } from '../support/synthetic-acled.ts';

const encoder = new TextEncoder();
const reader = hostileCorpus().map((c) => ({
  name: `reader: ${c.name}`,
  bytes: c.bytes,
  badRows: null as number | null,
}));
const semantic = semanticCases().map((c) => ({
  name: `semantic: ${c.name}`,
  bytes: encoder.encode(c.text),
  badRows: c.badRows,
}));

/**
 * Every hostile file through the whole import path (reader, importer, placement, storage): no crash, no partial
 * import, every record accounted for. SQLite runs the whole corpus; PostgreSQL a deterministic fifth of it.
 */
describe.each(DIALECTS)('hostile inputs on $name', ({ name, create }) => {
  const cases = [...reader, ...semantic].filter((_, i) => name === 'sqlite' || i % 5 === 0);
  let database: TestDatabase;
  let vigie: Vigie;

  const snapshot = async () => {
    const stats = await vigie.stats({});
    const ids: string[] = [];
    for await (const e of vigie.eventsStream({})) ids.push(`${e.sourceId}:${e.fatalities}:${e.date}`);
    return JSON.stringify({ stats, ids });
  };

  beforeAll(async () => {
    database = await create();
    const [flag, target] = database.cliArgs;
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! });
    const seed = await vigie.importFile(
      'acled',
      bufferSource('seed.csv', encoder.encode(syntheticAcledCsv(50, 3, 'SEED'))),
      {},
    );
    expect(seed.inserted).toBe(50);
  });
  afterAll(async () => {
    await vigie.close();
    await database.drop();
  });

  it(`has at least 200 cases (${cases.length} here)`, () => {
    expect(reader.length + semantic.length).toBeGreaterThanOrEqual(200);
  });

  it.each(cases)(
    '$name: rejected whole, nothing stored, every record accounted for',
    async ({ name: caseName, bytes, badRows }) => {
      const before = await snapshot();
      let report: ImportReport;
      try {
        report = await vigie.importFile('acled', bufferSource(caseName, bytes), {});
      } catch (error) {
        throw new Error(`crash on ${caseName}: ${String(error)}`);
      }
      expect(report.rowsRead).toBe(report.inserted + report.updated + report.unchanged + report.rejected);
      if (!report.stored) {
        expect(report.issues.length, 'a rejected file lists why').toBeGreaterThan(0);
        for (const i of report.issues)
          expect(i).toMatchObject({ row: expect.any(Number), code: expect.any(String) });
        expect(await snapshot()).toBe(before);
      } else {
        expect(report.rejected).toBe(0);
      }
      if (badRows !== null) expect(report.stored).toBe(badRows === 0);
    },
  );

  it.each(semantic.filter((c) => c.badRows > 0).filter((_, i) => name === 'sqlite' || i % 3 === 0))(
    '$name: with skipInvalid, stores the valid rows and lists the bad one',
    async ({ name: caseName, bytes, badRows }) => {
      const report = await vigie.importFile('acled', bufferSource(caseName, bytes), { skipInvalid: true });
      expect(report.stored).toBe(true);
      expect(report.rejected).toBe(badRows);
      expect(report.rowsRead).toBe(report.inserted + report.updated + report.unchanged + report.rejected);
      // The mutated record is the fourth line of the file (the header is line 1).
      expect(report.issues.every((i) => i.row === 4)).toBe(true);
    },
  );
});
