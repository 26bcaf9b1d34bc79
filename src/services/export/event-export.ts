import type { EventView } from '../ports/event-query-port.ts';
import { csvLine } from './csv-cell.ts';

export const EXPORT_FORMATS = ['csv', 'json', 'geojson', 'hxl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Exported columns with their HXL hashtag (HXL 1.1 core hashtags and attributes). */
const COLUMNS: ReadonlyArray<readonly [string, string, (e: EventView) => string | number | boolean | null]> =
  [
    ['source', '#meta+source', (e) => e.source],
    ['source_id', '#event+id', (e) => e.sourceId],
    ['event_date', '#date+occurred', (e) => e.date],
    ['date_precision', '#date+precision', (e) => e.datePrecision],
    ['country', '#country+code', (e) => e.country],
    ['admin1', '#adm1+code+ne', (e) => e.admin1],
    ['admin1_pcode', '#adm1+code', (e) => e.admin1Pcode],
    ['admin2_pcode', '#adm2+code', (e) => e.admin2Pcode],
    ['source_admin1', '#adm1+name', (e) => e.sourceAdmin1],
    ['source_admin2', '#adm2+name', (e) => e.sourceAdmin2],
    ['location', '#loc+name', (e) => e.location],
    ['latitude', '#geo+lat', (e) => e.latitude],
    ['longitude', '#geo+lon', (e) => e.longitude],
    ['geo_precision', '#geo+precision', (e) => e.geoPrecision],
    ['event_type', '#event+type', (e) => e.eventType],
    ['sub_event_type', '#event+type+sub', (e) => e.subEventType],
    ['actor1', '#org+name+actor1', (e) => e.actor1],
    ['actor2', '#org+name+actor2', (e) => e.actor2],
    ['perpetrator_category', '#org+type+perpetrator', (e) => e.perpetratorCategory],
    ['harm_category', '#impact+type', (e) => e.harmCategory],
    ['civilian_harm', '#indicator+civilian_harm', (e) => e.civilianHarm],
    ['fatalities', '#affected+killed', (e) => e.fatalities],
    ['civilian_fatalities', '#affected+killed+civilians', (e) => e.civilianFatalities],
    ['notes', '#description', (e) => e.notes],
    ['sources', '#meta+sources', (e) => e.sources],
  ];

/** Streams the events as text in the chosen format, piece by piece, so exports of any size use little memory. */
export async function* exportEvents(
  events: AsyncIterable<EventView>,
  format: ExportFormat,
): AsyncGenerator<string> {
  switch (format) {
    case 'csv':
    case 'hxl':
      yield csvLine(COLUMNS.map(([name]) => name));
      if (format === 'hxl') yield csvLine(COLUMNS.map(([, tag]) => tag));
      for await (const e of events) yield csvLine(COLUMNS.map(([, , get]) => get(e)));
      return;
    case 'json': {
      yield '[';
      let first = true;
      for await (const e of events) {
        yield `${first ? '' : ','}\n${JSON.stringify(e)}`;
        first = false;
      }
      yield '\n]\n';
      return;
    }
    case 'geojson': {
      yield '{"type":"FeatureCollection","features":[';
      let first = true;
      for await (const e of events) {
        const { latitude, longitude, ...properties } = e;
        const feature = {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [longitude, latitude] },
          properties,
        };
        yield `${first ? '' : ','}\n${JSON.stringify(feature)}`;
        first = false;
      }
      yield '\n]}\n';
      return;
    }
  }
}

export function contentTypeOf(format: ExportFormat): string {
  switch (format) {
    case 'csv':
    case 'hxl':
      return 'text/csv; charset=utf-8';
    case 'json':
      return 'application/json; charset=utf-8';
    case 'geojson':
      return 'application/geo+json; charset=utf-8';
  }
}
