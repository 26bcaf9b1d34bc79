import { describe, expect, it } from 'vitest';
import type { EventFilter } from '../core/filters.ts';
import { drawdown, type DrawdownDeps } from './drawdown.ts';
import type { BaseView } from './geography.ts';
import type { StoredPlace } from './ports/reference-port.ts';

/** A 1° square cercle with its south-west corner at (lat, lon). */
const square = (code: string, lat: number, lon: number): StoredPlace => ({
  set: 'test',
  level: 2,
  code,
  name: code,
  parentCode: null,
  iso3: 'MLI',
  bbox: [lon, lat, lon + 1, lat + 1],
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 1, lat],
        [lon + 1, lat + 1],
        [lon, lat + 1],
        [lon, lat],
      ],
    ],
  },
});

const base: BaseView = {
  name: 'Base',
  latitude: 15.5,
  longitude: -2.5,
  admin1Text: null,
  siteType: null,
  openedOn: null,
  closedOn: '2018-04',
  dateQuality: null,
  sources: null,
  notes: null,
  origin: 'import',
  closureOrder: null,
  withdrawal2023: null,
};

describe('drawdown on stored events per admin-2 unit (no monthly aggregates)', () => {
  // Treated cercle ML0101: 1 battle before, 3 after, and 5 protests after; comparison ML0102: 1 battle each side.
  const stored = [
    ...Array.from({ length: 1 }, () => ({ code: 'ML0101', month: '2018-03', type: 'Battles' })),
    ...Array.from({ length: 3 }, () => ({
      code: 'ML0101',
      month: '2018-05',
      type: 'Violence against civilians',
    })),
    ...Array.from({ length: 5 }, () => ({ code: 'ML0101', month: '2018-05', type: 'Protests' })),
    { code: 'ML0102', month: '2018-03', type: 'Battles' },
    { code: 'ML0102', month: '2018-05', type: 'Explosions/Remote violence' },
  ];
  const deps: DrawdownDeps = {
    bases: () => Promise.resolve([base]),
    admin2Places: () => Promise.resolve([square('ML0101', 15, -3), square('ML0102', 15, -2)]),
    monthly: () => Promise.resolve([]),
    counts: {
      count: (_dims, filter: EventFilter) => {
        const groups = new Map<string, number>();
        for (const e of stored) {
          if (filter.type !== undefined && e.type !== filter.type) continue;
          const k = `${e.code}|${e.month}`;
          groups.set(k, (groups.get(k) ?? 0) + 1);
        }
        const rows = [...groups].map(([k, n]) => ({
          keys: k.split('|'),
          events: n,
          fatalities: 0,
          civilianEvents: 0,
          civilianFatalities: 0,
        }));
        return Promise.resolve({ rows, answeredBy: 'events' as const });
      },
      warm: () => Promise.resolve(),
    },
    eventPoints: () => (async function* () {})(),
  };

  it('counts political violence only, as the monthly aggregates and the radius variant do', async () => {
    const [r] = await drawdown(deps, { months: 1, measure: 'events', seed: 1 });
    expect(r).toMatchObject({ source: 'events', area: 'admin2', admin2: 'ML0101' });
    // Protests are not political violence: 1 → 3, not 1 → 8.
    expect(r?.treated).toMatchObject({ before: 1, after: 3 });
    expect(r?.comparison).toMatchObject({ before: 1, after: 1, units: 1 });
    expect(r?.did).toBe(2);
  });
});
