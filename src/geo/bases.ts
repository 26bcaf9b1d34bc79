import type { DateQuality } from '../core/date-quality.ts';
/**
 * The MINUSMA sites a fresh install knows: the 13 sites handed over or closed in 2023 and 3 earlier deployment
 * locations, copied by hand from ../shared/data/minusma-bases/minusma_bases_2023.csv (a compilation of public facts
 * with citations; reuse permitted with the citations kept). Coordinates are town points from Geo-PKO (Cil et al.
 * 2020), Ogossagou's from an ACLED event geocoded there; camp footprints differ (Gao and Timbuktu are at the
 * airports). Dates and their quality are as the sources state them — several are inferred or conflicting, and the
 * quality travels with the date so that drawdown analyses can say so.
 */

export type BaseDateQuality = DateQuality; // earlier deployments, closed before 2023

export interface ProtectionBase {
  site: string;
  lat: number;
  lon: number;
  /** Region as the compilation writes it (pre-2023 names), not a code: codes come from point-in-polygon. */
  admin1Text: string;
  /** Site type as written ("camp", "temporary operating base (TOB)", "mission HQ" …). */
  siteType: string;
  /** Handover or closure date, ISO YYYY-MM-DD, or null when unknown. */
  closedOn: string | null;
  dateQuality: BaseDateQuality;
  /** Position in the 2023 sequence as the compilation gives it, uncertainty marks kept ("5?", "12/13?"). */
  closureOrder: string | null;
  /** True for the 13 sites of 2023; false for the earlier deployment locations. */
  withdrawal2023: boolean;
  /** Short citation; the full source list (URLs) is in the shared CSV's `sources` column. */
  citation: string;
}

const GEOPKO = 'coordinates: Geo-PKO (Cil et al. 2020)';
const RELEASE_AUG = 'MINUSMA release via allafrica.com, 2023-08-31';

