import { countryFromGw, countryFromIso3, countryFromIsoNumeric, countryFromName } from '../geo/countries.ts';
import type { CountryResolver } from '../importers/country.ts';

/**
 * The country a row names, from the most reliable field it has: ISO3, then ISO numeric, then the Gleditsch–Ward
 * number, then the name. Importers receive this function because they may not import src/geo themselves.
 */
export const resolveCountry: CountryResolver = (name, isoNumeric, iso3, gw) =>
  (iso3 ? countryFromIso3(iso3) : null)?.iso3 ??
  (isoNumeric !== null ? countryFromIsoNumeric(isoNumeric) : null)?.iso3 ??
  (gw !== null ? countryFromGw(gw) : null)?.iso3 ??
  (name ? countryFromName(name) : null)?.iso3 ??
  null;
