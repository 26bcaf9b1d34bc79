import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.ts';
import { ISSUE_CODES } from '../core/issues.ts';
import { catalogue, hasKey, LOCALES, t } from './t.ts';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('locale files', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(catalogue('en')).sort()).toEqual(Object.keys(catalogue('fr')).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, fr] of Object.entries(catalogue('fr'))) {
      expect(placeholders(catalogue('en')[key] ?? ''), key).toEqual(placeholders(fr));
    }
  });

  it('word every issue code and every error code', () => {
    for (const locale of LOCALES) {
      for (const code of ISSUE_CODES)
        expect(hasKey(locale, `issue.${code}`), `${locale} issue.${code}`).toBe(true);
      for (const code of ERROR_CODES)
        expect(hasKey(locale, `error.${code}`), `${locale} error.${code}`).toBe(true);
    }
  });

  it('fill placeholders', () => {
    expect(t('en', 'issue.DATE_INVALID', { value: '31/02/2019' })).toBe(
      'Unreadable or impossible date: "31/02/2019".',
    );
  });
});
