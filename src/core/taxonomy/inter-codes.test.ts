import { describe, expect, it } from 'vitest';
import {
  INTER_CODE_KEYS,
  interactionOf,
  parseInterCode,
  parseInteraction,
  splitInteraction,
} from './inter-codes.ts';

describe('inter codes', () => {
  it('names the nine codes', () => {
    expect(INTER_CODE_KEYS[1]).toBe('state_forces');
    expect(INTER_CODE_KEYS[4]).toBe('identity_militias');
    expect(INTER_CODE_KEYS[7]).toBe('civilians');
    expect(INTER_CODE_KEYS[8]).toBe('external_other_forces');
  });

  it('parses digits and the labels of post-2023 exports', () => {
    expect(parseInterCode('3')).toBe(3);
    expect(parseInterCode(' 7 ')).toBe(7);
    expect(parseInterCode(4)).toBe(4);
    expect(parseInterCode('Political militia')).toBe(3);
    expect(parseInterCode('identity  MILITIA')).toBe(4);
    expect(parseInterCode('External/Other forces')).toBe(8);
    expect(parseInterCode('')).toBeNull();
    expect(parseInterCode('9')).toBeNull();
    expect(parseInterCode('Aliens')).toBeNull();
    expect(parseInterCode(null)).toBeNull();
  });

  it('splits an interaction into its two sides', () => {
    expect(splitInteraction(37)).toEqual([3, 7]);
    expect(splitInteraction(10)).toEqual([1, 0]);
    expect(splitInteraction(88)).toEqual([8, 8]);
    expect(splitInteraction(7)).toEqual([0, 7]);
    expect(splitInteraction(99)).toBeNull();
    expect(splitInteraction(-1)).toBeNull();
    expect(splitInteraction(null)).toBeNull();
  });

  it('builds and parses interactions in either spelling, smaller code first', () => {
    expect(interactionOf(7, 3)).toBe(37);
    expect(interactionOf(6, 0)).toBe(60);
    expect(parseInteraction('47')).toBe(47);
    expect(parseInteraction('Political militia-Civilians')).toBe(37);
    expect(parseInteraction('Civilians-State forces')).toBe(17);
    expect(parseInteraction('External/Other forces-Civilians')).toBe(78);
    expect(parseInteraction('Protesters only')).toBe(60);
    expect(parseInteraction('nonsense-more')).toBeNull();
  });
});
