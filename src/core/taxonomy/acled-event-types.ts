import type { InterCode } from './inter-codes.ts';
import { labelKey } from './text.ts';

/**
 * ACLED's event vocabulary as it stands since the 2019 revision, and the crosswalk from the older one
 * (ACLED v1–v7 and exports made before the old files were recoded). vigie keeps the source's type verbatim in
 * `sourceEventType` and stores the current vocabulary in `eventType`/`subEventType`, so every layout aggregates
 * on the same labels. Matching ignores case, repeated spaces and spaces around "-" and "/".
 */

export const ACLED_EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;
export type AcledEventType = (typeof ACLED_EVENT_TYPES)[number];

export const ACLED_SUB_EVENT_TYPES = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon',
    'Air/drone strike',
    'Suicide bomb',
    'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED',
    'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement',
    'Arrests',
    'Change to group/activity',
    'Disrupted weapons use',
    'Headquarters or base established',
    'Looting/property destruction',
    'Non-violent transfer of territory',
    'Other',
  ],
} as const satisfies Record<AcledEventType, readonly string[]>;
export type AcledSubEventType = (typeof ACLED_SUB_EVENT_TYPES)[AcledEventType][number];

/** `disorder_type` (added by ACLED in 2022). Mob violence can be both, written "Political violence; Demonstrations". */
export const ACLED_DISORDER_TYPES = [
  'Political violence',
  'Demonstrations',
  'Political violence; Demonstrations',
  'Strategic developments',
] as const;
export type AcledDisorderType = (typeof ACLED_DISORDER_TYPES)[number];

const EVENT_TYPE_BY_KEY = new Map<string, AcledEventType>(ACLED_EVENT_TYPES.map((t) => [labelKey(t), t]));
const SUB_EVENT_BY_KEY = new Map<string, { eventType: AcledEventType; subEventType: AcledSubEventType }>(
  ACLED_EVENT_TYPES.flatMap((eventType) =>
    ACLED_SUB_EVENT_TYPES[eventType].map((sub) => [labelKey(sub), { eventType, subEventType: sub }] as const),
  ),
);

/** Older event types that map to one current type (and, where the old type said it, one sub-event type). */
interface LegacyType {
  eventType: AcledEventType | 'Riots or Protests';
  subEventType: AcledSubEventType | null;
}
export const ACLED_LEGACY_EVENT_TYPES: Readonly<Record<string, LegacyType>> = {
  'Battle-No change of territory': { eventType: 'Battles', subEventType: 'Armed clash' },
  'Battle-Government regains territory': {
    eventType: 'Battles',
    subEventType: 'Government regains territory',
  },
  'Battle-Non-state actor overtakes territory': {
    eventType: 'Battles',
    subEventType: 'Non-state actor overtakes territory',
  },
  'Remote violence': { eventType: 'Explosions/Remote violence', subEventType: null },
  // Split by the sides' inter codes, see legacyRiotsOrProtests.
  'Riots/Protests': { eventType: 'Riots or Protests', subEventType: null },
  'Violence against civilians': { eventType: 'Violence against civilians', subEventType: null },
  'Strategic development': { eventType: 'Strategic developments', subEventType: null },
  'Non-violent transfer of territory': {
    eventType: 'Strategic developments',
    subEventType: 'Non-violent transfer of territory',
  },
  'Headquarters or base established': {
    eventType: 'Strategic developments',
    subEventType: 'Headquarters or base established',
  },
  // ACLED v1–v4 name of what became "Strategic development"; notes in later files still start "Non-violent activity:".
  'Non-violent activity by a conflict actor': { eventType: 'Strategic developments', subEventType: null },
};
const LEGACY_BY_KEY = new Map<string, LegacyType>(
  Object.entries(ACLED_LEGACY_EVENT_TYPES).map(([k, v]) => [labelKey(k), v]),
);

export interface AcledTypeInput {
  eventType: string | null;
  subEventType: string | null;
  /** Inter codes of the two sides; from inter1/inter2, or from the interaction code when a layout lacks them. */
  sides: readonly InterCode[];
  fatalities: number;
}

export interface AcledTypeResult {
  eventType: AcledEventType | null;
  subEventType: AcledSubEventType | null;
  /** True when the sub-event type was derived by a rule below rather than read from the file. */
  subEventInferred: boolean;
  /** True when the file used an older vocabulary. */
  legacy: boolean;
}

export function canonicalEventType(raw: string | null | undefined): AcledEventType | null {
  return EVENT_TYPE_BY_KEY.get(labelKey(raw)) ?? null;
}

