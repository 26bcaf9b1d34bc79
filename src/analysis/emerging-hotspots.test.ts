import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../core/neighbours.ts';
import { emergingHotspots, pattern, spaceTimeNeighbours } from './emerging-hotspots.ts';

const SIDE = 7;
const STEPS = 12;
const UNITS = SIDE * SIDE;
const CENTRE = 3 * SIDE + 3;

/** Queen contiguity on a SIDE × SIDE grid, unit r·SIDE + c. */
function queenGrid(): ReturnType<typeof neighboursFromLists> {
  const lists: number[][] = [];
  for (let r = 0; r < SIDE; r++) {
    for (let c = 0; c < SIDE; c++) {
      const list: number[] = [];
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if ((dr || dc) && rr >= 0 && rr < SIDE && cc >= 0 && cc < SIDE) list.push(rr * SIDE + cc);
        }
      }
      lists.push(list);
    }
  }
  return neighboursFromLists(lists);
}
const grid = queenGrid();

/** A background of `base` (with a fixed ±1 texture so that it has variance), and the centre 3×3 block set by `block(t)`. */
function cube(base: number, block: (t: number) => number | null): Float64Array {
  const x = new Float64Array(UNITS * STEPS);
  for (let t = 0; t < STEPS; t++) {
    for (let i = 0; i < UNITS; i++) x[t * UNITS + i] = base + (((i * 7 + t * 3) % 3) - 1);
    const v = block(t);
    if (v === null) continue;
    for (let r = 2; r <= 4; r++) for (let c = 2; c <= 4; c++) x[t * UNITS + r * SIDE + c] = v;
  }
  return x;
}
const HISTORICAL_TAIL = 5;
const centre = (x: Float64Array) => emergingHotspots(x, UNITS, grid).units[CENTRE]!;
const during = (steps: number[], v: number) => (t: number) => (steps.includes(t) ? v : null);

describe('emerging hotspots on a 7 × 7 queen grid over 12 steps', () => {
  const cases: [string, Float64Array][] = [
    ['persistent-hot', cube(2, (t) => (t % 2 ? 20 : 22))],
    ['intensifying-hot', cube(2, (t) => 10 + 2 * t)],
    ['diminishing-hot', cube(2, (t) => 32 - 2 * t)],
    ['new-hot', cube(2, during([11], 20))],
    ['consecutive-hot', cube(2, during([8, 9, 10], 20))],
    ['sporadic-hot', cube(2, during([2, 6], 20))],
    ['oscillating-hot', cube(10, (t) => (t < 3 ? 0 : t === 11 ? 30 : null))],
    // The block's last two steps sit near the cube's mean: neither hot nor cold in the final step.
    ['historical-hot', cube(2, (t) => (t <= 9 ? 20 : HISTORICAL_TAIL))],
    ['persistent-cold', cube(10, () => 0)],
    ['intensifying-cold', cube(30, (t) => 22 - 2 * t)],
    ['new-cold', cube(10, during([11], 0))],
    ['consecutive-cold', cube(10, during([8, 9, 10], 0))],
    ['oscillating-cold', cube(2, (t) => (t <= 9 ? 20 : 0))],
  ];
  it.each(cases)('finds %s where the centre block was built that way', (expected, x) => {
    expect(centre(x).class).toBe(expected);
  });

  it('reports the hot steps, with the block echoing one step later through the t − 1 neighbourhood', () => {
    const u = centre(cube(2, during([2, 6], 20)));
    expect(u.hotSteps).toEqual([2, 3, 6, 7]);
    expect(u.coldSteps).toEqual([]);
    // A flat background far from any block has no pattern.
    expect(emergingHotspots(cube(2, during([2, 6], 20)), UNITS, grid).units[0]!.class).toBe('no-pattern');
  });

  it('builds the space-time neighbourhood from steps t and t − 1', () => {
    const nb = spaceTimeNeighbours(neighboursFromLists([[1], [0]]), 2, 2);
    expect(Array.from(nb.offsets)).toEqual([0, 1, 2, 5, 8]);
    expect(Array.from(nb.indices)).toEqual([1, 0, 0, 1, 3, 0, 1, 2]);
  });
});

describe('pattern rules', () => {
  const f = (s: string) => [...s].map((c) => c === '1');
  it('follows the ESRI definitions', () => {
    const none = f('0000000000');
    expect(pattern(f('1111111110'), none, false, false)).toBe('historical');
    expect(pattern(f('0111111111'), none, false, false)).toBe('persistent');
    expect(pattern(f('0111111111'), none, true, false)).toBe('intensifying');
    expect(pattern(f('0111111111'), none, false, true)).toBe('diminishing');
    expect(pattern(f('0000000001'), none, false, false)).toBe('new');
    expect(pattern(f('0000000111'), none, false, false)).toBe('consecutive');
    expect(pattern(f('0100000111'), none, false, false)).toBe('sporadic');
    expect(pattern(f('0100000000'), none, false, false)).toBe('sporadic');
    expect(pattern(f('0000000011'), f('1000000000'), false, false)).toBe('oscillating');
    expect(pattern(f('0100000000'), f('1000000000'), false, false)).toBeNull();
    expect(pattern(none, none, false, false)).toBeNull();
  });
});
