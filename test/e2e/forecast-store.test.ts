import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastValueRecord } from '../../src/services/ports/forecast-port.ts';
import { forecastStore } from '../../src/storage/forecasts.ts';
import type { Storage } from '../../src/storage/open.ts';
import {
  postgresAvailable,
  postgresDatabase,
  sqliteDatabase,
  type TestDatabase,
} from '../support/databases.ts';

const pgUp = await postgresAvailable();

const value = (unitCode: string, targetMonth: string, mean: number): ForecastValueRecord => ({
  unitCode,
  unitName: unitCode,
  targetMonth,
  horizon: 1,
  mean,
  median: Math.floor(mean),
  lower90: 0,
  upper90: 3 * mean,
  lower50: mean / 2,
  upper50: 2 * mean,
  pAny: 0.5,
  pMass: 0.01,
});

/** The forecast store (migration 0005) gives the same answers on SQLite and PostgreSQL. */
for (const [name, make, skip] of [
  ['sqlite', () => Promise.resolve(sqliteDatabase()), false],
  ['postgres', postgresDatabase, !pgUp],
] as const) {
  describe.skipIf(skip)(`forecast store on ${name}`, () => {
    let database: TestDatabase;
    let storage: Storage;
    beforeAll(async () => {
      database = await make();
      storage = await database.open();
    });
    afterAll(async () => {
      await storage.close();
      await database.drop();
    });

    it('keeps runs apart and returns the newest one with its values in order', async () => {
      const store = forecastStore(storage.db);
      expect(await store.latestRun('MLI', 'admin1', 'civilian-fatalities')).toBeNull();
      const base = {
        country: 'MLI',
        unit: 'admin1',
        outcome: 'civilian-fatalities',
        source: 'events' as const,
        model: 'm',
        samples: 1000,
      };
      const old = {
        ...base,
        id: 'run-a',
        createdAt: '2026-01-01T00:00:00Z',
        origin: '2025-11',
        seed: 4294967295,
      };
      const recent = { ...base, id: 'run-b', createdAt: '2026-02-01T00:00:00Z', origin: '2025-12', seed: 1 };
      await store.saveRun(old, [value('ML-MO', '2025-12', 4.5)]);
      await store.saveRun(recent, [value('ML-MO', '2026-02', 2.25), value('ML-GO', '2026-01', 7.75)]);
      await store.saveRun({ ...recent, id: 'run-c', outcome: 'civilian-events' }, []);
      expect(await store.latestRun('MLI', 'admin1', 'civilian-fatalities')).toEqual(recent);
      // The source is kept: the newest run of an outcome may come from the monthly aggregates.
      const fromAggregates = { ...recent, id: 'run-e', outcome: 'events', source: 'aggregates' as const };
      await store.saveRun(fromAggregates, []);
      expect(await store.latestRun('MLI', 'admin1', 'events')).toEqual(fromAggregates);
      expect(await store.values('run-a')).toEqual([value('ML-MO', '2025-12', 4.5)]);
      expect((await store.values('run-b')).map((v) => [v.unitCode, v.targetMonth, v.mean])).toEqual([
        ['ML-GO', '2026-01', 7.75],
        ['ML-MO', '2026-02', 2.25],
      ]);
      const many = Array.from({ length: 1200 }, (_, k) =>
        value(`C${String(k).padStart(4, '0')}`, '2026-01', k),
      );
      await store.saveRun({ ...recent, id: 'run-d', unit: 'priogrid' }, many);
      expect(await store.values('run-d')).toHaveLength(1200);
    });
  });
}
