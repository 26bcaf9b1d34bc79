/**
 * Moving-block bootstrap over forecast origins (Künsch, "The jackknife and the bootstrap for general stationary
 * observations", Annals of Statistics 17, 1989) for the relative CRPS difference of a model to a reference:
 *
 *   skill = mean CRPS(model) / mean CRPS(reference) − 1      (negative: the model is better)
 *
 * Scores of neighbouring origins are correlated (the same conflict is forecast from consecutive months, and
 * horizons overlap), so origins are resampled in blocks of consecutive origins; both models are resampled
 * together (paired), which is what makes a small difference detectable. Default block length ⌈n^(1/3)⌉, the rate
 * Hall, Horowitz & Jing (Biometrika 82, 1995) give for variance and distribution estimation. The interval is the
 * percentile interval of B replicates (type-7 quantiles at 2.5 % and 97.5 %).
 */
import { randomIndex, type Rng } from '../rng.ts';
import { quantileSorted } from '../scores/interval.ts';

export interface PerOrigin {
  sum: Float64Array;
  count: Float64Array;
}

export interface SkillInterval {
  skill: number;
  ci95: [number, number];
  blockLength: number;
  replicates: number;
}

function ratio(model: PerOrigin, reference: PerOrigin, pick: (k: number) => number, n: number): number {
  let ms = 0;
  let mc = 0;
  let rs = 0;
  let rc = 0;
  for (let k = 0; k < n; k++) {
    const o = pick(k);
    ms += model.sum[o] ?? 0;
    mc += model.count[o] ?? 0;
    rs += reference.sum[o] ?? 0;
    rc += reference.count[o] ?? 0;
  }
  return ms / mc / (rs / rc) - 1;
}

export function blockBootstrapSkill(
  model: PerOrigin,
  reference: PerOrigin,
  rng: Rng,
  replicates = 2000,
  blockLength?: number,
): SkillInterval {
  const n = model.sum.length;
  if (reference.sum.length !== n) throw new RangeError('model and reference cover different origins');
  const skill = ratio(model, reference, (k) => k, n);
  const length = Math.max(1, Math.min(n, blockLength ?? Math.ceil(Math.cbrt(n))));
  const draws = new Float64Array(replicates);
  const picks = new Int32Array(n);
  for (let b = 0; b < replicates; b++) {
    for (let k = 0; k < n;) {
      const start = randomIndex(rng, n - length + 1);
      for (let j = 0; j < length && k < n; j++, k++) picks[k] = start + j;
    }
    draws[b] = ratio(model, reference, (k) => picks[k] ?? 0, n);
  }
  const sorted = draws.filter((x) => !Number.isNaN(x)).sort();
  return {
    skill,
    ci95: [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)],
    blockLength: length,
    replicates,
  };
}
