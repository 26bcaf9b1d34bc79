import { describe, expect, it } from 'vitest';
import type { PerpetratorCategory } from '../event.ts';
import { PERPETRATOR_RULES } from './perpetrator-rules.ts';
import { classifyActor, eventPerpetrator } from './perpetrators.ts';
import type { ActorContext } from './perpetrators.ts';
import { actor } from './test-helpers.ts';

const MALI = { country: 'MLI', countryName: 'Mali' };
const BURKINA = { country: 'BFA', countryName: 'Burkina Faso' };
const category = (name: string, inter: number | null = null, context: ActorContext = MALI) =>
  classifyActor(name, inter, context).category;

// The judgement calls, one line each; docs/TAXONOMY.md gives the reasons.
const CASES: Array<[string, PerpetratorCategory]> = [
  ['Military Forces of Mali (2013-2020)', 'state_forces'],
  ['Military Forces of Mali (1992-2002)', 'state_forces'],
  ['Police Forces of Mali (2013-2020) Gendarmerie', 'state_forces'],
  ['Mutiny of Military Forces of Mali (2002-2012)', 'state_forces'],
  ['Government of Mali (2013-)', 'state_forces'],
  ['Forest Guards (Mali)', 'state_forces'],
  ['Wagner Group', 'foreign_state_partner'],
  ['Africa Corps', 'foreign_state_partner'],
  ['Military Forces of Russia (2000-)', 'foreign_state_partner'],
  ['Military Forces of France (2017-)', 'foreign_state_partner'],
  ['Operation Barkhane', 'foreign_state_partner'],
  ['Task Force Takuba', 'foreign_state_partner'],
  ['G5S: G5 Sahel Force (2017-)', 'foreign_state_partner'],
  ['EUTM Mali: European Union Training Mission Mali', 'foreign_state_partner'],
  ['Military Forces of Burkina Faso (2015-)', 'foreign_state_partner'],
  ['MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2020)', 'other'],
  [
    'Mutiny of MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-)',
    'other',
  ],
  ['Dan Na Ambassagou', 'self_defence_militia'],
  ['Dozo Militia', 'self_defence_militia'],
  ['Dozo Communal Militia (Mali)', 'self_defence_militia'],
  ['Ganda Izo', 'self_defence_militia'],
  ['Gandakoy Ethnic Militia (Mali)', 'self_defence_militia'],
  ['Fulani Ethnic Militia (Mali)', 'self_defence_militia'],
  ['Unidentified Communal Militia (Mali)', 'self_defence_militia'],
  ['ASS: Alliance for the Salvation of the Sahel', 'self_defence_militia'],
  ['JNIM: Group for Support of Islam and Muslims', 'jihadist_group'],
  ['JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)', 'jihadist_group'],
  ['AQIM: Al Qaeda in the Islamic Maghreb', 'jihadist_group'],
  ['Ansar Dine', 'jihadist_group'],
  ['MUJAO: Movement for Unity and Jihad in West Africa', 'jihadist_group'],
  ['Katiba Macina', 'jihadist_group'],
  ['Al Mourabitoune Battalion', 'jihadist_group'],
  ['GMA: Mourabitounes Group of Azawad', 'jihadist_group'],
  ['Katiba Serma', 'jihadist_group'],
  ['Islamic State (Greater Sahara)', 'jihadist_group'],
  ['Islamic State Sahel Province', 'jihadist_group'],
  ['Islamist Militia (Mali)', 'jihadist_group'],
  ['CMA: Coordination of Movements of the Azawad', 'armed_signatory_group'],
  ['MNLA: National Movement for the Liberation of Azawad', 'armed_signatory_group'],
  ['HCUA: High Council for the Unity of Azawad', 'armed_signatory_group'],
  ['MAA: Arab Movement of the Azawad (Platform)', 'armed_signatory_group'],
  ['MAA: Arab Movement of the Azawad (CMA)', 'armed_signatory_group'],
  ['GATIA: Imghad Tuareg and Allies Self-Defense Group', 'armed_signatory_group'],
  ['MSA: Movement for Azawad Salvation', 'armed_signatory_group'],
  ['Platform of June 14th 2014 movements', 'armed_signatory_group'],
  ["CPA: Azawad People's Coalition", 'armed_signatory_group'],
  ['CJA: Congress for Justice in Azawad', 'armed_signatory_group'],
  ['Unidentified Armed Group (Mali)', 'unidentified'],
  ['Armed bandits', 'criminal'],
  ['Civilians (Mali)', 'other'],
  ['Fulani Ethnic Group (Mali)', 'other'],
  ['Ganda Izo Ethnic Group (Mali)', 'other'],
  ['Protesters (Mali)', 'other'],
  ['Rioters (Mali)', 'other'],
  ['Private Security Forces (Mali)', 'other'],
];

