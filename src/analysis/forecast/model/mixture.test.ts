import { describe, expect, it } from 'vitest';
import { neighboursFromLists } from '../../../core/neighbours.ts';
import { BASELINES } from '../baselines/registry.ts';
import { xoshiro128ss } from '../rng.ts';
import { countHistory, unitSamples } from '../series.ts';
import { mixtureForecaster } from './mixture.ts';

const history = countHistory([
  [3, 3, 3, 3],
  [0, 5, 0, 7],
]);
const context = (samples: number) => ({
  history,
  neighbours: neighboursFromLists([[1], [0]]),
  request: { origin: 3, horizon: 1, samples },
  rng: xoshiro128ss(1),
});

describe('mixtureForecaster', () => {
  it('takes each part’s share of the samples, in order', () => {
    const mix = mixtureForecaster([
      { forecaster: BASELINES.zero, weight: 1 },
      { forecaster: BASELINES['last-point'], weight: 3 },
    ]);
    const s = mix(context(8));
    // 8 · 1/4 = 2 zeros, then 6 copies of the last count (3 for unit 0, 7 for unit 1).
    expect(Array.from(unitSamples(s, 0))).toEqual([0, 0, 3, 3, 3, 3, 3, 3]);
    expect(Array.from(unitSamples(s, 1))).toEqual([0, 0, 7, 7, 7, 7, 7, 7]);
  });

  it('gives the remainder to the last part and skips empty shares', () => {
    const mix = mixtureForecaster([
      { forecaster: BASELINES.zero, weight: 1 },
      { forecaster: BASELINES['last-point'], weight: 1 },
      { forecaster: BASELINES.zero, weight: 1 },
    ]);
    // 5 samples: round(5/3) = 2, round(5/3) = 2, remainder 1.
    expect(Array.from(unitSamples(mix(context(5)), 0))).toEqual([0, 0, 3, 3, 0]);
    const tiny = mixtureForecaster([
      { forecaster: BASELINES['last-point'], weight: 0 },
      { forecaster: BASELINES.zero, weight: 1 },
    ]);
    expect(Array.from(unitSamples(tiny(context(3)), 1))).toEqual([0, 0, 0]);
  });

  it('rejects empty or negative weights', () => {
    expect(() => mixtureForecaster([])).toThrow(RangeError);
    expect(() => mixtureForecaster([{ forecaster: BASELINES.zero, weight: -1 }])).toThrow(RangeError);
  });
});
