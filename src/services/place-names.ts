import { admin1Codes } from '../geo/admin1.ts';
import { countryFromIso2 } from '../geo/countries.ts';

/** Languages of names: Natural Earth carries French names beside the English ones. */
export type Language = 'fr' | 'en';

const regionsByCountry = new Map<string, Map<string, { name: string; nameFr: string }>>();

/**
 * The name of a Natural Earth admin-1 unit from its code ("ML-MO" → "Mopti"); the code's first two letters are
 * the country's ISO 3166-1 alpha-2. Null for a code Natural Earth does not know.
 */
export function regionName(code: string, language: Language): string | null {
  const country = countryFromIso2(code.slice(0, 2));
  if (country === null) return null;
  let regions = regionsByCountry.get(country.iso3);
  if (regions === undefined) {
    regions = new Map(admin1Codes(country.iso3).map((r) => [r.code, { name: r.name, nameFr: r.nameFr }]));
    regionsByCountry.set(country.iso3, regions);
  }
  const region = regions.get(code);
  if (region === undefined) return null;
  return language === 'fr' ? region.nameFr : region.name;
}
