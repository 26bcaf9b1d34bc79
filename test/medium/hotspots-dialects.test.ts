import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, importMaliAcled } from '../support/cli.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { hasSharedData } from '../support/shared-data.ts';

/**
 * Hotspots read counts through the portable queries, so SQLite and PostgreSQL must print the same cells, z and
 * p-values (same seed) for the same data: checked on the real Mali export, for each unit that needs no COD-AB.
 */
describe.skipIf(!hasSharedData || DIALECTS.length < 2)('hotspots agree on SQLite and PostgreSQL', () => {
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    for (const dialect of DIALECTS) {
      const database = await dialect.create();
      databases.push(database);
      await importMaliAcled(database.cliArgs);
    }
  }, 180_000);
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  for (const unit of ['admin1', 'priogrid', 'h3:5']) {
    for (const measure of ['events', 'civilian-fatalities']) {
      it(`${unit}, ${measure}`, async () => {
        const outputs = await Promise.all(
          databases.map((d) =>
            cli([
              'hotspots',
              '--unit',
              unit,
              '--measure',
              measure,
              '--from',
              '2018-01',
              '--to',
              '2018-12',
              '--permutations',
              '199',
              '--seed',
              '3',
              '--json',
              ...d.cliArgs,
            ]),
          ),
        );
        for (const o of outputs) expect(o.code, o.stderr).toBe(0);
        expect(JSON.parse(outputs[1]!.stdout)).toEqual(JSON.parse(outputs[0]!.stdout));
        expect(JSON.parse(outputs[0]!.stdout).cells.length).toBeGreaterThan(8);
      });
    }
  }
});
