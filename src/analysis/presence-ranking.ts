/**
 * Protection-risk ranking of presences still open, for sequencing a withdrawal: which position, if it closed
 * next, would leave civilians in the most dangerous place. A transparent weighted sum of scores in [0, 1]; the
 * formula travels with the result so that every screen and export shows how a rank was reached.
 *
 *   score = w_trend · trend + w_level · level + w_hotspot · hotspot + w_forecast · forecast
 *
 * - trend   = (1 + (recent − previous) / (recent + previous)) / 2: the symmetric change between the last m months
 *             and the m months before, mapped from [−1, 1] to [0, 1] (0.5 = flat, also when both are 0);
 * - level   = recent / the largest recent among the ranked presences (0 when all are 0): a rise from 0 to 1
 *             must not outrank a steady 100;
 * - hotspot = the Gi* class of the presence's area over the 2m months: hot-99 1, hot-95 0.8, hot-90 0.6,
 *             not significant 0.3, cold (any) 0; a presence outside every unit scores 0.3 (unknown = neutral);
 * - forecast = the early-warning forecast for the area, once forecasting lands; its weight is 0 until then,
 *             and the slot is in the formula so adding it changes a weight, not the shape of the answer.
 * Pure: arrays in, ranking out.
 */
import type { HotspotClass } from './gi-star.ts';

export const RANKING_WEIGHTS = { trend: 0.35, level: 0.35, hotspot: 0.3, forecast: 0 } as const;
export type RankingWeights = { [K in keyof typeof RANKING_WEIGHTS]: number };

export const HOTSPOT_CLASS_SCORES: Record<HotspotClass, number> = {
  'hot-99': 1,
  'hot-95': 0.8,
  'hot-90': 0.6,
  'not-significant': 0.3,
  'cold-90': 0,
  'cold-95': 0,
  'cold-99': 0,
};
/** A presence whose area is unknown: neither hot nor cold. */
export const UNKNOWN_HOTSPOT_SCORE = 0.3;

export interface PresenceInput {
  name: string;
  /** The area's monthly values over 2m months, oldest first: the previous m months, then the recent m. */
  series: readonly number[];
  hotspotClass: HotspotClass | null;
  /** The forecast score in [0, 1] once early warning lands; null until then. */
  forecast: number | null;
}

export interface RankingFormula {
  expression: string;
  weights: RankingWeights;
  hotspotScores: Record<HotspotClass, number>;
  unknownHotspotScore: number;
  months: number;
}

export interface RankedPresence {
  name: string;
  rank: number;
  score: number;
  trend: { previous: number; recent: number; change: number | null; score: number };
  level: { recent: number; score: number };
  hotspot: { class: HotspotClass | null; score: number };
  forecast: { value: number | null; score: number };
}

export interface PresenceRanking {
  formula: RankingFormula;
  presences: RankedPresence[];
}

/** The symmetric change (r − p)/(r + p) in [−1, 1]; null when both are 0. */
export function symmetricChange(previous: number, recent: number): number | null {
  return previous + recent === 0 ? null : (recent - previous) / (recent + previous);
}

export function formulaOf(months: number, weights: RankingWeights = RANKING_WEIGHTS): RankingFormula {
  const w = (n: number) => n.toFixed(2);
  return {
    expression:
      `score = ${w(weights.trend)}·trend + ${w(weights.level)}·level + ${w(weights.hotspot)}·hotspot + ` +
      `${w(weights.forecast)}·forecast; trend = (1 + (recent − previous)/(recent + previous))/2 over ` +
      `${months}+${months} months; level = recent / max recent; hotspot = Gi* class score of the area`,
    weights: { ...weights },
    hotspotScores: { ...HOTSPOT_CLASS_SCORES },
    unknownHotspotScore: UNKNOWN_HOTSPOT_SCORE,
    months,
  };
}

export function rankPresences(
  inputs: readonly PresenceInput[],
  months: number,
  weights: RankingWeights = RANKING_WEIGHTS,
): PresenceRanking {
  const sums = inputs.map((p) => {
    if (p.series.length !== 2 * months)
      throw new RangeError(`${p.name}: ${2 * months} monthly values expected, got ${p.series.length}`);
    let previous = 0;
    let recent = 0;
    p.series.forEach((v, i) => {
      if (i < months) previous += v;
      else recent += v;
    });
    return { previous, recent };
  });
  const maxRecent = Math.max(0, ...sums.map((s) => s.recent));
  const ranked = inputs.map((p, i): RankedPresence => {
    const { previous, recent } = sums[i]!;
    const change = symmetricChange(previous, recent);
    const trend = change === null ? 0.5 : (1 + change) / 2;
    const level = maxRecent === 0 ? 0 : recent / maxRecent;
    const hotspot = p.hotspotClass === null ? UNKNOWN_HOTSPOT_SCORE : HOTSPOT_CLASS_SCORES[p.hotspotClass];
    const forecast = p.forecast ?? 0;
    const score =
      weights.trend * trend + weights.level * level + weights.hotspot * hotspot + weights.forecast * forecast;
    return {
      name: p.name,
      rank: 0,
      score,
      trend: { previous, recent, change, score: trend },
      level: { recent, score: level },
      hotspot: { class: p.hotspotClass, score: hotspot },
      forecast: { value: p.forecast, score: forecast },
    };
  });
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.level.recent - a.level.recent ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  // Equal scores share a rank (1, 2, 2, 4): a tie is not an order.
  ranked.forEach((r, i) => {
    const prev = ranked[i - 1];
    r.rank = prev !== undefined && Math.abs(prev.score - r.score) < 1e-12 ? prev.rank : i + 1;
  });
  return { formula: formulaOf(months, weights), presences: ranked };
}
