/**
 * Which perpetrator category leads civilian harm, period by period.
 *
 * Only armed actors compete for the lead: `other` (non-armed or unclassifiable actors) and events without a
 * category never lead. `unidentified` does not compete either — it is not an actor — but it is reported beside
 * each period as a caveat, because harm nobody claimed can hide any actor: when it exceeds the leader, the lead
 * says little. Shares are of the period's whole total (every key, unidentified and other included), so they read
 * as "share of all civilian harm", not "share among the named actors". Pure: series in, table out.
 */

export interface LeaderPoint {
  period: string;
  key: string;
  value: number;
}

export interface LeaderOptions {
  /** Keys that never lead and are not reported as a caveat (default `other` and `unknown`). */
  excluded?: readonly string[];
  /** The key reported as a caveat rather than competing (default `unidentified`). */
  caveat?: string;
  /** Every period to report, gaps included; default the periods met in the series, in order. */
  periods?: readonly string[];
}

export interface PeriodLeader {
  period: string;
  /** Null when no armed actor has a positive value, or when the top value is shared (see `tied`). */
  leader: string | null;
  value: number;
  /** Leader's value over the period's total; null when there is no leader. */
  share: number | null;
  runnerUp: string | null;
  runnerUpValue: number;
  /** Leader's value minus the runner-up's, in the measure's unit; null when there is no leader. */
  margin: number | null;
  /** Categories sharing the top value when nobody leads alone (empty otherwise). */
  tied: string[];
  /** Every key of the period, unidentified and excluded ones included. */
  total: number;
  unidentified: { value: number; share: number | null; exceedsLeader: boolean };
}

export interface LeadersResult {
  periods: PeriodLeader[];
  /** Periods each competing category led alone; every competing category met is listed, 0 included. */
  ledPeriods: Record<string, number>;
}

export const DEFAULT_EXCLUDED = ['other', 'unknown'] as const;
export const DEFAULT_CAVEAT = 'unidentified';

export function perpetratorLeaders(
  series: readonly LeaderPoint[],
  options: LeaderOptions = {},
): LeadersResult {
  const excluded = new Set<string>(options.excluded ?? DEFAULT_EXCLUDED);
  const caveat = options.caveat ?? DEFAULT_CAVEAT;
  const byPeriod = new Map<string, Map<string, number>>();
  const competitors = new Set<string>();
  for (const p of series) {
    const values = byPeriod.get(p.period) ?? new Map<string, number>();
    values.set(p.key, (values.get(p.key) ?? 0) + p.value);
    byPeriod.set(p.period, values);
    if (p.key !== caveat && !excluded.has(p.key)) competitors.add(p.key);
  }
  const ledPeriods: Record<string, number> = {};
  for (const c of [...competitors].sort()) ledPeriods[c] = 0;

  const periods = options.periods ?? [...byPeriod.keys()].sort();
  const out = periods.map((period) => {
    const row = leaderOf(period, byPeriod.get(period) ?? new Map(), competitors, caveat);
    if (row.leader !== null) ledPeriods[row.leader] = (ledPeriods[row.leader] ?? 0) + 1;
    return row;
  });
  return { periods: out, ledPeriods };
}

function leaderOf(
  period: string,
  values: ReadonlyMap<string, number>,
  competitors: ReadonlySet<string>,
  caveat: string,
): PeriodLeader {
  let total = 0;
  for (const v of values.values()) total += v;
  // Highest value first, then by key so that the runner-up among equals is stable.
  const ranked = [...values]
    .filter(([key, v]) => competitors.has(key) && v > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const first = ranked[0];
  const second = ranked[1];
  const unidentifiedValue = values.get(caveat) ?? 0;
  const shareOf = (v: number) => (total > 0 ? v / total : null);
  const tied = first && second && first[1] === second[1] ? ranked.filter(([, v]) => v === first[1]) : [];
  const leads = first !== undefined && tied.length === 0;
  const value = first?.[1] ?? 0;
  return {
    period,
    leader: leads ? first[0] : null,
    value,
    share: leads ? shareOf(value) : null,
    runnerUp: leads ? (second?.[0] ?? null) : null,
    runnerUpValue: leads ? (second?.[1] ?? 0) : 0,
    margin: leads ? value - (second?.[1] ?? 0) : null,
    tied: tied.map(([key]) => key),
    total,
    unidentified: {
      value: unidentifiedValue,
      share: shareOf(unidentifiedValue),
      exceedsLeader: unidentifiedValue > value,
    },
  };
}
