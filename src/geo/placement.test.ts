import { describe, expect, it } from 'vitest';
import { createAdminAssigner } from './assign.ts';
import { placeEvent } from './placement.ts';

describe('placeEvent', () => {
  const assigner = createAdminAssigner();

  it('fills every EventPlacement field for a point inside', () => {
    const r = placeEvent(assigner, 12.65, -8.0, 'MLI');
    expect(r.verdict).toBe('inside');
    expect(r.issue).toBeNull();
    expect(r.placement).toMatchObject({ admin1: 'ML-BA', admin2Pcode: null, priogrid: 147945 });
    expect(r.placement?.h3r7).toMatch(/^87/);
  });

  it('places a swapped point where it belongs and flags it', () => {
    const r = placeEvent(assigner, -0.04472, 16.27167, 'MLI');
    expect(r).toMatchObject({
      verdict: 'swapped',
      issue: 'COORDINATES_SWAPPED',
      lat: 16.27167,
      lon: -0.04472,
    });
    expect(r.placement?.admin1).toBe('ML-GO');
  });

  it('keeps grid cells but no admin codes outside the country, and nothing out of range', () => {
    const out = placeEvent(assigner, 12.37, -1.52, 'MLI');
    expect(out).toMatchObject({ verdict: 'outside', issue: 'COORDINATES_OUTSIDE_COUNTRY' });
    expect(out.placement).toMatchObject({ admin1: null, admin2Pcode: null });
    expect(out.placement?.priogrid).toBeTypeOf('number');
    expect(placeEvent(assigner, 91, 200, 'MLI')).toMatchObject({
      verdict: 'out_of_range',
      issue: 'COORDINATES_OUT_OF_RANGE',
      placement: null,
    });
  });
});
