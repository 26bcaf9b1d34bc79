import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineKm } from '../../src/geo/distance.ts';
import { openVigie } from '../../src/main.ts';
import type { DrawdownResult } from '../../src/services/drawdown.ts';
import { cli } from '../support/cli.ts';
import { HYPOTHETICAL_CLOSURES_CSV } from '../support/fixtures/presences.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

const VIOLENCE = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians']);

/**
 * The radius variant of the drawdown estimate on real events (ACLED Mali 1997–2019, OCHA cercles). No base closed
 * inside the event file's period with a cited date, so two hypothetical closures exercise it; the figures test the
 * mechanics, not an effect.
 */
describe.skipIf(!hasSharedData)('vigie drawdown --radius-km on real events', () => {
  let dir: string;
  const db = () => join(dir, 'vigie.db');
  const run = (...args: string[]) => cli([...args, '--db', db()]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-radius-'));
    const closures = join(dir, 'closures.csv');
    writeFileSync(closures, HYPOTHETICAL_CLOSURES_CSV);
    for (const args of [
      [
        'boundaries',
        sharedData('mali-boundaries-ocha/mali_adm2.geojson')!,
        '--level',
        '2',
        '--set',
        'cod-ab-2017',
      ],
      ['acled', sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv')!],
      ['bases', closures],
    ]) {
      const r = await run('import', ...args, '--json');
      expect(r.code, r.stderr).toBe(0);
    }
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('counts precise political-violence events within the radius of each base, against equal circles', async () => {
    const r = await run('drawdown', '--radius-km', '50', '--months', '6', '--json');
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as DrawdownResult[];
    expect(rows.map((b) => b.base)).toEqual(['Hypothetical closure Douentza', 'Hypothetical closure Gao']);
    for (const b of rows) {
      expect(b).toMatchObject({ area: 'radius', radiusKm: 50, source: 'events', window: 6 });
      expect(b.series.months).toHaveLength(13);
      expect(b.comparison.units).toBeGreaterThan(30);
      expect(b.ci95[0]).toBeLessThanOrEqual(b.did);
      expect(b.did).toBeLessThanOrEqual(b.ci95[1]);
    }
    // The treated series, recounted here from the stored events.
    const vigie = await openVigie({ sqlitePath: db() });
    try {
      const douentza = rows[0]!;
      const expected = douentza.series.months.map(() => 0);
      for await (const e of vigie.eventsStream({ from: '2018-01-01', to: '2019-01-31' })) {
        const t = douentza.series.months.indexOf(e.date.slice(0, 7));
        if (t < 0 || e.coarseLocation || !VIOLENCE.has(e.eventType ?? '')) continue;
        if (haversineKm(douentza.latitude, douentza.longitude, e.latitude, e.longitude) <= 50)
          expected[t]! += 1;
      }
      expect(douentza.series.treated).toEqual(expected);
      expect(expected.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    } finally {
      await vigie.close();
    }
    const cercle = JSON.parse((await run('drawdown', '--months', '6', '--json')).stdout) as DrawdownResult[];
    expect(cercle.map((b) => b.area)).toEqual(['admin2', 'admin2']);
    const f = (v: number) => v.toFixed(2);
    console.log(
      rows
        .map(
          (b) =>
            `${b.base} (${b.radiusKm} km): ${f(b.treated.before)}→${f(b.treated.after)} vs ` +
            `${f(b.comparison.before)}→${f(b.comparison.after)} (${b.comparison.units}) DiD ${f(b.did)} ` +
            `[${f(b.ci95[0])}, ${f(b.ci95[1])}]`,
        )
        .join('\n'),
    );
  });

  it('refuses a radius with --ranking', async () => {
    const r = await run('drawdown', '--ranking', '--radius-km', '50');
    expect(r.code).toBe(2);
  });
});
