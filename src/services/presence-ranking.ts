/**
 * The protection-risk ranking of presences still open (`vigie drawdown --ranking`, /api/v1/drawdown/ranking):
 * for each base open at the end of the window, the monthly series of its admin-2 unit over 2m months, the Gi*
 * class of that unit over the same months, and the transparent score of src/analysis/presence-ranking.ts.
 *
 * Series: civilian-harm events from the stored events, or political-violence events from ACLED's monthly admin-2
 * aggregates (HDX), which cover the years after the event files end. `source=auto` takes whichever reaches the
 * later month (events on a tie): the ranking is for sequencing now, and stale data would rank a past.
 */
import { z } from 'zod';
import { giStar } from '../analysis/gi-star.ts';
import { rankPresences, type PresenceRanking, type RankedPresence } from '../analysis/presence-ranking.ts';
import { shiftMonth } from '../analysis/drawdown.ts';
import { VigieError } from '../core/errors.ts';
import { containsPoint } from '../geo/geometry.ts';
import { queenContiguity } from '../geo/neighbours.ts';
import { admin2UnitsOf, eventMonthTable, monthTableOf, spans, type MonthTable } from './admin2-series.ts';
import type { DrawdownDeps } from './drawdown.ts';
import type { BaseView } from './geography.ts';
import { parseInput } from './parse-input.ts';
import { monthParam } from './param-schemas.ts';

export const RANKING_SOURCES = ['auto', 'events', 'acled-monthly-admin2'] as const;
const month = monthParam;

export const rankingParamsObject = z
  .object({
    months: z.coerce.number().int().min(3).max(12).default(6),
    to: month.optional(),
    source: z.enum(RANKING_SOURCES).default('auto'),
    permutations: z.coerce.number().int().min(99).max(9999).default(999),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
  })
  .strict();

export type RankingRequest = z.output<typeof rankingParamsObject>;

export function parseRankingParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED'): RankingRequest {
  return parseInput(rankingParamsObject, input, code);
}

export const EXCLUSION_REASONS = ['closed', 'closure-undated', 'not-yet-open', 'outside-boundaries'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface RankingResult extends PresenceRanking {
  source: 'events' | 'acled-monthly-admin2';
  measure: 'civilian-harm-events' | 'political-violence-events';
  /** The 2m months of the window, YYYY-MM. */
  from: string;
  to: string;
  presences: Array<
    RankedPresence & { latitude: number; longitude: number; admin2: string; admin2Name: string }
  >;
  /** Presences left out, and why: the ranking never silently drops a base. */
  excluded: Array<{ name: string; reason: ExclusionReason }>;
}

/** Closure quality codes that mean "closed on a date nobody established": such a base is not open. */
const UNDATED_CLOSURE = new Set(['not_found', 'not_researched']);

function openness(b: BaseView, lastDay: string): ExclusionReason | null {
  if (b.openedOn !== null && b.openedOn > lastDay) return 'not-yet-open';
  if (b.closedOn !== null) return b.closedOn <= lastDay ? 'closed' : null;
  return b.dateQuality !== null && UNDATED_CLOSURE.has(b.dateQuality) ? 'closure-undated' : null;
}

export async function presenceRanking(deps: DrawdownDeps, req: RankingRequest): Promise<RankingResult> {
  const units = admin2UnitsOf(await deps.admin2Places());
  if (units.length === 0)
    throw new VigieError('NOT_FOUND', {
      what: 'admin2 boundaries',
      reason: 'no COD-AB admin-2 set is loaded (vigie import boundaries FILE --level 2 --set NAME)',
    });
  const monthly = monthTableOf(
    (await deps.monthly('political_violence')).map((r) => ({
      code: r.admin2Pcode,
      month: r.month,
      value: r.events,
    })),
  );
  const events = await eventMonthTable(deps.counts, 'events', { civilianOnly: true });
  const source = pickSource(req.source, events, monthly);
  const table = source === 'events' ? events : monthly;
  const to = req.to ?? table.last;
  const from = to === null ? null : shiftMonth(to, 1 - 2 * req.months);
  if (to === null || from === null || !spans(table, from, to))
    throw new VigieError('NOT_FOUND', {
      what: 'monthly series',
      reason:
        `no ${source === 'events' ? 'stored events' : 'monthly admin-2 aggregates'} cover ` +
        `${from ?? '?'}…${to ?? '?'} (load data or choose --to / --source)`,
    });
  const months = Array.from({ length: 2 * req.months }, (_, i) => shiftMonth(from, i));
  const series = (code: string) => months.map((m) => table.values.get(code)?.get(m) ?? 0);

  // Gi* of every unit over the window: the hotspot class of each presence's area, zeros included.
  const totals = Float64Array.from(units, (u) => series(u.code).reduce((a, b) => a + b, 0));
  const gi = giStar(totals, queenContiguity(units.map((u) => u.geometry)), {
    permutations: req.permutations,
    seed: req.seed,
  });

  const lastDay = new Date(Date.UTC(+to.slice(0, 4), +to.slice(5, 7), 0)).toISOString().slice(0, 10);
  const excluded: RankingResult['excluded'] = [];
  const open: Array<{ base: BaseView; unit: number }> = [];
  for (const b of await deps.bases()) {
    const reason = openness(b, lastDay);
    const unit = units.findIndex((u) => u.shapes.some((s) => containsPoint(s, b.longitude, b.latitude)));
    if (reason !== null) excluded.push({ name: b.name, reason });
    else if (unit < 0) excluded.push({ name: b.name, reason: 'outside-boundaries' });
    else open.push({ base: b, unit });
  }
  const ranking = rankPresences(
    open.map(({ base, unit }) => ({
      name: base.name,
      series: series(units[unit]!.code),
      hotspotClass: gi.classes[unit] ?? null,
      forecast: null,
    })),
    req.months,
  );
  const byName = new Map(open.map((o) => [o.base.name, o]));
  return {
    source,
    measure: source === 'events' ? 'civilian-harm-events' : 'political-violence-events',
    from,
    to,
    formula: ranking.formula,
    presences: ranking.presences.map((r) => {
      const o = byName.get(r.name)!;
      const unit = units[o.unit]!;
      return {
        ...r,
        latitude: o.base.latitude,
        longitude: o.base.longitude,
        admin2: unit.code,
        admin2Name: unit.name,
      };
    }),
    excluded,
  };
}

function pickSource(
  wanted: RankingRequest['source'],
  events: MonthTable,
  monthly: MonthTable,
): 'events' | 'acled-monthly-admin2' {
  if (wanted !== 'auto') return wanted;
  if (monthly.last === null) return 'events';
  if (events.last === null) return 'acled-monthly-admin2';
  return monthly.last > events.last ? 'acled-monthly-admin2' : 'events';
}