export function canonicalSubEventType(raw: string | null | undefined): AcledSubEventType | null {
  return SUB_EVENT_BY_KEY.get(labelKey(raw))?.subEventType ?? null;
}

/** Current event type, sub-event type and provenance for an ACLED row of any layout; unknown types give nulls. */
export function normalizeAcledEventType(input: AcledTypeInput): AcledTypeResult {
  const current = canonicalEventType(input.eventType);
  const sub = SUB_EVENT_BY_KEY.get(labelKey(input.subEventType));
  if (current != null) {
    // A sub-event filed under another event type is a broken row: keep the type, drop the sub-event.
    const subEventType = sub != null && sub.eventType === current ? sub.subEventType : null;
    return { eventType: current, subEventType, subEventInferred: false, legacy: false };
  }
  const legacy = LEGACY_BY_KEY.get(labelKey(input.eventType));
  if (legacy == null) {
    // Some hand-made files carry only a sub-event type; it names its event type unambiguously.
    if (sub != null)
      return {
        eventType: sub.eventType,
        subEventType: sub.subEventType,
        subEventInferred: false,
        legacy: false,
      };
    return { eventType: null, subEventType: null, subEventInferred: false, legacy: false };
  }
  if (legacy.eventType === 'Riots or Protests')
    return { ...legacyRiotsOrProtests(input.sides, input.fatalities), legacy: true };
  return {
    eventType: legacy.eventType,
    subEventType: legacy.subEventType,
    subEventInferred: false,
    legacy: true,
  };
}

/**
 * Old "Riots/Protests" rows. Protesters (6) on either side make it a protest; otherwise (rioters, or a mob coded with
 * another actor) a riot. On the 115 such events that the old ac0519 export and the recoded smose94 export share,
 * this gives ACLED's own recoding every time. Sub-events are inferred only where the sides tell them in smose94's
 * recoded rows: protesters alone (60) → peaceful protest (227/227); protesters met by anyone → intervention, or
 * excessive force when people died (the codebook's line between the two); rioters alone (50) → violent
 * demonstration (33/33); rioters against rioters or civilians (55, 57) → mob violence (16/18). Other riots (15,
 * 58…) are mixed and keep no sub-event. On the shared events the inferred sub-events match ACLED's in 99 of 100.
 */
function legacyRiotsOrProtests(
  sides: readonly InterCode[],
  fatalities: number,
): Omit<AcledTypeResult, 'legacy'> {
  const other = sides.filter((s) => s !== 0);
  if (other.includes(6)) {
    const opponents = other.filter((s) => s !== 6);
    const subEventType: AcledSubEventType =
      opponents.length === 0
        ? 'Peaceful protest'
        : fatalities > 0
          ? 'Excessive force against protesters'
          : 'Protest with intervention';
    return { eventType: 'Protests', subEventType, subEventInferred: true };
  }
  const [a = 0, b = 0] = [...other].sort((x, y) => x - y);
  if (a === 5 && b === 0)
    return { eventType: 'Riots', subEventType: 'Violent demonstration', subEventInferred: true };
  if (a === 5 && (b === 5 || b === 7))
    return { eventType: 'Riots', subEventType: 'Mob violence', subEventInferred: true };
  return { eventType: 'Riots', subEventType: null, subEventInferred: false };
}

/**
 * `disorder_type` for layouts made before ACLED added it (2022), following the codebook: battles, explosions and
 * violence against civilians are political violence; protests and riots are demonstrations, except mob violence
 * by rioters (inter 5), which ACLED files under both; strategic developments are their own class.
 */
export function deriveDisorderType(
  eventType: AcledEventType | null,
  subEventType: AcledSubEventType | null,
  sides: readonly InterCode[],
): AcledDisorderType | null {
  switch (eventType) {
    case null:
      return null;
    case 'Battles':
    case 'Explosions/Remote violence':
    case 'Violence against civilians':
      return 'Political violence';
    case 'Protests':
      return 'Demonstrations';
    case 'Riots':
      return subEventType === 'Mob violence' && sides.includes(5)
        ? 'Political violence; Demonstrations'
        : 'Demonstrations';
    case 'Strategic developments':
      return 'Strategic developments';
  }
}

/** The file's own disorder_type when it names a known one (case/space tolerant), else null. */
export function canonicalDisorderType(raw: string | null | undefined): AcledDisorderType | null {
  const key = labelKey(raw).replace(/ ?; ?/g, '; ');
  return ACLED_DISORDER_TYPES.find((t) => labelKey(t) === key) ?? null;
}
