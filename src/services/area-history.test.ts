import { describe, expect, it } from 'vitest';
import { areaSeries } from './area-history.ts';
import type { ForecastDataDeps } from './forecast-data.ts';
import type { Geography } from './geography.ts';
import type { GroupedCounts } from './grouped-counts.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};

/**
 * A store holding an old event file (its last event in 2019-06) and ACLED's monthly aggregates to 2026-04 for one
 * cercle; `eventsStored: false` is a store with the aggregates alone.
 */
function deps(eventsStored: boolean): ForecastDataDeps {
  const counts = {
    count: (dims: readonly string[]) =>
      Promise.resolve({
        rows:
          eventsStored && dims.length === 1
            ? [{ keys: ['2019-06'], events: 1, fatalities: 2, civilianEvents: 1, civilianFatalities: 2 }]
            : eventsStored
              ? [
                  {
                    keys: ['ML0701', '2019-06'],
                    events: 1,
                    fatalities: 2,
                    civilianEvents: 1,
                    civilianFatalities: 2,
                  },
                ]
              : [],
        answeredBy: 'events',
      }),
  } as unknown as GroupedCounts;
  const geography = {
    unitShapes: () =>
      Promise.resolve({ set: 'cod-ab', units: [{ code: 'ML0701', name: 'Gao', geometry: square }] }),
  } as unknown as Geography;
  const monthly = () =>
    Promise.resolve(
      ['2026-03', '2026-04'].map((month, k) => ({
        country: 'MLI',
        admin2Pcode: 'ML0701',
        month,
        events: 3 + k,
        fatalities: 10 * (k + 1),
      })),
    );
  return { counts, geography, monthly };
}

const request = { unit: 'admin2' as const, months: 36, country: 'MLI', language: 'en' as const };

describe('an area’s history', () => {
  it('reads political violence from the source that reaches later when no run says which', async () => {
    const store = deps(true);
    let reads = 0;
    const monthly = store.monthly;
    store.monthly = (measure) => {
      reads++;
      return monthly(measure);
    };
    const s = await areaSeries(store, { ...request, outcome: 'fatalities', source: null });
    // Choosing the source and reading it share one read of the aggregates.
    expect(reads).toBe(1);
    expect(s).toMatchObject({ source: 'aggregates', family: 'political-violence' });
    expect(s.history('ML0701')).toEqual([
      { month: '2026-03', fatalities: 10, events: 3 },
      { month: '2026-04', fatalities: 20, events: 4 },
    ]);
  });

  it('follows the stored run’s source, and reads civilian harm from stored events', async () => {
    const fromRun = await areaSeries(deps(true), { ...request, outcome: 'events', source: 'events' });
    expect(fromRun.source).toBe('events');
    expect(fromRun.history('ML0701').at(-1)).toEqual({ month: '2019-06', fatalities: 2, events: 1 });
    const civilian = await areaSeries(deps(true), {
      ...request,
      outcome: 'civilian-fatalities',
      source: null,
    });
    expect(civilian).toMatchObject({ source: 'events', family: 'civilian' });
  });

  it('answers NOT_FOUND for civilian harm when only the aggregates are stored (they do not count civilians apart)', async () => {
    await expect(
      areaSeries(deps(false), { ...request, outcome: 'civilian-fatalities', source: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const violence = await areaSeries(deps(false), { ...request, outcome: 'fatalities', source: null });
    expect(violence.source).toBe('aggregates');
  });
});
