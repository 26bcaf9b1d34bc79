import { describe, expect, it } from 'vitest';
import { civilianHarmReason, classifyEvent, parseCivilianTargeting } from './civilian-harm.ts';
import { actor, sourceEvent } from './test-helpers.ts';

const battle = { eventType: 'Battles', subEventType: 'Armed clash' };
const vac = { eventType: 'Violence against civilians', subEventType: 'Attack' };

describe('civilian-harm rule (DESIGN §4)', () => {
  it('takes the civilian_targeting column when the layout has it', () => {
    const e = sourceEvent({ ...battle, civilianTargetingFlag: true, fatalities: 4 });
    expect(civilianHarmReason(e)).toBe('civilian_targeting');
    expect(classifyEvent(e)).toMatchObject({
      civilianHarm: true,
      civilianFatalities: 4,
      harmCategory: 'killing',
    });
  });

  it('uses the event type only when the column is absent (null), not when it is empty (false)', () => {
    expect(civilianHarmReason(sourceEvent({ ...vac, civilianTargetingFlag: null }))).toBe(
      'violence_against_civilians',
    );
    expect(civilianHarmReason(sourceEvent({ ...vac, civilianTargetingFlag: false }))).toBeNull();
    // Old vocabulary kept only in sourceEventType still counts.
    expect(civilianHarmReason(sourceEvent({ sourceEventType: 'violence against civilians' }))).toBe(
      'violence_against_civilians',
    );
  });

  it('counts events whose actor2 is civilians, by inter code or name', () => {
    const looting = { eventType: 'Strategic developments', subEventType: 'Looting/property destruction' };
    const byInter = sourceEvent({
      ...looting,
      actors: [actor('Katiba Macina', 'actor1', 2), actor('Herders (Mali)', 'actor2', 7)],
    });
    expect(civilianHarmReason(byInter)).toBe('civilian_target_actor');
    expect(classifyEvent(byInter)).toMatchObject({
      harmCategory: 'property',
      perpetratorCategory: 'jihadist_group',
    });
    const byName = sourceEvent({
      ...looting,
      actors: [actor('JNIM', 'actor1'), actor('Civilians (Mali)', 'actor2')],
    });
    expect(civilianHarmReason(byName)).toBe('civilian_target_actor');
    // Even with the civilian_targeting column present and empty.
    expect(
      civilianHarmReason(sourceEvent({ ...looting, civilianTargetingFlag: false, actors: byName.actors })),
    ).toBe('civilian_target_actor');
    const soldiers = sourceEvent({
      ...battle,
      actors: [actor('JNIM', 'actor1', 2), actor('Military Forces of Mali (2013-2020)', 'actor2', 1)],
      fatalities: 9,
    });
    expect(classifyEvent(soldiers)).toEqual({
      civilianHarm: false,
      civilianFatalities: 0,
      harmCategory: null,
      perpetratorCategory: 'jihadist_group',
    });
  });

  it('reads the interaction code in monadic layouts without actor2', () => {
    const victimsRow = sourceEvent({
      ...vac,
      civilianTargetingFlag: false,
      interaction: 47,
      actors: [actor('Civilians (Mali)', 'actor1', 7)],
    });
    expect(civilianHarmReason(victimsRow)).toBe('civilian_target_actor');
    const alone = sourceEvent({
      eventType: 'Strategic developments',
      subEventType: 'Other',
      interaction: 70,
      actors: [actor('Civilians (Mali)', 'actor1', 7)],
    });
    expect(civilianHarmReason(alone)).toBeNull();
  });

  it('counts all ACLED fatalities of a civilian-harm event (ACLED does not split them)', () => {
    const e = sourceEvent({
      ...vac,
      fatalities: 25,
      actors: [actor('Dan Na Ambassagou', 'actor1', 4), actor('Civilians (Mali)', 'actor2', 7)],
    });
    expect(classifyEvent(e)).toEqual({
      civilianHarm: true,
      civilianFatalities: 25,
      harmCategory: 'killing',
      perpetratorCategory: 'self_defence_militia',
    });
  });

  it('UCDP: one-sided violence counts all deaths when deaths_civilians is missing; other types their civilian deaths', () => {
    const ucdp = { source: 'ucdp' as const, actors: [actor('JNIM', 'side_a'), actor('Civilians', 'side_b')] };
    expect(
      classifyEvent(sourceEvent({ ...ucdp, violenceType: 3, fatalities: 12, civilianDeaths: null })),
    ).toEqual({
      civilianHarm: true,
      civilianFatalities: 12,
      harmCategory: 'killing',
      perpetratorCategory: 'jihadist_group',
    });
    expect(
      classifyEvent(sourceEvent({ ...ucdp, violenceType: 3, fatalities: 12, civilianDeaths: 11 }))
        .civilianFatalities,
    ).toBe(11);
    const stateBased = {
      source: 'ucdp' as const,
      violenceType: 1,
      fatalities: 10,
      actors: [actor('Government of Mali', 'side_a'), actor('JNIM', 'side_b')],
    };
    expect(classifyEvent(sourceEvent({ ...stateBased, civilianDeaths: 3 }))).toMatchObject({
      civilianHarm: true,
      civilianFatalities: 3,
      perpetratorCategory: 'state_forces',
    });
    expect(classifyEvent(sourceEvent({ ...stateBased, civilianDeaths: 0 }))).toMatchObject({
      civilianHarm: false,
      civilianFatalities: 0,
      harmCategory: null,
    });
    expect(classifyEvent(sourceEvent({ ...stateBased, civilianDeaths: null })).civilianHarm).toBe(false);
  });

  it('parses the civilian_targeting cell', () => {
    expect(parseCivilianTargeting('Civilian targeting', true)).toBe(true);
    expect(parseCivilianTargeting('', true)).toBe(false);
    expect(parseCivilianTargeting(undefined, false)).toBeNull();
  });
});
