import { perpetratorLeaders, type LeadersResult } from '../analysis/perpetrator-leaders.ts';
import type { EventFilter } from '../core/filters.ts';
import {
  UNKNOWN_KEY,
  type AggregatePeriod,
  type AggregateRequest,
  type AggregateResult,
} from './aggregates.ts';
import type { Language } from './place-names.ts';

export const TREND_MEASURES = ['events', 'fatalities', 'civilianEvents', 'civilianFatalities'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

export interface LeadersRequest {
  by: AggregatePeriod;
  measure: TrendMeasure;
  filter: EventFilter;
  language: Language;
}

export interface PerpetratorLeadersResult extends LeadersResult {
  by: AggregatePeriod;
  measure: TrendMeasure;
  answeredBy: AggregateResult['answeredBy'];
}

/**
 * Leading perpetrator category per period, read from the same series as /api/v1/aggregates (grouped by
 * perpetrator) so that the leader table and the trend chart can never disagree.
 */
export async function perpetratorLeadersOf(
  aggregates: (request: AggregateRequest) => Promise<AggregateResult>,
  req: LeadersRequest,
): Promise<PerpetratorLeadersResult> {
  const a = await aggregates({
    by: req.by,
    group: 'perpetrator',
    filter: req.filter,
    language: req.language,
  });
  const series = a.series
    .filter((p) => p.period !== UNKNOWN_KEY)
    .map((p) => ({ period: p.period, key: p.key, value: p[req.measure] }));
  const result = perpetratorLeaders(series, { periods: a.periods, excluded: ['other', UNKNOWN_KEY] });
  return { by: req.by, measure: req.measure, answeredBy: a.answeredBy, ...result };
}
