import { describe, expect, it } from 'vitest';
import {
  UCDP_MALI_SIDES,
  classifyUcdpSide,
  parseUcdpViolenceType,
  splitUcdpDyad,
  ucdpViolenceTypeName,
} from './ucdp.ts';

describe('UCDP vocabulary', () => {
  it('names the three types of violence', () => {
    expect(ucdpViolenceTypeName(1)).toBe('state-based');
    expect(ucdpViolenceTypeName(2)).toBe('non-state');
    expect(ucdpViolenceTypeName(3)).toBe('one-sided');
    expect(ucdpViolenceTypeName(4)).toBeNull();
    expect(parseUcdpViolenceType('3')).toBe(3);
    expect(parseUcdpViolenceType('One-sided violence')).toBe(3);
    expect(parseUcdpViolenceType('x')).toBeNull();
  });

  it.each(UCDP_MALI_SIDES)('maps side $name → $category', ({ name, category }) => {
    const c = classifyUcdpSide(name, { country: 'MLI', countryName: 'Mali' });
    expect(c.category).toBe(category);
    expect(c.fallback).toBe(false);
  });

  it('splits dyad names', () => {
    expect(splitUcdpDyad('Government of Mali - JNIM')).toEqual(['Government of Mali', 'JNIM']);
    expect(splitUcdpDyad('Dogon - Fulani')).toEqual(['Dogon', 'Fulani']);
    expect(splitUcdpDyad('JNIM')).toBeNull();
  });
});
