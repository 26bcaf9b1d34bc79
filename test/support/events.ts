import type { EventClassification, EventPlacement, SourceEvent } from '../../src/core/event.ts';
import type { RowIssue } from '../../src/core/issues.ts';
import type { EventImport, ParsedEventRecord } from '../../src/importers/types.ts';

/** A plausible ACLED-like event for storage tests; override what the test is about. */
export function sampleEvent(overrides: Partial<SourceEvent> = {}): SourceEvent {
  return {
    source: 'acled',
    sourceId: 'MLI1',
    sourceTimestamp: 1_600_000_000,
    sourceVersion: null,
    date: '2019-03-23',
    dateEnd: null,
    datePrecision: 'day',
    country: 'MLI',
    countryName: 'Mali',
    sourceAdmin1: 'Mopti',
    sourceAdmin2: 'Bankass',
    sourceAdmin3: null,
    location: 'Ogossagou',
    latitude: 14.0,
    longitude: -3.6,
    geoPrecision: 1,
    coarseLocation: false,
    sourceEventType: 'Violence against civilians',
    eventType: 'Violence against civilians',
    subEventType: 'Attack',
    disorderType: null,
    civilianTargetingFlag: null,
    violenceType: null,
    actors: [
      { name: 'Dan Na Ambassagou', role: 'actor1', inter: 4 },
      { name: 'Civilians (Mali)', role: 'actor2', inter: 7 },
    ],
    interaction: 47,
    fatalities: 10,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    civilianDeaths: null,
    notes: 'Test note.',
    sources: 'Test',
    sourceScale: 'National',
    tags: null,
    ...overrides,
  };
}

export function recordsImport(records: Array<SourceEvent | RowIssue[]>, layout = 'test'): EventImport {
  return {
    layout: { id: layout, description: 'in-memory test records' },
    // eslint-disable-next-line @typescript-eslint/require-await -- an async source, like a file, without I/O
    records: (async function* (): AsyncGenerator<ParsedEventRecord> {
      let row = 1;
      for (const r of records) {
        row++;
        yield Array.isArray(r)
          ? { rows: [row], event: null, issues: r, warnings: [] }
          : { rows: [row], event: r, issues: [], warnings: [] };
      }
    })(),
  };
}

export const simpleClassify = (e: SourceEvent): EventClassification => ({
  civilianHarm: e.eventType === 'Violence against civilians',
  civilianFatalities: e.eventType === 'Violence against civilians' ? e.fatalities : 0,
  harmCategory: e.fatalities > 0 ? 'killing' : 'violence',
  perpetratorCategory: 'self_defence_militia',
});

export const simplePlacement: EventPlacement = {
  admin1: 'ML-MO',
  admin1Pcode: 'ML05',
  admin2Pcode: 'ML0504',
  admin3Pcode: null,
  h3r4: '84',
  h3r5: '85',
  h3r6: '86',
  h3r7: '87',
  priogrid: 149_765,
};
