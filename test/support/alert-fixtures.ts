import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSource } from '../../src/importers/read/byte-source.ts';
import type { Vigie } from '../../src/services/vigie.ts';

/**
 * A few Malian units as small squares at their real places (levels 1–3, OCHA COD-AB 2017 codes; commune codes
 * illustrative), written as GeoJSON and loaded as boundary sets: the gazetteer the SMS parser resolves against.
 * Bamba is a commune of Bourem and of Koro: a namesake to report as ambiguous.
 */
const UNITS: Array<[number, string, string, string | null, number, number]> = [
  [1, 'ML05', 'Mopti', null, -4.2, 14.5],
  [1, 'ML07', 'Gao', null, 0.0, 16.3],
  [2, 'ML0501', 'Bandiagara', 'ML05', -3.6, 14.35],
  [2, 'ML0505', 'Koro', 'ML05', -3.08, 14.07],
  [2, 'ML0701', 'Ansongo', 'ML07', 0.5, 15.66],
  [2, 'ML0702', 'Bourem', 'ML07', -0.35, 16.95],
  [2, 'ML0704', 'Ménaka', 'ML07', 2.4, 15.9],
  [3, 'ML070104', 'Tessit', 'ML0701', 0.98, 15.2],
  [3, 'ML070401', 'Ménaka', 'ML0704', 2.4, 15.92],
  [3, 'ML070201', 'Bamba', 'ML0702', -1.4, 17.1],
  [3, 'ML050502', 'Bamba', 'ML0505', -2.9, 14.2],
];

export async function loadAlertGazetteer(vigie: Vigie, dir: string): Promise<void> {
  for (const level of [1, 2, 3]) {
    const features = UNITS.filter((u) => u[0] === level).map(([, code, name, parent, lon, lat]) => {
      const d = 0.05 * (4 - level);
      return {
        type: 'Feature',
        properties: { code, name, parent },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon - d, lat - d],
              [lon + d, lat - d],
              [lon + d, lat + d],
              [lon - d, lat + d],
              [lon - d, lat - d],
            ],
          ],
        },
      };
    });
    const path = join(dir, `adm${level}.geojson`);
    writeFileSync(path, JSON.stringify({ type: 'FeatureCollection', features }));
    const report = await vigie.importFile('boundaries', fileSource(path), {
      level,
      set: `alerts-test-${level}`,
      codeField: 'code',
      nameField: 'name',
      ...(level > 1 ? { parentField: 'parent' } : {}),
    });
    if (report.rejected > 0)
      throw new Error(`fixture boundaries level ${level} rejected: ${JSON.stringify(report.issues)}`);
  }
}
