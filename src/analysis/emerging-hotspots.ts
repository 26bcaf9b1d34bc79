/**
 * Emerging hot spot analysis (after ESRI's "Emerging Hot Spot Analysis") on a space-time cube of counts.
 *
 * 1. Gi* per bin (unit i, step t) over the whole cube: n = units × steps bins, binary weights, the bin itself
 *    included. The neighbourhood is ESRI's default with a neighbourhood time step of 1: the unit and its spatial
 *    neighbours at step t and at step t − 1 (only step t for the first step). z is the analytic Gi* z (giStarZ,
 *    the same formula as the plain hotspots), p two-sided from the normal distribution, and a bin is a
 *    significant hot (cold) spot when p ≤ 0.10 and z > 0 (z < 0). No FDR adjustment: the classes below read
 *    patterns across steps, and ESRI's per-bin reading is what analysts compare against.
 * 2. The Mann–Kendall test on each unit's z series; a trend is significant at p ≤ 0.10 (same level as the bins).
 * 3. The class of each unit, from ESRI's published definitions, for hot (and symmetrically for cold, with
 *    "intensifying" meaning z falling, i.e. clustering of low values growing stronger). "hot share" is the
 *    fraction of all steps that are significant hot spots:
 *    - historical: hot share ≥ 90 % but the final step is not hot;
 *    - intensifying: hot share ≥ 90 %, final step hot, significant upward trend in z;
 *    - diminishing: hot share ≥ 90 %, final step hot, significant downward trend in z;
 *    - persistent: hot share ≥ 90 %, final step hot, no significant trend;
 *    - oscillating: hot share < 90 %, final step hot, and cold at some earlier step (checked before new and
 *      consecutive: a former cold spot turning hot is better told as oscillating than as new);
 *    - new: the final step is the only hot step;
 *    - consecutive: one uninterrupted run of ≥ 2 hot steps ending at the final step, no hot step before it;
 *    - sporadic: hot share < 90 %, on and off hot, never cold (ArcGIS Pro's wording; the final step need not be
 *      hot);
 *    - otherwise no pattern.
 *    A unit is read as a cold pattern first when its final step is cold, else as a hot pattern first; the other
 *    reading is tried when the first finds no pattern.
 * Pure: arrays in, results out.
 */
import { neighboursFromLists, type Neighbours } from '../core/neighbours.ts';
import { giStarZ } from './gi-star.ts';
import { mannKendall, twoSidedNormalP } from './mann-kendall.ts';

const PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
type Pattern = (typeof PATTERNS)[number];

export const EMERGING_CLASSES = [
  ...PATTERNS.map((p) => `${p}-hot` as const),
  ...PATTERNS.map((p) => `${p}-cold` as const),
  'no-pattern',
] as const;
export type EmergingClass = (typeof EMERGING_CLASSES)[number];

/** Significance of a bin and of a trend (two-sided p). */
export const EMERGING_ALPHA = 0.1;

export interface EmergingUnit {
  class: EmergingClass;
  /** Mann–Kendall z and p of the unit's Gi* z series. */
  trendZ: number;
  trendP: number;
  /** Step indices where the unit is a significant hot (cold) spot. */
  hotSteps: number[];
  coldSteps: number[];
}

export interface EmergingResult {
  /** Gi* z and p per bin, step-major: bin (i, t) at t·units + i. */
  z: Float64Array;
  p: Float64Array;
  units: EmergingUnit[];
}

/**
 * @param cube counts step-major: cube[t·units + i] is unit i at step t.
 * @param nb the spatial neighbours of the units (without the unit itself).
 */
export function emergingHotspots(cube: ArrayLike<number>, units: number, nb: Neighbours): EmergingResult {
  const steps = units > 0 ? Math.floor(cube.length / units) : 0;
  if (steps * units !== cube.length) throw new RangeError('cube length is not units × steps');
  const z = giStarZ(cube, spaceTimeNeighbours(nb, units, steps));
  const p = Float64Array.from(z, twoSidedNormalP);
  const result: EmergingUnit[] = [];
  for (let i = 0; i < units; i++) {
    const series: number[] = [];
    const hot: boolean[] = [];
    const cold: boolean[] = [];
    for (let t = 0; t < steps; t++) {
      const zi = z[t * units + i] ?? 0;
      const significant = (p[t * units + i] ?? 1) <= EMERGING_ALPHA;
      series.push(zi);
      hot.push(significant && zi > 0);
      cold.push(significant && zi < 0);
    }
    const trend = mannKendall(series);
    const up = trend.p <= EMERGING_ALPHA && trend.z > 0;
    const down = trend.p <= EMERGING_ALPHA && trend.z < 0;
    const asHot = () => pattern(hot, cold, up, down);
    const asCold = () => pattern(cold, hot, down, up);
    let cls: EmergingClass = 'no-pattern';
    if (cold[steps - 1]) {
      const c = asCold();
      const h = c ? null : asHot();
      cls = c ? `${c}-cold` : h ? `${h}-hot` : 'no-pattern';
    } else {
      const h = asHot();
      const c = h ? null : asCold();
      cls = h ? `${h}-hot` : c ? `${c}-cold` : 'no-pattern';
    }
    result.push({
      class: cls,
      trendZ: trend.z,
      trendP: trend.p,
      hotSteps: indicesOf(hot),
      coldSteps: indicesOf(cold),
    });
  }
  return { z, p, units: result };
}

/**
 * The pattern of one side: `on` are the steps significant on that side, `off` those significant on the other;
 * `stronger`/`weaker` say whether the trend goes significantly towards (away from) that side.
 */
export function pattern(on: boolean[], off: boolean[], stronger: boolean, weaker: boolean): Pattern | null {
  const steps = on.length;
  const count = on.filter(Boolean).length;
  if (steps === 0 || count === 0) return null;
  const last = on[steps - 1] === true;
  // 90 % of the steps, with a little slack so that 9 of 10 counts despite floating point.
  if (count >= 0.9 * steps - 1e-9) {
    if (!last) return 'historical';
    return stronger ? 'intensifying' : weaker ? 'diminishing' : 'persistent';
  }
  const everOff = off.some(Boolean);
  if (last && everOff) return 'oscillating';
  if (last && count === 1) return 'new';
  let run = 0;
  while (run < steps && on[steps - 1 - run]) run++;
  if (last && run >= 2 && run === count) return 'consecutive';
  if (!everOff) return 'sporadic';
  return null;
}

/** Bin (i, t) neighbours: the unit's spatial neighbours at t, and the unit and its neighbours at t − 1. */
export function spaceTimeNeighbours(nb: Neighbours, units: number, steps: number): Neighbours {
  const lists: number[][] = [];
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < units; i++) {
      const spatial = Array.from(nb.indices.subarray(nb.offsets[i], nb.offsets[i + 1]));
      const list = spatial.map((j) => t * units + j);
      if (t > 0) list.push((t - 1) * units + i, ...spatial.map((j) => (t - 1) * units + j));
      lists.push(list);
    }
  }
  return neighboursFromLists(lists);
}

function indicesOf(flags: boolean[]): number[] {
  const out: number[] = [];
  flags.forEach((f, k) => {
    if (f) out.push(k);
  });
  return out;
}
