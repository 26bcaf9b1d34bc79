import { describe, expect, it } from 'vitest';
import { harmCategoryOf, harmFromNotes } from './harm.ts';
import type { HarmInput } from './harm.ts';

const acled = (over: Partial<HarmInput>): HarmInput => ({
  source: 'acled',
  eventType: 'Violence against civilians',
  subEventType: null,
  notes: null,
  civilianFatalities: 0,
  ...over,
});

describe('harm category', () => {
  it('follows ACLED sub-events where they name the harm', () => {
    expect(harmCategoryOf(acled({ subEventType: 'Sexual violence' }))).toBe('sexual_violence');
    expect(
      harmCategoryOf(acled({ subEventType: 'Abduction/forced disappearance', civilianFatalities: 1 })),
    ).toBe('abduction');
    expect(
      harmCategoryOf(
        acled({ eventType: 'Strategic developments', subEventType: 'Looting/property destruction' }),
      ),
    ).toBe('property');
  });

  it('tells killing from violence by deaths for attacks, battles, explosions and riots', () => {
    expect(harmCategoryOf(acled({ subEventType: 'Attack', civilianFatalities: 3 }))).toBe('killing');
    expect(harmCategoryOf(acled({ subEventType: 'Attack' }))).toBe('violence');
    expect(
      harmCategoryOf(
        acled({
          eventType: 'Explosions/Remote violence',
          subEventType: 'Remote explosive/landmine/IED',
          civilianFatalities: 2,
        }),
      ),
    ).toBe('killing');
    expect(
      harmCategoryOf(acled({ eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' })),
    ).toBe('violence');
    expect(
      harmCategoryOf(acled({ eventType: 'Riots', subEventType: 'Mob violence', civilianFatalities: 1 })),
    ).toBe('killing');
  });

  it('reads the notes only where ACLED has no field for the harm', () => {
    // "Attack" names the harm: looting in the notes does not change it.
    expect(harmCategoryOf(acled({ subEventType: 'Attack', notes: 'gunmen looted shops' }))).toBe('violence');
    expect(
      harmCategoryOf(
        acled({
          eventType: 'Strategic developments',
          subEventType: 'Other',
          notes: 'militiamen forced the inhabitants to leave the village',
        }),
      ),
    ).toBe('displacement');
    expect(
      harmCategoryOf(
        acled({ eventType: 'Strategic developments', subEventType: 'Other', notes: 'threatened voters' }),
      ),
    ).toBe('other');
    expect(
      harmCategoryOf(
        acled({
          eventType: 'Strategic developments',
          subEventType: 'Arrests',
          notes: 'soldiers arrested 27 men',
        }),
      ),
    ).toBe('other');
  });

  it('classes old-layout rows (no sub-event) from deaths and notes', () => {
    expect(harmCategoryOf(acled({ notes: 'Gunmen abducted a Swiss woman' }))).toBe('abduction');
    // ACLED recoded every "abducted and killed" of the old layout as a lethal Attack.
    expect(
      harmCategoryOf(acled({ notes: 'they kidnapped and later killed the chief', civilianFatalities: 1 })),
    ).toBe('killing');
    expect(harmCategoryOf(acled({ notes: 'the passengers were taken to an unknown location' }))).toBe(
      'abduction',
    );
    expect(harmCategoryOf(acled({ notes: 'a woman was raped by soldiers' }))).toBe('sexual_violence');
    expect(
      harmCategoryOf(acled({ notes: 'killed five villagers and burned houses', civilianFatalities: 5 })),
    ).toBe('killing');
    // Looting is a strategic development in ACLED; inside violence against civilians it stays an attack.
    expect(
      harmCategoryOf(
        acled({ eventType: 'Strategic developments', notes: 'assailants set fire to granaries' }),
      ),
    ).toBe('property');
    expect(
      harmCategoryOf(
        acled({
          eventType: 'Strategic developments',
          notes: 'gunmen stripped the passengers of their belongings',
        }),
      ),
    ).toBe('property');
    expect(harmCategoryOf(acled({ notes: 'gunmen beat villagers and looted shops' }))).toBe('violence');
    expect(
      harmCategoryOf(acled({ eventType: 'Strategic developments', notes: 'the villagers fled their homes' })),
    ).toBe('displacement');
    expect(harmCategoryOf(acled({ notes: 'beat two herders' }))).toBe('violence');
    expect(harmCategoryOf(acled({ eventType: 'Strategic developments', notes: 'threats' }))).toBe('other');
    expect(harmCategoryOf(acled({ eventType: 'Remote violence', notes: 'an IED exploded' }))).toBe(
      'violence',
    );
  });

  it('does not mistake violence or grapes for rape', () => {
    expect(harmFromNotes('sexual and gender-based violence')).toBe('sexual_violence');
    expect(harmFromNotes('violence erupted over grape fields')).toBeNull();
    expect(harmFromNotes('the assailants fled')).toBeNull();
  });

  it('classes UCDP events by deaths', () => {
    expect(
      harmCategoryOf({
        source: 'ucdp',
        eventType: 'one-sided',
        subEventType: null,
        notes: null,
        civilianFatalities: 4,
      }),
    ).toBe('killing');
    expect(
      harmCategoryOf({
        source: 'ucdp',
        eventType: 'one-sided',
        subEventType: null,
        notes: null,
        civilianFatalities: 0,
      }),
    ).toBe('violence');
  });
});
