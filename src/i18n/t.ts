import en from './en.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
/** French first: vigie's first users work in French (DESIGN §1). */
export const DEFAULT_LOCALE: Locale = 'fr';

type Messages = Record<string, string>;
const CATALOGUES: Record<Locale, Messages> = { fr, en };

export function parseLocale(value: string | undefined | null): Locale {
  const v = (value ?? '').toLowerCase().slice(0, 2);
  return v === 'en' ? 'en' : v === 'fr' ? 'fr' : DEFAULT_LOCALE;
}

/**
 * Looks a key up and fills `{name}` placeholders. A missing key falls back to the key itself so that a gap
 * shows as a visible key rather than an empty string; the parity test keeps both catalogues complete.
 */
export function t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = CATALOGUES[locale][key] ?? CATALOGUES[DEFAULT_LOCALE][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function hasKey(locale: Locale, key: string): boolean {
  return key in CATALOGUES[locale];
}

export function catalogue(locale: Locale): Readonly<Messages> {
  return CATALOGUES[locale];
}
