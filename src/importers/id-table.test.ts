import { describe, expect, it } from 'vitest';
import { IdTable } from './id-table.ts';

describe('IdTable', () => {
  it('remembers a million ids with their fingerprint and first line, and knows new ones', () => {
    const table = new IdTable();
    let added = 0;
    for (let i = 0; i < 1_000_000; i++) if (table.seenOrAdd(`MLI${i}`, i ^ 0x5a5a, i + 2) === null) added++;
    expect(added).toBe(1_000_000);
    expect(table.size).toBe(1_000_000);
    for (let i = 0; i < 1_000_000; i += 997)
      expect(table.seenOrAdd(`MLI${i}`, 0, 0)).toEqual({ print: (i ^ 0x5a5a) >>> 0, row: i + 2 });
    expect(table.seenOrAdd('BFA1', 1, 1)).toBeNull();
  });

  it('keeps ids that differ only by case or by one character apart', () => {
    const table = new IdTable(16);
    expect(table.seenOrAdd('MLI1', 1, 2)).toBeNull();
    expect(table.seenOrAdd('mli1', 2, 3)).toBeNull();
    expect(table.seenOrAdd('MLI11', 3, 4)).toBeNull();
    expect(table.seenOrAdd('MLI1', 9, 9)).toEqual({ print: 1, row: 2 });
  });
});
