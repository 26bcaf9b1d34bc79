import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.ts';
import { loadAdmin1 } from './admin1.ts';
import { createAdminAssigner } from './assign.ts';
import { parseBoundaries } from './boundaries.ts';
import { countryFromIsoNumeric, normaliseName } from './countries.ts';
import { PlaceIndex } from './place-index.ts';
import { csvRecords } from './test-support.ts';

describe('createAdminAssigner with Natural Earth admin-1', () => {
  const assigner = createAdminAssigner();

  it('gives each verdict', () => {
    expect(assigner.assign(14.49, -4.19, 'MLI')).toMatchObject({ verdict: 'inside', admin1: 'ML-MO' });
    // Bamako's Natural Earth polygon is small; a point 10 km outside it, in Koulikoro, is inside Koulikoro.
    expect(assigner.assign(12.65, -8.0, 'MLI').admin1).toBe('ML-BA');
    // 10 km into Burkina Faso from the border near Koro: still Mali's nearest unit, flagged as near.
    const near = assigner.assign(13.95, -2.6, 'MLI');
    expect(near.verdict).toBe('near');
    expect(near.admin1).toBe('ML-MO');
    expect(near.distances.admin1).toBeGreaterThan(0);
    expect(near.distances.admin1).toBeLessThanOrEqual(25);
    // Ouagadougou named as Mali: far outside.
    expect(assigner.assign(12.37, -1.52, 'MLI')).toMatchObject({ verdict: 'outside', admin1: null });
    // Gao typed as (lon, lat): (-0.04, 16.27) is in the Gulf of Guinea, swapped it is Gao.
    expect(assigner.assign(-0.04, 16.27, 'MLI')).toMatchObject({
      verdict: 'swapped',
      admin1: 'ML-GO',
      lat: 16.27,
    });
    expect(assigner.assign(95, -3, 'MLI').verdict).toBe('out_of_range');
    expect(assigner.assign(Number.NaN, -3, 'MLI').verdict).toBe('out_of_range');
    expect(assigner.assign(14.49, -4.19, null)).toMatchObject({ verdict: 'unchecked', admin1: null });
    expect(assigner.assign(14.49, -4.19, 'XXX').verdict).toBe('unchecked');
    // The same point named as Burkina Faso is more than 25 km from it.
    expect(assigner.assign(14.49, -4.19, 'BFA').verdict).toBe('outside');
  });

  it('respects a custom tolerance', () => {
    const strict = createAdminAssigner({ toleranceKm: 1 });
    expect(strict.assign(13.95, -2.6, 'MLI').verdict).toBe('outside');
  });
});

describe('ACLED Mali 1997–2019 (smose94 export, real data)', () => {
  const acledPath = sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv');
  const adm2Path = sharedData('mali-boundaries-ocha/mali_adm2.geojson');
  const adm1Path = sharedData('mali-boundaries-ocha/mali_adm1_derived.geojson');

  it.skipIf(!acledPath || !adm2Path || !adm1Path)(
    'gives all 2,916 events a Mali admin-1 and a cercle P-code',
    () => {
      const rows = csvRecords(readFileSync(acledPath!, 'utf8'));
      expect(rows).toHaveLength(2916);
      const adm2 = new PlaceIndex(parseBoundaries(readFileSync(adm2Path!, 'utf8'), { level: 2 }).places);
      const adm1 = new PlaceIndex(parseBoundaries(readFileSync(adm1Path!, 'utf8'), { level: 1 }).places);
      expect(adm2.size).toBe(50);
      const assigner = createAdminAssigner({ admin2: adm2, admin1Pcodes: adm1 });
      const neNames = new Map(
        loadAdmin1('MLI').map((p) => [p.code, p.code === 'ML-TT' ? 'Tombouctou' : p.name]),
      );

      const verdicts = new Map<string, number>();
      const perAdmin1 = new Map<string, { inside: number; near: number }>();
      const nearList: string[] = [];
      let adm2Inside = 0;
      let adm2Near = 0;
      let adm2MaxKm = 0;
      let nameAgrees = 0;
      const admin2Disagreements = new Map<string, number>();
      const admin1Crosstab = new Map<string, number>();
      for (const r of rows) {
        const iso3 = countryFromIsoNumeric(r['iso'] ?? '')?.iso3 ?? null;
        expect(iso3).toBe('MLI');
        const lat = Number(r['latitude']);
        const lon = Number(r['longitude']);
        const a = assigner.assign(lat, lon, iso3);
        verdicts.set(a.verdict, (verdicts.get(a.verdict) ?? 0) + 1);
        expect(['inside', 'near'], `${r['event_id_cnty']} ${lat},${lon}`).toContain(a.verdict);
        expect(a.admin1).toMatch(/^ML-/);
        const acledAdmin1 = r['admin1'] ?? '';
        if (normaliseName(acledAdmin1) !== normaliseName(neNames.get(a.admin1!) ?? '')) {
          const key = `${acledAdmin1}→${a.admin1}`;
          admin1Crosstab.set(key, (admin1Crosstab.get(key) ?? 0) + 1);
        }
        const tally = perAdmin1.get(a.admin1!) ?? { inside: 0, near: 0 };
        tally[a.verdict as 'inside' | 'near']++;
        perAdmin1.set(a.admin1!, tally);
        if (a.verdict === 'near') {
          nearList.push(
            `${r['event_id_cnty']} ${r['location']} (${lat}, ${lon}) → ${a.admin1} ${a.distances.admin1!.toFixed(1)} km`,
          );
        }

        expect(a.admin2Pcode, `${r['event_id_cnty']} ${lat},${lon}`).toMatch(/^ML\d{4}$/);
        expect(a.admin1Pcode).toBe(a.admin2Pcode!.slice(0, 4));
        if (a.distances.admin2 === 0) adm2Inside++;
        else adm2Near++;
        adm2MaxKm = Math.max(adm2MaxKm, a.distances.admin2 ?? 0);
        // ACLED's own admin2 name, compared with the OCHA cercle name found by point-in-polygon.
        const ocha = adm2.byCode(a.admin2Pcode!)!.name;
        if (normaliseName(ocha) === normaliseName(r['admin2'] ?? '')) nameAgrees++;
        else {
          const key = `${r['admin2']}→${ocha}`;
          admin2Disagreements.set(key, (admin2Disagreements.get(key) ?? 0) + 1);
        }
      }
      const fmt = (m: Map<string, number | object>): string =>
        [...m].map(([k, v]) => `${k}: ${typeof v === 'number' ? v : JSON.stringify(v)}`).join(', ');
      console.log(`ACLED Mali verdicts — ${fmt(verdicts)}`);
      console.log(`per NE admin-1 — ${fmt(new Map([...perAdmin1].sort()))}`);
      console.log(`ACLED admin1 ≠ NE admin-1 name: ${fmt(admin1Crosstab) || 'none'}`);
      console.log(`near (${nearList.length}):\n  ${nearList.join('\n  ')}`);
      console.log(
        `OCHA admin-2: ${adm2Inside} inside, ${adm2Near} within 25 km (max ${adm2MaxKm.toFixed(1)} km); ` +
          `ACLED admin2 name = OCHA cercle name for ${nameAgrees}/${rows.length}`,
      );
      console.log(
        `name disagreements: ${fmt(new Map([...admin2Disagreements].sort((a, b) => b[1] - a[1]).slice(0, 15)))}`,
      );
      expect((verdicts.get('inside') ?? 0) + (verdicts.get('near') ?? 0)).toBe(2916);
    },
  );
});
