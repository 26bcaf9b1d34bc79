import type { EventActor, SourceEvent } from '../event.ts';

/**
 * A SourceEvent with neutral defaults, for the taxonomy's tests: each test states only the fields its rule reads.
 * Pure (no I/O), so it may live in core; only test files import it.
 */
export function sourceEvent(overrides: Partial<SourceEvent> = {}): SourceEvent {
  return {
    source: 'acled',
    sourceId: 'MLI1',
    sourceTimestamp: null,
    sourceVersion: null,
    date: '2019-01-01',
    dateEnd: null,
    datePrecision: 'day',
    country: 'MLI',
    countryName: 'Mali',
    sourceAdmin1: null,
    sourceAdmin2: null,
    sourceAdmin3: null,
    location: null,
    latitude: 14.5,
    longitude: -4.2,
    geoPrecision: 1,
    coarseLocation: false,
    sourceEventType: null,
    eventType: null,
    subEventType: null,
    disorderType: null,
    civilianTargetingFlag: null,
    violenceType: null,
    actors: [],
    interaction: null,
    fatalities: 0,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    civilianDeaths: null,
    notes: null,
    sources: null,
    sourceScale: null,
    tags: null,
    ...overrides,
  };
}

export function actor(name: string, role: EventActor['role'], inter: number | null = null): EventActor {
  return { name, role, inter };
}
