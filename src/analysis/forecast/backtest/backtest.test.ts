import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../../../core/neighbours.ts';
import { BASELINES, type Forecaster } from '../baselines/registry.ts';
import { hurdleForecaster } from '../model/forecaster.ts';
import { xoshiro128ss } from '../rng.ts';
import { sampleNegBinomial } from '../sample.ts';
import { countHistory, emptySamples } from '../series.ts';
import { blockBootstrapSkill } from './block-bootstrap.ts';
import { backtestReport } from './report.ts';
import { runBacktest, truncateHistory } from './run.ts';

// Two units × 8 months.
const history = countHistory([
  [0, 2, 0, 5, 1, 0, 3, 4],
  [1, 1, 1, 1, 0, 0, 10, 0],
]);
const nb = neighboursFromLists([[1], [0]]);

describe('runBacktest', () => {
  const result = runBacktest({
    history,
    neighbours: nb,
    origins: [4, 5, 6],
    horizons: [1, 2],
    samples: 10,
    seed: 1,
    forecasters: { zero: BASELINES.zero, 'last-point': BASELINES['last-point'] },
    baselines: ['zero', 'last-point'],
    candidate: 'last-point',
    bootstrapReplicates: 200,
  });

  it('scores only targets inside the history', () => {
    // (origin, horizon) pairs with origin + h ≤ 7: (4,1) (4,2) (5,1) (5,2) (6,1) → 5 × 2 units = 10 cells.
    expect(result.models.zero?.pooled.all.n).toBe(10);
    expect(result.models.zero?.byHorizon.map((s) => s.n)).toEqual([6, 4]);
  });

  it('gives the zero forecast a CRPS equal to the mean target', () => {
    // Targets: unit 0 months 5,6,6,7,7 → 0,3,3,4,4; unit 1 → 0,10,10,0,0. Sum 34 over 10 cells = 3.4.
    expect(result.models.zero?.pooled.all.crps).toBeCloseTo(3.4, 12);
    // Coverage of a zero-width interval at 0: only the zero targets (unit 0: 1, unit 1: 3) → 4/10.
    expect(result.models.zero?.pooled.all.coverage90).toBeCloseTo(0.4, 12);
  });

  it('gives last-point the mean absolute change from the origin', () => {
    // Unit 0: |0−1| (4→5), |3−1| (4→6), |3−0| (5→6), |4−0| (5→7), |4−3| (6→7) = 1+2+3+4+1 = 11;
    // unit 1: |0−0|, |10−0|, |10−0|, |0−0|, |0−10| = 30. (11 + 30)/10 = 4.1.
    expect(result.models['last-point']?.pooled.all.crps).toBeCloseTo(4.1, 12);
    expect(result.bestBaseline).toBe('zero');
    // Skill of last-point against zero: 4.1/3.4 − 1.
    expect(result.skill?.skill).toBeCloseTo(4.1 / 3.4 - 1, 12);
  });

  it('splits active and quiet units by the 12 months up to the origin', () => {
    // Both units had events before every origin: all cells active.
    expect(result.models.zero?.pooled.active.n).toBe(10);
    expect(result.models.zero?.pooled.quiet.n).toBe(0);
    expect(result.models.zero?.pooled.quiet.crps).toBeNaN();
  });

  it('reports the CLI JSON shape with nulls for undefined scores', () => {
    const r = backtestReport(result, {
      unit: 'admin1',
      outcome: 'civilian-fatalities',
      origins: '2014-01:2018-12',
    });
    expect(Object.keys(r.models.zero ?? {})).toEqual([
      'crps',
      'ign',
      'mis90',
      'coverage90',
      'ap1',
      'logmse',
      'tadda',
    ]);
    expect(r.bestBaseline).toBe('zero');
    expect(r.skill?.ci95).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('cuts the history at the origin, so a forecaster cannot look ahead', () => {
    const seen: number[] = [];
    const spy: Forecaster = ({ history: h, request }) => {
      seen.push(h.months - 1 - request.origin);
      return emptySamples(h.units, request.samples);
    };
    runBacktest({
      history,
      neighbours: nb,
      origins: [3, 5],
      horizons: [1],
      samples: 2,
      seed: 1,
      forecasters: { spy },
      baselines: ['spy'],
    });
    expect(seen).toEqual([0, 0]);
    expect(Array.from(truncateHistory(history, 2).counts)).toEqual([0, 2, 0, 1, 1, 1]);
  });

  it('rejects unknown names', () => {
    expect(() =>
      runBacktest({
        history,
        neighbours: nb,
        origins: [4],
        horizons: [1],
        samples: 2,
        seed: 1,
        forecasters: {},
        baselines: ['x'],
      }),
    ).toThrow(RangeError);
  });
});

describe('blockBootstrapSkill', () => {
  it('is exact when the ratio is the same at every origin', () => {
    // Model CRPS = 0.9 × reference at each origin → skill −0.1, and every replicate too.
    const ref = { sum: Float64Array.from([10, 20, 5, 8, 40]), count: Float64Array.from([2, 2, 2, 2, 2]) };
    const model = { sum: ref.sum.map((x) => 0.9 * x), count: ref.count };
    const s = blockBootstrapSkill(model, ref, xoshiro128ss(1), 500);
    expect(s.skill).toBeCloseTo(-0.1, 12);
    expect(s.ci95[0]).toBeCloseTo(-0.1, 12);
    expect(s.ci95[1]).toBeCloseTo(-0.1, 12);
    expect(s.blockLength).toBe(2); // ⌈5^(1/3)⌉
  });

  it('brackets the point estimate when origins disagree', () => {
    const ref = {
      sum: Float64Array.from([10, 10, 10, 10, 10, 10, 10, 10]),
      count: new Float64Array(8).fill(1),
    };
    const model = { sum: Float64Array.from([8, 12, 7, 11, 9, 10, 6, 13]), count: ref.count };
    const s = blockBootstrapSkill(model, ref, xoshiro128ss(2), 2000, 2);
    expect(s.skill).toBeCloseTo(76 / 80 - 1, 12);
    expect(s.ci95[0]).toBeLessThan(s.skill);
    expect(s.ci95[1]).toBeGreaterThan(s.skill);
  });
});

describe('the hurdle model in a backtest', () => {
  it('beats the zero and last-point baselines on persistent NB counts', () => {
    const rng = xoshiro128ss(3);
    const rows = Array.from({ length: 8 }, (_, u) =>
      Array.from({ length: 72 }, () => sampleNegBinomial(rng, 2 + 4 * u, 2)),
    );
    const h = countHistory(rows);
    const ring = neighboursFromLists(Array.from({ length: 8 }, (_, u) => [(u + 7) % 8, (u + 1) % 8]));
    const r = runBacktest({
      history: h,
      neighbours: ring,
      origins: Array.from({ length: 20 }, (_, k) => 47 + k),
      horizons: [1, 3],
      samples: 300,
      seed: 5,
      forecasters: {
        zero: BASELINES.zero,
        'last-point': BASELINES['last-point'],
        'mean12-poisson': BASELINES['mean12-poisson'],
        hurdle: hurdleForecaster(),
      },
      baselines: ['zero', 'last-point', 'mean12-poisson'],
      candidate: 'hurdle',
      bootstrapReplicates: 300,
    });
    expect(r.models.hurdle!.pooled.all.crps).toBeLessThan(r.models['last-point']!.pooled.all.crps);
    expect(r.models.hurdle!.pooled.all.crps).toBeLessThan(r.models.zero!.pooled.all.crps);
    // NB data: the NB-shaped model should cover about 90 %, the Poisson baseline less (it ignores over-dispersion).
    expect(r.models.hurdle!.pooled.all.coverage90).toBeGreaterThan(0.82);
    expect(r.models.hurdle!.pooled.all.coverage90).toBeLessThan(0.97);
    expect(r.skill).toBeDefined();
  });
});
