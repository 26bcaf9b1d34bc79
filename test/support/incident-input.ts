import type { IncidentInput } from '../../src/services/incident-input.ts';
import { incidentInputSchema } from '../../src/services/incident-input.ts';

/** A valid incident in Bankass cercle (Mopti), with two individual victims; `tag` makes its texts unique. */
export function incidentInput(
  tag: string,
  overrides: Partial<Record<keyof IncidentInput, unknown>> = {},
): IncidentInput {
  return incidentInputSchema.parse({
    date: { from: '2026-03-14', precision: 'day' },
    place: { latitude: 14.08, longitude: -3.52, pcode: 'ML0504', locationName: 'Bankass', precision: 'near' },
    harmTypes: ['killing', 'injury'],
    narrative: `narrative ${tag}`,
    perpetrators: [{ category: 'self_defence_militia' }],
    sources: [{ kind: 'direct_witness', reliability: 'B', credibility: 2, description: `source ${tag}` }],
    flags: { retaliationForUnCooperation: true, unCooperationKind: 'information_to_un' },
    victimCounts: [
      { harm: 'killing', sex: 'male', age: 'adult', status: 'civilian', count: 3 },
      { harm: 'injury', sex: 'female', age: 'adult', status: 'civilian', count: 1 },
    ],
    victims: [
      {
        name: `name-one ${tag}`,
        contact: `contact ${tag}`,
        testimony: `testimony ${tag}`,
        sex: 'female',
        age: 'adult',
        harms: ['injury'],
        consent: 'public_anonymised',
      },
      {
        name: `name-two ${tag}`,
        sex: 'male',
        age: 'adult',
        harms: ['killing'],
        consent: 'public_anonymised',
      },
    ],
    ...overrides,
  });
}
