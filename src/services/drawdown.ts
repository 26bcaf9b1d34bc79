import { z } from 'zod';
import { drawdownEstimate, windowMonths, type BeforeAfter } from '../analysis/drawdown.ts';
import { VigieError } from '../core/errors.ts';
import { haversineKm } from '../geo/distance.ts';
import { containsPoint, interiorPoint } from '../geo/geometry.ts';
import {
  admin2UnitsOf,
  eventMonthTable,
  monthTableOf,
  spans,
  type Admin2Unit,
  type MonthTable,
} from './admin2-series.ts';
import {
  circleSeries,
  POLITICAL_VIOLENCE_TYPES,
  type Centre,
  type EventPointsBetween,
} from './drawdown-radius.ts';
import type { BaseView } from './geography.ts';
import type { GroupedCounts } from './grouped-counts.ts';
import { parseInput } from './parse-input.ts';
import type { ReferencePort, StoredPlace } from './ports/reference-port.ts';

export const DRAWDOWN_MEASURES = ['events', 'fatalities'] as const;
export type DrawdownMeasure = (typeof DRAWDOWN_MEASURES)[number];

/** The HDX measure the treated and comparison series are read from: political violence, as the question is. */
const MONTHLY_MEASURE = 'political_violence';

/** Parameters, validated alike for the CLI flags and the HTTP query string. */
export const drawdownParamsObject = z
  .object({
    months: z.coerce.number().int().min(1).max(24).default(6),
    measure: z.enum(DRAWDOWN_MEASURES).default('events'),
    /** Count events within this radius of the base (event data only) instead of in its admin-2 unit. */
    radiusKm: z.coerce.number().min(1).max(500).optional(),
    seed: z.coerce
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1),
  })
  .strict();

export type DrawdownRequest = z.output<typeof drawdownParamsObject>;

export function parseDrawdownParams(input: unknown, code: 'BAD_USAGE' | 'VALIDATION_FAILED') {
  return parseInput(drawdownParamsObject, input, code);
}

export interface DrawdownResult {
  base: string;
  closedOn: string;
  dateQuality: string | null;
  latitude: number;
  longitude: number;
  admin2: string;
  admin2Name: string;
  source: 'acled-monthly-admin2' | 'events';
  /** The treated area: the base's admin-2 unit, or a circle of radiusKm around it. */
  area: 'admin2' | 'radius';
  radiusKm: number | null;
  window: number;
  measure: DrawdownMeasure;
  treated: BeforeAfter;
  comparison: BeforeAfter & { units: number };
  did: number;
  ci95: [number, number];
  /** The window month by month (c−m … c+m): the treated unit's values and the comparison units' mean. */
  series: { months: string[]; treated: number[]; comparison: number[] };
  /** Codes of the comparison units, in 2017 terms. */
  comparisonUnits: string[];
}

export interface DrawdownDeps {
  bases: () => Promise<BaseView[]>;
  admin2Places: () => Promise<StoredPlace[]>;
  monthly: ReferencePort['monthlyAggregates'];
  counts: GroupedCounts;
  /** Stored events between two days, with coordinates (the radius variant). */
  eventPoints: EventPointsBetween;
}

/**
 * The drawdown protection gap, first path: for each base with a closure date, the difference-in-differences of
 * monthly political violence in its admin-2 unit against the country's other admin-2 units with no closure in the
 * window. Codes are compared in 2017 terms (Ménaka's four 2021 cercles are the 2017 cercle ML0704), so the 2021
 * HDX aggregates and a 2017 COD-AB set line up; a base in Ménaka is compared as the whole former cercle. Bases
 * whose window neither source spans are left out rather than estimated from zeros.
 */
