import type { EventFilter } from '../../core/filters.ts';

/** An event as queries return it: the stored columns, with actors parsed. */
export interface EventView {
  id: number;
  source: string;
  sourceId: string;
  date: string;
  datePrecision: string;
  country: string | null;
  admin1: string | null;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  sourceAdmin1: string | null;
  sourceAdmin2: string | null;
  location: string | null;
  latitude: number;
  longitude: number;
  geoPrecision: number | null;
  coarseLocation: boolean;
  eventType: string | null;
  subEventType: string | null;
  sourceEventType: string | null;
  actor1: string | null;
  actor2: string | null;
  actors: Array<{ name: string; role: string; inter: number | null }>;
  fatalities: number;
  civilianHarm: boolean;
  civilianFatalities: number;
  harmCategory: string | null;
  perpetratorCategory: string | null;
  h3r5: string;
  priogrid: number;
  notes: string | null;
  sources: string | null;
}

export interface EventStats {
  events: number;
  fatalities: number;
  civilianEvents: number;
  civilianFatalities: number;
  firstDate: string | null;
  lastDate: string | null;
  bySource: Record<
    string,
    { events: number; fatalities: number; firstDate: string | null; lastDate: string | null }
  >;
  unassigned: { admin1: number; admin2: number; coarseLocation: number };
}

export interface EventPage {
  events: EventView[];
  /** Opaque cursor for the next page, null on the last page. */
  nextCursor: string | null;
}

export const EVENT_SORTS = ['id', 'date', '-date', 'fatalities', '-fatalities'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export interface EventQueryPort {
  page(filter: EventFilter, cursor: string | null, limit: number, sort?: EventSort): Promise<EventPage>;
  /** All matching events in id order, fetched in pages so a million rows never sit in memory together. */
  stream(filter: EventFilter): AsyncIterable<EventView>;
  stats(filter: EventFilter): Promise<EventStats>;
}
