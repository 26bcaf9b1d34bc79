import { describe, expect, it } from 'vitest';
import {
  ACLED_EVENT_TYPES,
  ACLED_SUB_EVENT_TYPES,
  canonicalDisorderType,
  deriveDisorderType,
  normalizeAcledEventType,
} from './acled-event-types.ts';
import type { InterCode } from './inter-codes.ts';

const norm = (
  eventType: string,
  sides: InterCode[] = [],
  fatalities = 0,
  subEventType: string | null = null,
) => normalizeAcledEventType({ eventType, subEventType, sides, fatalities });

describe('ACLED vocabulary', () => {
  it('has 6 event types, 25 sub-event types', () => {
    expect(ACLED_EVENT_TYPES).toHaveLength(6);
    expect(Object.values(ACLED_SUB_EVENT_TYPES).flat()).toHaveLength(25);
  });

  it('keeps current types, tolerant of case and spacing', () => {
    expect(norm('battles', [], 0, 'armed  clash')).toEqual({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      subEventInferred: false,
      legacy: false,
    });
    expect(norm(' Explosions / Remote violence ', [], 0, 'Remote explosive/landmine/IED').subEventType).toBe(
      'Remote explosive/landmine/IED',
    );
    // A sub-event filed under the wrong type is dropped, not trusted.
    expect(norm('Battles', [], 0, 'Peaceful protest').subEventType).toBeNull();
  });

  it('maps the older battle types with their sub-event', () => {
    expect(norm('Battle-No change of territory')).toMatchObject({
      eventType: 'Battles',
      subEventType: 'Armed clash',
      legacy: true,
    });
    expect(norm('BATTLE - GOVERNMENT REGAINS TERRITORY').subEventType).toBe('Government regains territory');
    expect(norm('Battle-Non-state actor overtakes territory').subEventType).toBe(
      'Non-state actor overtakes territory',
    );
  });

  it('maps remote violence, strategic development and the territorial types', () => {
    expect(norm('Remote violence')).toMatchObject({
      eventType: 'Explosions/Remote violence',
      subEventType: null,
    });
    expect(norm('Strategic development').eventType).toBe('Strategic developments');
    expect(norm('Non-violent transfer of territory')).toMatchObject({
      eventType: 'Strategic developments',
      subEventType: 'Non-violent transfer of territory',
    });
    expect(norm('Headquarters or base established').subEventType).toBe('Headquarters or base established');
    expect(norm('Violence against civilians')).toMatchObject({
      eventType: 'Violence against civilians',
      legacy: false,
    });
  });

  it('splits Riots/Protests by the sides: protesters make a protest, anyone else a riot', () => {
    expect(norm('Riots/Protests', [6, 0])).toMatchObject({
      eventType: 'Protests',
      subEventType: 'Peaceful protest',
      subEventInferred: true,
    });
    expect(norm('Riots/Protests', [1, 6]).subEventType).toBe('Protest with intervention');
    expect(norm('Riots/Protests', [1, 6], 2).subEventType).toBe('Excessive force against protesters');
    expect(norm('Riots/Protests', [5, 6]).eventType).toBe('Protests');
    expect(norm('Riots/Protests', [5, 0])).toMatchObject({
      eventType: 'Riots',
      subEventType: 'Violent demonstration',
    });
    expect(norm('Riots/Protests', [5, 7]).subEventType).toBe('Mob violence');
    expect(norm('Riots/Protests', [1, 5])).toMatchObject({
      eventType: 'Riots',
      subEventType: null,
      subEventInferred: false,
    });
  });

  it('gives nulls for unknown types', () => {
    expect(norm('Picnic')).toEqual({
      eventType: null,
      subEventType: null,
      subEventInferred: false,
      legacy: false,
    });
  });

  it('derives disorder_type for layouts without it', () => {
    expect(deriveDisorderType('Battles', 'Armed clash', [1, 2])).toBe('Political violence');
    expect(deriveDisorderType('Violence against civilians', null, [3, 7])).toBe('Political violence');
    expect(deriveDisorderType('Protests', 'Peaceful protest', [6, 0])).toBe('Demonstrations');
    expect(deriveDisorderType('Riots', 'Mob violence', [5, 7])).toBe('Political violence; Demonstrations');
    expect(deriveDisorderType('Riots', 'Violent demonstration', [5, 0])).toBe('Demonstrations');
    expect(deriveDisorderType('Strategic developments', 'Other', [2, 0])).toBe('Strategic developments');
    expect(deriveDisorderType(null, null, [])).toBeNull();
    expect(canonicalDisorderType('political violence;demonstrations')).toBe(
      'Political violence; Demonstrations',
    );
  });
});
