import { describe, expect, it } from 'vitest';
import { canDecide, incidentView, type IncidentAccessFacts, type Principal, type Role } from './access.ts';
import { canTransition, transitionNeeds, VERIFICATION_STATES } from './incident.ts';

const who = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  userId: `${role}-1`,
  organisationId: 'org-a',
  role,
  regions: [],
  via: 'session',
  readOnly: false,
  ...extra,
});
const facts = (extra: Partial<IncidentAccessFacts> = {}): IncidentAccessFacts => ({
  organisationId: 'org-a',
  admin1: 'ML-MO',
  admin1Pcode: 'ML05',
  crsv: false,
  members: ['monitor-1'],
  reportedBy: 'monitor-1',
  ...extra,
});

describe('need-to-know', () => {
  it('gives each role its level on an ordinary incident', () => {
    expect(incidentView(who('monitor'), facts())).toBe('identities');
    expect(incidentView(who('monitor', { userId: 'monitor-2' }), facts())).toBe('narrative');
    expect(incidentView(who('admin'), facts())).toBe('narrative');
    expect(incidentView(who('analyst'), facts())).toBe('summary');
    expect(incidentView(who('viewer'), facts())).toBe('none');
    expect(incidentView(who('admin', { organisationId: 'org-b' }), facts())).toBe('none');
  });

  it('is stricter for CRSV: analysts see nothing, non-members only the summary', () => {
    expect(incidentView(who('analyst'), facts({ crsv: true }))).toBe('none');
    expect(incidentView(who('admin'), facts({ crsv: true }))).toBe('summary');
    expect(incidentView(who('monitor'), facts({ crsv: true }))).toBe('identities');
  });

  it('scopes by region by P-code or Natural Earth code, members excepted', () => {
    expect(incidentView(who('analyst', { regions: ['ML05'] }), facts())).toBe('summary');
    expect(incidentView(who('analyst', { regions: ['ML-MO'] }), facts())).toBe('summary');
    expect(incidentView(who('analyst', { regions: ['ML01'] }), facts())).toBe('none');
    expect(incidentView(who('monitor', { regions: ['ML01'] }), facts())).toBe('identities');
    expect(
      incidentView(who('analyst', { regions: ['ML05'] }), facts({ admin1: null, admin1Pcode: null })),
    ).toBe('none');
  });

  it('lets no reporter decide on their own incident, and no read-only token decide at all', () => {
    expect(canDecide(who('monitor'), facts())).toBe(false);
    expect(canDecide(who('monitor', { userId: 'monitor-2' }), facts())).toBe(true);
    expect(canDecide(who('monitor', { userId: 'monitor-2', readOnly: true }), facts())).toBe(false);
    expect(canDecide(who('analyst'), facts())).toBe(false);
  });

  it('lets only members decide on a CRSV case (a reviewer is assigned, never self-appointed)', () => {
    const crsv = facts({ crsv: true, members: ['monitor-1', 'monitor-3'] });
    expect(canDecide(who('monitor', { userId: 'monitor-2' }), crsv)).toBe(false);
    expect(canDecide(who('admin'), crsv)).toBe(false);
    expect(canDecide(who('monitor', { userId: 'monitor-3' }), crsv)).toBe(true);
  });
});

describe('verification workflow', () => {
  it('allows only the documented moves', () => {
    const allowed = VERIFICATION_STATES.flatMap((from) =>
      VERIFICATION_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual([
      'reported→under_review',
      'reported→dismissed',
      'under_review→verified',
      'under_review→not_verified',
      'under_review→dismissed',
      'verified→under_review',
      'not_verified→under_review',
      'dismissed→under_review',
    ]);
    expect(transitionNeeds('verified')).toEqual({ standard: true, reason: true });
    expect(transitionNeeds('under_review')).toEqual({ standard: false, reason: false });
  });
});
