import { describe, expect, it } from 'vitest';
import { dateQualityCode } from './date-quality.ts';

describe('dateQualityCode', () => {
  it.each([
    ['reported', 'reported'],
    ['reported ("three days" after Ber)', 'reported'],
    ['reported by one outlet; not cross-checked', 'reported_single_source'],
    ['reported (conflicting: 21 or 23 Oct)', 'reported_conflicting'],
    ['inferred ("Saturday" in article dated 2023-11-19)', 'inferred'],
    ['approximate (ceremony broadcast Thursday 28 Dec)', 'approximate'],
    ['not found (liquidation site after 2024-01-01)', 'not_found'],
    ['closed before 2023 (date not researched)', 'not_researched'],
    ['not_found', 'not_found'],
  ])('reads %j as %s', (text, code) => {
    expect(dateQualityCode(text)).toBe(code);
  });

  it('leaves unknown wording alone', () => {
    expect(dateQualityCode('according to the mayor')).toBeNull();
    expect(dateQualityCode('  ')).toBeNull();
  });
});