// prettier-ignore
export const MINUSMA_BASES: readonly ProtectionBase[] = [
  { site: 'Ogossagou', lat: 13.9583, lon: -3.5706, admin1Text: 'Mopti (Bandiagara region after 2023)', siteType: 'temporary operating base (TOB)', closedOn: '2023-08-03', dateQuality: 'reported', closureOrder: '1', withdrawal2023: true, citation: `${RELEASE_AUG}; UrduPoint 2023-08-05; coordinates: ACLED event MLI3499` },
  { site: 'Ber', lat: 16.834927, lon: -2.531944, admin1Text: 'Tombouctou', siteType: 'camp', closedOn: '2023-08-13', dateQuality: 'reported', closureOrder: '2', withdrawal2023: true, citation: `${RELEASE_AUG}; Afrique Media 2023-08-18; ${GEOPKO}` },
  { site: 'Goundam', lat: 16.41453, lon: -3.67075, admin1Text: 'Tombouctou', siteType: 'camp', closedOn: '2023-08-16', dateQuality: 'reported', closureOrder: '3', withdrawal2023: true, citation: `${RELEASE_AUG} ("three days" after Ber); Afrique Media 2023-08-18; ${GEOPKO}` },
  { site: 'Menaka', lat: 15.9182, lon: 2.4022, admin1Text: 'Menaka (Gao before 2016)', siteType: 'camp', closedOn: '2023-08-25', dateQuality: 'reported', closureOrder: '4', withdrawal2023: true, citation: `${RELEASE_AUG} (handover ceremony); ${GEOPKO}` },
  { site: 'Douentza', lat: 15.00155, lon: -2.94978, admin1Text: 'Mopti', siteType: 'camp', closedOn: '2023-10-21', dateQuality: 'reported_single_source', closureOrder: '5?', withdrawal2023: true, citation: `afrikexpress.info (ceremony Saturday 21 October); ${GEOPKO}` },
  { site: 'Tessalit', lat: 20.20126, lon: 1.01186, admin1Text: 'Kidal', siteType: 'camp', closedOn: '2023-10-21', dateQuality: 'reported', closureOrder: '6', withdrawal2023: true, citation: `allafrica.com 2023-10-23 and 2023-11-01 (convoy dates conflict: 21 vs 23 Oct); ${GEOPKO}` },
  { site: 'Aguelhok', lat: 19.46139, lon: 0.85889, admin1Text: 'Kidal', siteType: 'camp', closedOn: '2023-10-23', dateQuality: 'reported_conflicting', closureOrder: '7', withdrawal2023: true, citation: `afrique.at 2023-10-23; allafrica.com 2023-11-01 (21 or 23 Oct); ${GEOPKO}` },
  { site: 'Kidal', lat: 18.44111, lon: 1.40778, admin1Text: 'Kidal', siteType: 'camp', closedOn: '2023-10-31', dateQuality: 'reported', closureOrder: '8', withdrawal2023: true, citation: `allafrica.com 2023-11-01 ("eighth of 13 bases"); ${GEOPKO}` },
  { site: 'Ansongo', lat: 15.6597, lon: 0.5022, admin1Text: 'Gao', siteType: 'camp', closedOn: '2023-11-18', dateQuality: 'inferred', closureOrder: '9', withdrawal2023: true, citation: `The Voice of Sudan 2023-11-19 ("Saturday"); Alwihda Info; ${GEOPKO}` },
  { site: 'Mopti-Sevare', lat: 14.52742, lon: -4.09344, admin1Text: 'Mopti', siteType: 'camp (sector HQ)', closedOn: '2023-12-08', dateQuality: 'inferred', closureOrder: '10', withdrawal2023: true, citation: `afrik.com; Africa Liberty News (a Friday before the Monday 11 Dec HQ ceremony); ${GEOPKO}` },
  { site: 'Timbuktu (Tombouctou)', lat: 16.77348, lon: -3.00742, admin1Text: 'Tombouctou', siteType: 'camp (super camp)', closedOn: '2023-12-28', dateQuality: 'approximate', closureOrder: '11?', withdrawal2023: true, citation: `Africanews 2023-12-29 (ceremony on ORTM news, Thursday 28 Dec); ${GEOPKO}` },
  { site: 'Gao', lat: 16.27167, lon: -0.04472, admin1Text: 'Gao', siteType: 'camp (super camp / sector HQ)', closedOn: null, dateQuality: 'not_found', closureOrder: '12/13?', withdrawal2023: true, citation: `Sputnik Afrique 2023-12-30 (liquidation site from 1 Jan 2024); ${GEOPKO}` },
  { site: 'Bamako', lat: 12.65, lon: -8.0, admin1Text: 'Bamako', siteType: 'mission HQ', closedOn: null, dateQuality: 'not_found', closureOrder: '12/13?', withdrawal2023: true, citation: `afrik.com (HQ ceremony Monday 11 Dec 2023); UNSC resolution 2690 (mandate end 31 Dec 2023); ${GEOPKO}` },
  { site: 'Dyabali', lat: 14.6937, lon: -6.0197, admin1Text: 'Ségou', siteType: 'earlier deployment (not among the 13 sites of 2023)', closedOn: null, dateQuality: 'not_researched', closureOrder: null, withdrawal2023: false, citation: `${GEOPKO}, 2014-03 to 2018-12` },
  { site: 'Gossi', lat: 15.822994, lon: -1.300646, admin1Text: 'Timbuktu', siteType: 'earlier deployment (not among the 13 sites of 2023)', closedOn: null, dateQuality: 'not_researched', closureOrder: null, withdrawal2023: false, citation: `${GEOPKO}, 2014-03 to 2018-06` },
  { site: 'Leré', lat: 15.718784, lon: -4.90134, admin1Text: 'Timbuktu', siteType: 'earlier deployment (not among the 13 sites of 2023)', closedOn: null, dateQuality: 'not_researched', closureOrder: null, withdrawal2023: false, citation: `${GEOPKO}, 2016-09 to 2017-06` },
];
