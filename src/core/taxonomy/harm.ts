import type { EventSource, HarmCategory } from '../event.ts';
import { canonicalSubEventType, normalizeAcledEventType } from './acled-event-types.ts';
import type { AcledSubEventType } from './acled-event-types.ts';

/**
 * What an imported event did to civilians, as one of vigie's harm categories. Called for events that the
 * civilian-harm rule already selected (classifyEvent gives other events no harm category). ACLED's sub-event type
 * decides wherever it says something; the notes are read only where ACLED has no field for the harm: layouts
 * before 2019 (no sub-event), sub-events that name no harm ("Other", "Arrests"…), and displacement, which ACLED
 * never codes. UCDP counts deaths only, so its events are killings (or violence when the best estimate is 0).
 */

export interface HarmInput {
  source: EventSource;
  /** Event type in the current ACLED vocabulary (older types already mapped); ignored for UCDP. */
  eventType: string | null;
  subEventType: string | null;
  notes: string | null;
  /** Civilian deaths as vigie counts them (see civilian-harm.ts). */
  civilianFatalities: number;
}

type SubEventHarm = HarmCategory | 'by-deaths' | 'by-notes';

/** How each current sub-event type maps to a harm: fixed, by deaths (killing/violence), or by the notes. */
export const HARM_BY_SUB_EVENT: Readonly<Record<AcledSubEventType, SubEventHarm>> = {
  'Armed clash': 'by-deaths',
  'Government regains territory': 'by-deaths',
  'Non-state actor overtakes territory': 'by-deaths',
  'Chemical weapon': 'by-deaths',
  'Air/drone strike': 'by-deaths',
  'Suicide bomb': 'by-deaths',
  'Shelling/artillery/missile attack': 'by-deaths',
  'Remote explosive/landmine/IED': 'by-deaths',
  Grenade: 'by-deaths',
  'Sexual violence': 'sexual_violence',
  Attack: 'by-deaths',
  'Abduction/forced disappearance': 'abduction',
  'Peaceful protest': 'by-notes',
  'Protest with intervention': 'by-deaths',
  'Excessive force against protesters': 'by-deaths',
  'Violent demonstration': 'by-deaths',
  'Mob violence': 'by-deaths',
  Agreement: 'by-notes',
  Arrests: 'by-notes',
  'Change to group/activity': 'by-notes',
  'Disrupted weapons use': 'by-notes',
  'Headquarters or base established': 'by-notes',
  'Looting/property destruction': 'property',
  'Non-violent transfer of territory': 'by-notes',
  Other: 'by-notes',
};

// English, as ACLED writes its notes. Tuned on the 2017–19 events that both the old-layout ac0519 export and the
// recoded smose94 export hold (real-data.test.ts): read from the old notes, they must give ACLED's later sub-event.
const SEXUAL = /\b(rap(e|ed|es|ing)|sexual(ly)?|sexual violence)\b/i;
const ABDUCTION =
  /\b(abduct\w*|kidnap\w*|hostages?|taken captive|held captive|forced(ly)? disappear\w*|(been|were|was) ['"]?disappeared|taken (away )?to an unknown (location|destination))/i;
const PROPERTY =
  /\b(loot\w*|pillag\w*|ransack\w*|plunder\w*|raided|stole|stolen|steal\w*|robb\w*|stripp\w* (\w+ ){0,4}of (their|his|her) belongings|rustl\w*|torch\w*|set (on )?fire|set ablaze|burn(ed|t|s|ing)?|destroy\w*|vandali\w*|seiz\w*|extort\w*)\b/i;
const DISPLACEMENT =
  /\b(displac\w*|(fled|flee\w*|left|abandon\w*) (their|the) (homes?|villages?|area|lands?|fields?)|forced (\w+ ){0,2}to (leave|flee|abandon|move)|chased away|expell\w*|exodus)\b/i;

/** The harm named in the notes, in order of gravity of the act as classed by ACLED; null when none is named. */
export function harmFromNotes(
  notes: string | null,
): Exclude<HarmCategory, 'killing' | 'violence' | 'other'> | null {
  if (notes == null || notes === '') return null;
  if (SEXUAL.test(notes)) return 'sexual_violence';
  if (ABDUCTION.test(notes)) return 'abduction';
  if (PROPERTY.test(notes)) return 'property';
  if (DISPLACEMENT.test(notes)) return 'displacement';
  return null;
}

const byDeaths = (deaths: number): HarmCategory => (deaths > 0 ? 'killing' : 'violence');

export function harmCategoryOf(input: HarmInput): HarmCategory {
  if (input.source === 'ucdp') return byDeaths(input.civilianFatalities);

  const sub = canonicalSubEventType(input.subEventType);
  if (sub != null) {
    const rule = HARM_BY_SUB_EVENT[sub];
    if (rule === 'by-deaths') return byDeaths(input.civilianFatalities);
    if (rule !== 'by-notes') return rule;
    // Sub-events that name no harm: the notes may ("threatened and forced to leave", "looted the shops").
    return harmFromNotes(input.notes) ?? (input.civilianFatalities > 0 ? 'killing' : 'other');
  }

  // No sub-event (layouts before 2019). ACLED's recoding of the same events says the order: sexual violence
  // stays sexual violence whatever the deaths; a death makes an abduction a lethal attack ("abducted and killed"
  // became Attack 24 times out of 24); looting and burning are "Looting/property destruction" only in strategic
  // developments, while in violence against civilians they stay an attack.
  const fromNotes = harmFromNotes(input.notes);
  if (fromNotes === 'sexual_violence') return fromNotes;
  if (input.civilianFatalities > 0) return 'killing';
  if (fromNotes === 'abduction') return fromNotes;
  // Older labels too ("Remote violence", "Strategic development"), in case the importer kept only those.
  const type = normalizeAcledEventType({
    eventType: input.eventType,
    subEventType: null,
    sides: [],
    fatalities: 0,
  }).eventType;
  if (type == null || type === 'Strategic developments') return fromNotes ?? 'other';
  return 'violence';
}
