import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/storage/open.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { cli } from '../support/cli.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const SMOSE = 'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv';
const MONADIC = 'acled-mali/valenge_acled_mali_monadic_2017-01_to_2019-06.csv';
const OLD = 'acled-mali/ac0519_2017-01-01-2019-02-27-Mali.csv';

/** The real Mali files through the CLI, on each dialect, with the figures their provenance notes give. */
describe.skipIf(!hasSharedData).each(DIALECTS)('real Mali data on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  const run = (...args: string[]) => cli([...args, ...database.cliArgs, '--json']);

  beforeAll(async () => {
    database = await create();
    storage = await database.open();
  });
  afterAll(async () => {
    await storage.close();
    await database.drop();
  });

  it('imports the API export: 2,916 events, 6,948 fatalities, every one with admin1 by point-in-polygon', async () => {
    const r = await run('import', 'acled', sharedData(SMOSE)!);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      source: 'acled',
      rowsRead: 2916,
      inserted: 2916,
      rejected: 0,
      issues: [],
    });
    const stats = JSON.parse((await run('stats')).stdout);
    expect(stats).toMatchObject({
      events: 2916,
      fatalities: 6948,
      firstDate: '1997-01-06',
      lastDate: '2019-06-30',
    });
    expect(stats.unassigned.admin1).toBe(0);
    const regions = await storage.db.selectFrom('events').select('admin1').distinct().execute();
    expect(regions.every((r) => r.admin1?.startsWith('ML-'))).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    const r = JSON.parse((await run('import', 'acled', sharedData(SMOSE)!)).stdout);
    expect(r).toMatchObject({ rowsRead: 2916, inserted: 0, updated: 0, unchanged: 2916 });
  });

  it('folds the monadic export into 1,684 events and records revisions where exports disagree', async () => {
    const r = await run('import', 'acled', sharedData(MONADIC)!);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.rowsRead).toBe(1684);
    expect(report.rowsRead).toBe(report.inserted + report.updated + report.unchanged + report.rejected);
    expect(report.inserted).toBe(1);
  });

  it('keeps one event per event_id_cnty after all three Mali files', async () => {
    const r = await run('import', 'acled', sharedData(OLD)!);
    expect(r.code, r.stderr).toBe(0);
    const stats = JSON.parse((await run('stats')).stdout);
    expect(stats.events).toBe(2931);
    const revisions = await storage.db
      .selectFrom('event_revisions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(revisions.n)).toBeGreaterThan(0);
  });

  it('assigns admin2 P-codes once the OCHA cercles are loaded', async () => {
    const r = await run(
      'import',
      'boundaries',
      sharedData('mali-boundaries-ocha/mali_adm2.geojson')!,
      '--level',
      '2',
      '--set',
      'cod-ab-2017',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rowsRead: 50, inserted: 50 });
    const stats = JSON.parse((await run('stats')).stdout);
    expect(stats.unassigned.admin2).toBe(0);
  });

  it('imports the MINUSMA bases and the monthly admin2 aggregates', async () => {
    const bases = JSON.parse(
      (await run('import', 'bases', sharedData('minusma-bases/minusma_bases_2023.csv')!)).stdout,
    );
    expect(bases).toMatchObject({ rowsRead: 16, inserted: 16, rejected: 0 });
    const monthly = await run(
      'import',
      'acled-monthly',
      sharedData(
        'acled-mali-monthly-admin2/mali_political_violence_events_and_fatalities_by_month-year_admin2.csv',
      )!,
    );
    expect(monthly.code, monthly.stderr).toBe(0);
    expect(JSON.parse(monthly.stdout)).toMatchObject({ rowsRead: 18656, inserted: 18656 });
    const y2023 = await storage.db
      .selectFrom('monthly_aggregates')
      .select((eb) => [
        eb.fn.sum<number>('events').as('events'),
        eb.fn.sum<number>('fatalities').as('fatalities'),
      ])
      .where('month', 'like', '2023-%')
      .executeTakeFirstOrThrow();
    expect([Number(y2023.events), Number(y2023.fatalities)]).toEqual([1592, 4326]);
  });
});
