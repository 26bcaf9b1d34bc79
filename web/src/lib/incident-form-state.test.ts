import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../components/incident-form/field-labels.ts';
import {
  emptyForm,
  fieldId,
  issuesByField,
  newCount,
  newId,
  newPerpetrator,
  newVictim,
  toRequestBody,
} from './incident-form-state.ts';
import { mayOpen } from './roles.ts';

describe('incident form state', () => {
  it('leaves empty optional fields out and converts numbers', () => {
    const form = {
      ...emptyForm(),
      dateFrom: '2025-03-20',
      latitude: '14,5',
      longitude: '-4.2',
      pcode: 'ml0401',
      harmTypes: ['killing'],
      narrative: '  what happened  ',
      perpetrators: [{ ...newPerpetrator(), category: 'jihadist_group' }],
      victimCounts: [{ ...newCount('killing'), count: '3' }],
      victims: [
        { ...newVictim(['killing']), name: ' A ', consent: 'internal_only', consentPartner: 'ignored' },
      ],
    };
    const body = JSON.parse(JSON.stringify(toRequestBody(form))) as {
      [key: string]: unknown;
      victimCounts: { count: number }[];
      victims: unknown[];
    };
    expect(body['clientId']).toBe(form.clientId);
    expect(body['date']).toEqual({ from: '2025-03-20', precision: 'day' });
    expect(body['place']).toEqual({ latitude: 14.5, longitude: -4.2, pcode: 'ML0401', precision: 'exact' });
    expect(body['narrative']).toBe('what happened');
    expect(body['perpetrators']).toEqual([{ category: 'jihadist_group' }]);
    expect(body['flags']).toEqual({ retaliationForUnCooperation: false, crsv: false, childVictims: false });
    expect(body.victimCounts[0]?.count).toBe(3);
    expect(body.victims[0]).toEqual({
      name: 'A',
      sex: 'unknown',
      age: 'unknown',
      status: 'civilian',
      harms: ['killing'],
      consent: 'internal_only',
    });
  });

  it('keeps one clientId per form, so a resend is recognised by the server', () => {
    const form = emptyForm();
    const a = toRequestBody(form) as { clientId: string };
    const b = toRequestBody(form) as { clientId: string };
    expect(a.clientId).toBe(b.clientId);
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(emptyForm().clientId).not.toBe(form.clientId);
  });

  it('maps the server issues to fields, ids and labels', () => {
    const errors = issuesByField({
      issues: [
        { path: ['victims', '1', 'name'], message: 'too long' },
        { path: ['place', 'pcode'], message: 'OCHA P-code' },
        { path: ['place', 'pcode'], message: 'again' },
      ],
    });
    expect([...errors.keys()]).toEqual(['victims.1.name', 'place.pcode']);
    expect(errors.get('place.pcode')).toEqual(['OCHA P-code', 'again']);
    expect(fieldId('victims.1.name')).toBe('f-victims-1-name');
    const t = (key: string, p?: Record<string, string | number>) => `${key}${p ? JSON.stringify(p) : ''}`;
    expect(fieldLabel('victims.1.name', t)).toBe('form.victimN{"n":2} — victim.name');
    expect(fieldLabel('perpetrators.0.name', t)).toBe('form.perpetratorN{"n":1} — form.perpetratorName');
    expect(fieldLabel('place.pcode', t)).toBe('form.pcode');
    expect(fieldLabel('something.else', t)).toBe('something.else');
    expect(issuesByField(undefined).size).toBe(0);
  });
});

describe('pages by role', () => {
  it('opens incidents to every role but viewers, and recording and review to monitors and admins', () => {
    expect(mayOpen('analyst', '/incidents')).toBe(true);
    expect(mayOpen('analyst', '/incidents/0b0c9a52-1d7e-4c39-9a55-1f1f7c0e2f11')).toBe(true);
    expect(mayOpen('analyst', '/incidents/new')).toBe(false);
    expect(mayOpen('analyst', '/review')).toBe(false);
    expect(mayOpen('viewer', '/incidents')).toBe(false);
    expect(mayOpen('viewer', '/')).toBe(true);
    expect(mayOpen('monitor', '/data')).toBe(false);
    expect(mayOpen('monitor', '/review')).toBe(true);
    expect(mayOpen('viewer', '/public')).toBe(true);
  });
});
