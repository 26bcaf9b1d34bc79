import { HeaderIndex, requireColumns } from './columns.ts';
import type { SlashOrder } from './dates.ts';
import type { DetectedLayout } from './types.ts';

/**
 * The ACLED export layouts vigie reads, told apart by their header alone (columns by name, any order, any case):
 *
 * | id              | recognised by                                   | era / origin                                |
 * |-----------------|-------------------------------------------------|---------------------------------------------|
 * | acled-v6-2016   | `gwno` or `ally_actor_1`                         | "All Africa" files to 2017, upper-case, DD/MM/YYYY, Latin-1 |
 * | acled-monadic   | `actor1` but neither `actor2` nor `inter2`       | monadic export: one row per event × actor   |
 * | acled-current   | `disorder_type` or `civilian_targeting`          | 31-column layout, 2021 →                    |
 * | acled-api-2020  | `sub_event_type`                                | 2019–2021 API/export (often with a pandas index) |
 * | acled-legacy    | none of the above                               | 2017–2019 exports, old types ("Battle-No change of territory") |
 *
 * Order matters: a monadic export of the current schema has `disorder_type` too, and must still be folded.
 */
export type AcledLayoutId =
  'acled-v6-2016' | 'acled-monadic' | 'acled-current' | 'acled-api-2020' | 'acled-legacy';

/** Position of each column vigie reads (-1 when the layout lacks it). A flat object of numbers: rows read fast. */
export interface AcledColumns {
  eventId: number;
  eventDate: number;
  year: number;
  timePrecision: number;
  disorderType: number;
  eventType: number;
  subEventType: number;
  actor1: number;
  assocActor1: number;
  inter1: number;
  actor2: number;
  assocActor2: number;
  inter2: number;
  interaction: number;
  civilianTargeting: number;
  isoNumeric: number;
  iso3: number;
  gwno: number;
  country: number;
  admin1: number;
  admin2: number;
  admin3: number;
  location: number;
  latitude: number;
  longitude: number;
  geoPrecision: number;
  source: number;
  sourceScale: number;
  notes: number;
  fatalities: number;
  tags: number;
  timestamp: number;
  /** ACLED's export-row id: differs between exports of one event, so it is never compared or stored. */
  dataId: number;
}

export interface AcledLayout extends DetectedLayout {
  id: AcledLayoutId;
  /** Rows of one event must be folded into one record. */
  monadic: boolean;
  /** How `DD/MM/YYYY`-looking dates are read. ACLED never wrote month-first dates; options can override. */
  slashOrder: SlashOrder;
  header: HeaderIndex;
  columns: AcledColumns;
}

const DESCRIPTIONS: Record<AcledLayoutId, string> = {
  'acled-v6-2016':
    'ACLED v6 (2016 All-Africa file): upper-case columns, GWNO, ALLY_ACTOR_*, DD/MM/YYYY dates',
  'acled-monadic':
    'ACLED monadic export: one row per event and actor, folded into one event per event_id_cnty',
  'acled-current': 'ACLED current layout (2021+): disorder_type, civilian_targeting, tags, numeric iso',
  'acled-api-2020': 'ACLED API export, 2020 schema (event_type + sub_event_type)',
  'acled-legacy': 'ACLED pre-2019 schema: no sub_event_type, old event types kept verbatim',
};

const REQUIRED: ReadonlyArray<readonly string[]> = [
  ['event_id_cnty'],
  ['event_date'],
  ['event_type'],
  ['latitude'],
  ['longitude'],
  ['fatalities'],
  ['iso3', 'iso', 'country', 'gwno'],
];

function layoutIdOf(h: HeaderIndex): AcledLayoutId {
  if (h.has('gwno') || h.has('ally_actor_1')) return 'acled-v6-2016';
  if (h.has('actor1') && !h.has('actor2') && !h.has('inter2')) return 'acled-monadic';
  if (h.has('disorder_type') || h.has('civilian_targeting')) return 'acled-current';
  if (h.has('sub_event_type')) return 'acled-api-2020';
  return 'acled-legacy';
}

/**
 * Recognises the layout of an ACLED header (CSV header or the keys of API JSON records). Throws
 * VigieError('INPUT_REJECTED') with HEADER_MISSING_COLUMNS listing what the layout needs and the file lacks, or
 * HEADER_DUPLICATE_COLUMN when a column vigie reads appears twice.
 */
export function detectAcledLayout(headerNames: readonly string[], slashOrder?: SlashOrder): AcledLayout {
  const h = new HeaderIndex(headerNames);
  const id = layoutIdOf(h);
  requireColumns(h, id, id === 'acled-monadic' ? [...REQUIRED, ['actor1']] : REQUIRED);
  const unnamedFirst = headerNames.length > 0 && (headerNames[0] ?? '').trim() === '';
  const columns: AcledColumns = {
    eventId: h.find('event_id_cnty'),
    eventDate: h.find('event_date'),
    year: h.find('year'),
    timePrecision: h.find('time_precision'),
    disorderType: h.find('disorder_type'),
    eventType: h.find('event_type'),
    subEventType: h.find('sub_event_type'),
    actor1: h.find('actor1'),
    assocActor1: h.find('assoc_actor_1', 'ally_actor_1'),
    inter1: h.find('inter1'),
    actor2: h.find('actor2'),
    assocActor2: h.find('assoc_actor_2', 'ally_actor_2'),
    inter2: h.find('inter2'),
    interaction: h.find('interaction'),
    civilianTargeting: h.find('civilian_targeting'),
    isoNumeric: h.find('iso'),
    iso3: h.find('iso3'),
    gwno: h.find('gwno'),
    country: h.find('country'),
    admin1: h.find('admin1'),
    admin2: h.find('admin2'),
    admin3: h.find('admin3'),
    location: h.find('location'),
    latitude: h.find('latitude'),
    longitude: h.find('longitude'),
    geoPrecision: h.find('geo_precision'),
    source: h.find('source'),
    sourceScale: h.find('source_scale'),
    notes: h.find('notes'),
    fatalities: h.find('fatalities'),
    tags: h.find('tags'),
    timestamp: h.find('timestamp'),
    dataId: h.find('data_id'),
  };
  return {
    id,
    description: DESCRIPTIONS[id] + (unnamedFirst ? '; leading unnamed (pandas index) column ignored' : ''),
    monadic: id === 'acled-monadic',
    slashOrder: slashOrder ?? 'dmy',
    header: h,
    columns,
  };
}
