import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../core/neighbours.ts';
import {
  benjaminiHochberg,
  giStar,
  giStarPermutationP,
  giStarZ,
  hotspotClass,
  mulberry32,
} from './gi-star.ts';

const line = (n: number) =>
  neighboursFromLists(Array.from({ length: n }, (_, i) => [i - 1, i + 1].filter((j) => j >= 0 && j < n)));

/** A rows × cols grid with queen contiguity, units numbered row by row. */
function queenGrid(rows: number, cols: number) {
  const lists: number[][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const out: number[] = [];
      for (let dr = -1; dr <= 1; dr++)
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if ((dr || dc) && rr >= 0 && rr < rows && cc >= 0 && cc < cols) out.push(rr * cols + cc);
        }
      lists.push(out);
    }
  }
  return neighboursFromLists(lists);
}

describe('Gi* z-scores (spdep localG, include.self, style B)', () => {
  it('matches a hand computation on a line of four units', () => {
    // n = 4, x̄ = 1, s² = 12/4 = 3. Unit 3: W = 2, lag 4, E = 2, V = 3·(8 − 4)/3 = 4 → z = 1.
    // Unit 1: W = 3, lag 0, E = 3, V = 3·(12 − 9)/3 = 3 → z = −√3. Unit 2: lag 4 → z = 1/√3.
    const z = giStarZ([0, 0, 0, 4], line(4));
    expect(z[0]).toBeCloseTo(-1, 12);
    expect(z[1]).toBeCloseTo(-Math.sqrt(3), 12);
    expect(z[2]).toBeCloseTo(1 / Math.sqrt(3), 12);
    expect(z[3]).toBeCloseTo(1, 12);
  });

  it('gives 0 where the neighbourhood is the whole area (spdep: NaN)', () => {
    // n = 3, x̄ = 2, s² = 2/3; unit 0: W = 2, lag 3, E = 4, V = (2/3)·(6 − 4)/2 → z = −√1.5.
    const z = giStarZ([1, 2, 3], line(3));
    expect(z[0]).toBeCloseTo(-Math.sqrt(1.5), 12);
    expect(z[1]).toBe(0);
    expect(z[2]).toBeCloseTo(Math.sqrt(1.5), 12);
  });

  it('handles zero variance: all zeros are not significant', () => {
    const r = giStar(new Float64Array(25), queenGrid(5, 5), { permutations: 99, seed: 1 });
    expect([...r.z]).toEqual(new Array(25).fill(0));
    expect([...r.p]).toEqual(new Array(25).fill(1));
    expect([...r.pFdr]).toEqual(new Array(25).fill(1));
    expect(new Set(r.classes)).toEqual(new Set(['not-significant']));
  });
});

describe('Gi* permutation p-values', () => {
  it('estimates the exact conditional p of a one-neighbour unit', () => {
    // Unit 0 (value 0) has unit 1 (value 10) as its only neighbour; E = 0 + 10/4 = 2.5, observed 10. A draw is as
    // extreme only when it picks the 10 among the four others: p = 1/4.
    const nb = neighboursFromLists([[1], [0], [], [], []]);
    const p = giStarPermutationP([0, 10, 0, 0, 0], nb, 9999, 7);
    expect(p[0]).toBeGreaterThan(0.23);
    expect(p[0]).toBeLessThan(0.27);
    // Units without neighbours have nothing to permute.
    expect(p[2]).toBe(1);
  });

  it('is reproducible for a seed and finds a planted hotspot', () => {
    const x = new Float64Array(100);
    for (const r of [4, 5, 6]) for (const c of [4, 5, 6]) x[r * 10 + c] = 10;
    x[0] = 1;
    const nb = queenGrid(10, 10);
    // 9,999 permutations: with 100 units tested, BH needs p ≈ 1e-4 for the centre to reach FDR ≤ 0.01.
    const a = giStar(x, nb, { permutations: 9999, seed: 42 });
    const b = giStar(x, nb, { permutations: 9999, seed: 42 });
    expect([...a.p]).toEqual([...b.p]);
    expect(a.p[55]).toBe(1 / 10000);
    expect(a.classes[55]).toBe('hot-99');
    expect(a.classes[99]).toBe('not-significant');
    const c = giStar(x, nb, { permutations: 9999, seed: 43 });
    expect([...c.p]).not.toEqual([...a.p]);
  });
});

describe('Benjamini–Hochberg and classes', () => {
  it('adjusts step-up', () => {
    const adj = benjaminiHochberg([0.01, 0.04, 0.03, 0.2]);
    expect(adj[0]).toBeCloseTo(0.04, 12);
    expect(adj[1]).toBeCloseTo(0.16 / 3, 12);
    expect(adj[2]).toBeCloseTo(0.16 / 3, 12);
    expect(adj[3]).toBeCloseTo(0.2, 12);
  });

  it('classes by sign and threshold', () => {
    expect(hotspotClass(2, 0.005)).toBe('hot-99');
    expect(hotspotClass(2, 0.05)).toBe('hot-95');
    expect(hotspotClass(-2, 0.08)).toBe('cold-90');
    expect(hotspotClass(-2, 0.11)).toBe('not-significant');
    expect(hotspotClass(0, 0.001)).toBe('not-significant');
  });

  it('draws uniform numbers in [0, 1)', () => {
    const random = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 10000; i++) {
      const v = random();
      expect(v >= 0 && v < 1).toBe(true);
      sum += v;
    }
    expect(sum / 10000).toBeCloseTo(0.5, 1);
  });
});