export async function drawdown(deps: DrawdownDeps, req: DrawdownRequest): Promise<DrawdownResult[]> {
  const units = admin2UnitsOf(await deps.admin2Places());
  if (units.length === 0)
    throw new VigieError('NOT_FOUND', {
      what: 'admin2 boundaries',
      reason: 'no COD-AB admin-2 set is loaded (vigie import boundaries FILE --level 2 --set NAME)',
    });
  const closing = (await deps.bases()).flatMap((b) => {
    if (b.closedOn === null) return [];
    const unit = units.find((u) => u.shapes.some((s) => containsPoint(s, b.longitude, b.latitude)));
    // A base outside every loaded unit (another country's set, a wrong coordinate) has no treated area.
    return unit === undefined ? [] : [{ base: b, closedOn: b.closedOn, month: b.closedOn.slice(0, 7), unit }];
  });

  const monthly = monthTableOf(
    (await deps.monthly(MONTHLY_MEASURE)).map((r) => ({
      code: r.admin2Pcode,
      month: r.month,
      value: req.measure === 'events' ? r.events : (r.fatalities ?? 0),
    })),
  );
  let events: MonthTable | null = null;

  const results: DrawdownResult[] = [];
  for (const c of closing) {
    const months = windowMonths(c.month, req.months);
    const first = months[0] ?? c.month;
    const last = months[months.length - 1] ?? c.month;
    if (req.radiusKm !== undefined) {
      events ??= await eventMonthTable(deps.counts, req.measure);
      if (!spans(events, first, last)) continue;
      const inWindow = new Set(months);
      const closures = closing.filter((o) => inWindow.has(o.month)).map((o) => o.base);
      const r = await radiusEstimate(deps, req, req.radiusKm, c, units, closures, months);
      if (r !== null) results.push(r);
      continue;
    }
    const covered =
      monthly.first !== null && monthly.first <= first && monthly.last !== null && monthly.last >= last;
    if (!covered && events === null) events = await politicalViolenceTable(deps.counts, req.measure);
    const table = covered ? monthly : events;
    // Neither source spans the window: zeros would read as "no violence", so the base gets no estimate.
    if (table === null || !spans(table, first, last)) continue;
    const inWindow = new Set(months);
    const closedNearby = new Set(closing.filter((o) => inWindow.has(o.month)).map((o) => o.unit.code));
    const comparison = units.filter(
      (u) => u.code !== c.unit.code && u.country === c.unit.country && !closedNearby.has(u.code),
    );
    if (comparison.length === 0) continue;
    const series = (code: string) => months.map((m) => table.values.get(code)?.get(m) ?? 0);
    const treated = series(c.unit.code);
    const others = comparison.map((u) => series(u.code));
    const estimate = drawdownEstimate(
      { months: req.months, treated, comparison: others },
      { seed: req.seed },
    );
    const meanAt = (i: number) => others.reduce((s, o) => s + (o[i] ?? 0), 0) / others.length;
    results.push({
      base: c.base.name,
      closedOn: c.closedOn,
      dateQuality: c.base.dateQuality,
      latitude: c.base.latitude,
      longitude: c.base.longitude,
      admin2: c.unit.code,
      admin2Name: c.unit.name,
      source: covered ? 'acled-monthly-admin2' : 'events',
      area: 'admin2',
      radiusKm: null,
      window: req.months,
      measure: req.measure,
      ...estimate,
      series: { months, treated, comparison: months.map((_, i) => meanAt(i)) },
      comparisonUnits: comparison.map((u) => u.code),
    });
  }
  return results;
}

/**
 * Stored events per admin-2 unit and month, counting only political violence (battles, explosions/remote violence,
 * violence against civilians) as the HDX aggregates and the radius variant do; the months covered are those of all
 * stored events, so a last month with only protests still counts as covered.
 */
async function politicalViolenceTable(counts: GroupedCounts, measure: DrawdownMeasure): Promise<MonthTable> {
  const all = await eventMonthTable(counts, measure);
  const byType = await Promise.all(
    [...POLITICAL_VIOLENCE_TYPES].map((type) => eventMonthTable(counts, measure, { type })),
  );
  const rows = byType.flatMap((t) =>
    [...t.values].flatMap(([code, perMonth]) =>
      [...perMonth].map(([month, value]) => ({ code, month, value })),
    ),
  );
  return { ...monthTableOf(rows), first: all.first, last: all.last };
}

type Closing = { base: BaseView; closedOn: string; unit: Admin2Unit };

/**
 * One base's estimate on events within `radiusKm`: the comparison circles are centred inside the country's
 * admin-2 units with no closure in the window, and any circle that overlaps a circle around a base closing in the
 * window is dropped (it would hold treated events).
 */
async function radiusEstimate(
  deps: DrawdownDeps,
  req: DrawdownRequest,
  radiusKm: number,
  c: Closing,
  units: readonly Admin2Unit[],
  closures: readonly BaseView[],
  months: string[],
): Promise<DrawdownResult | null> {
  const comparison = units.flatMap((u) => {
    if (u.country !== c.unit.country || u.code === c.unit.code) return [];
    const centre = u.shapes.map(interiorPoint).find((p) => p !== null);
    if (!centre) return [];
    const overlaps = closures.some(
      (b) => haversineKm(b.latitude, b.longitude, centre.lat, centre.lon) < 2 * radiusKm,
    );
    return overlaps ? [] : [{ code: u.code, centre }];
  });
  if (comparison.length === 0) return null;
  const centres: Centre[] = [
    { lat: c.base.latitude, lon: c.base.longitude },
    ...comparison.map((u) => u.centre),
  ];
  const { series } = await circleSeries(deps.eventPoints, centres, radiusKm, months, req.measure);
  const [treated = [], ...others] = series;
  const estimate = drawdownEstimate({ months: req.months, treated, comparison: others }, { seed: req.seed });
  const meanAt = (i: number) => others.reduce((s, o) => s + (o[i] ?? 0), 0) / others.length;
  return {
    base: c.base.name,
    closedOn: c.closedOn,
    dateQuality: c.base.dateQuality,
    latitude: c.base.latitude,
    longitude: c.base.longitude,
    admin2: c.unit.code,
    admin2Name: c.unit.name,
    source: 'events',
    area: 'radius',
    radiusKm,
    window: req.months,
    measure: req.measure,
    ...estimate,
    series: { months, treated, comparison: months.map((_, i) => meanAt(i)) },
    comparisonUnits: comparison.map((u) => u.code),
  };
}