describe('actor crosswalk', () => {
  it.each(CASES)('%s → %s', (name, expected) => {
    expect(category(name)).toBe(expected);
  });

  it('gives every rule an id, a reason and a unique id', () => {
    const ids = PERPETRATOR_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of PERPETRATOR_RULES) expect(r.reason.length).toBeGreaterThan(20);
  });

  it('reads state forces by the event country', () => {
    expect(category('Military Forces of Mali (2013-2020)', 1, BURKINA)).toBe('foreign_state_partner');
    expect(category('Military Forces of Burkina Faso (2015-)', 1, BURKINA)).toBe('state_forces');
    expect(
      category('Military Forces of Burkina Faso (2015-)', 1, { country: 'BFA', countryName: null }),
    ).toBe('state_forces');
    expect(category('Military Forces of Niger (2011-)', 8, { country: 'MLI', countryName: null })).toBe(
      'foreign_state_partner',
    );
    expect(category('Military Forces of Mali (2013-)', 1, {})).toBe('state_forces');
  });

  it('falls back on the inter code only for unknown names', () => {
    expect(classifyActor('Garde Nationale', 1, MALI)).toMatchObject({
      category: 'state_forces',
      fallback: true,
      ruleId: 'fallback-inter-1',
    });
    expect(category('Garde Nationale (Niger)', 1, MALI)).toBe('foreign_state_partner');
    expect(category('Some Front', 2)).toBe('unidentified');
    expect(category('Some Front', 3)).toBe('unidentified');
    expect(category('Some Hunters', 4)).toBe('self_defence_militia');
    expect(classifyActor('Some Crowd', 7).perpetrator).toBe(false);
    expect(classifyActor('Nobody Known', null)).toMatchObject({
      category: 'other',
      ruleId: 'fallback-unmatched',
    });
    // A named rule beats a contradicting inter code (ACLED gave Dan Na Ambassagou 3 in some rows).
    expect(classifyActor('Dan Na Ambassagou', 3)).toMatchObject({
      category: 'self_defence_militia',
      fallback: false,
    });
  });

  it('attributes an event to the first actor1 that can be a perpetrator', () => {
    const context = { country: 'MLI', countryName: 'Mali' };
    expect(
      eventPerpetrator({
        ...context,
        actors: [actor('Dozo Militia', 'actor1', 4), actor('Civilians (Mali)', 'actor2', 7)],
      })?.category,
    ).toBe('self_defence_militia');
    // Monadic layout: the victims' row may come first.
    expect(
      eventPerpetrator({
        ...context,
        actors: [actor('Civilians (Mali)', 'actor1', 7), actor('Katiba Macina', 'actor1', 2)],
      })?.ruleId,
    ).toBe('katiba-macina');
    expect(eventPerpetrator({ ...context, actors: [actor('Civilians (Mali)', 'actor1', 7)] })?.category).toBe(
      'other',
    );
    expect(
      eventPerpetrator({ ...context, actors: [actor('JNIM', 'side_a'), actor('Civilians', 'side_b')] })
        ?.category,
    ).toBe('jihadist_group');
    expect(eventPerpetrator({ ...context, actors: [] })).toBeNull();
  });
});
