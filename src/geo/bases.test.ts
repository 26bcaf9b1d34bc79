import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../../test/support/shared-data.ts';
import { createAdminAssigner } from './assign.ts';
import { MINUSMA_BASES, type BaseDateQuality } from './bases.ts';
import { csvRecords } from './test-support.ts';

/** The compilation's free-text date_quality, reduced to the enum the constant uses. */
function quality(text: string): BaseDateQuality {
  if (text.startsWith('reported by one outlet')) return 'reported_single_source';
  if (text.startsWith('reported (conflicting')) return 'reported_conflicting';
  if (text.startsWith('reported')) return 'reported';
  if (text.startsWith('inferred')) return 'inferred';
  if (text.startsWith('approximate')) return 'approximate';
  if (text.startsWith('not found')) return 'not_found';
  if (text.includes('not researched')) return 'not_researched';
  throw new Error(`unknown date quality: ${text}`);
}

describe('MINUSMA bases', () => {
  it('lists the 13 sites of 2023 in closure order, and 3 earlier ones', () => {
    expect(MINUSMA_BASES).toHaveLength(16);
    const sites2023 = MINUSMA_BASES.filter((b) => b.withdrawal2023);
    expect(sites2023).toHaveLength(13);
    const dated = sites2023.filter((b) => b.closedOn !== null).map((b) => b.closedOn!);
    expect(dated).toEqual([...dated].sort());
    expect(sites2023[0]).toMatchObject({ site: 'Ogossagou', closedOn: '2023-08-03' });
    expect(MINUSMA_BASES.find((b) => b.site === 'Kidal')?.closedOn).toBe('2023-10-31');
  });

  it('places every site inside Mali', () => {
    const assigner = createAdminAssigner();
    const placed = MINUSMA_BASES.map((b) => {
      const a = assigner.assign(b.lat, b.lon, 'MLI');
      expect(a.verdict, b.site).toBe('inside');
      return `${b.site} ${a.admin1}`;
    });
    expect(placed).toContain('Bamako ML-BA');
    expect(placed).toContain('Menaka ML-GO'); // Natural Earth's Gao still holds Ménaka
  });

  const path = sharedData('minusma-bases/minusma_bases_2023.csv');
  it.skipIf(!path)('matches the shared CSV row by row', () => {
    const rows = csvRecords(readFileSync(path!, 'utf8'));
    expect(rows).toHaveLength(MINUSMA_BASES.length);
    rows.forEach((r, i) => {
      const b = MINUSMA_BASES[i]!;
      expect(b.site).toBe(r['site']);
      expect(b.lat).toBe(Number(r['latitude']));
      expect(b.lon).toBe(Number(r['longitude']));
      expect(b.admin1Text).toBe(r['admin1']);
      expect(b.siteType).toBe(r['site_type']);
      expect(b.closedOn).toBe(r['handover_or_closure_date'] || null);
      expect(b.dateQuality, b.site).toBe(quality(r['date_quality']!));
      expect(b.closureOrder).toBe(r['closure_order_of_13'] || null);
      expect(b.withdrawal2023).toBe(!r['site_type']!.startsWith('earlier deployment'));
    });
  });
});
