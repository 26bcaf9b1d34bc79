import { z } from 'zod';
import { drawdownEstimate, windowMonths, type BeforeAfter } from '../analysis/drawdown.ts';
import { VigieError } from '../core/errors.ts';
import { compileShape, containsPoint, type CompiledShape, type PolygonalGeometry } from '../geo/geometry.ts';
import { normalisePcode2021To2017 } from '../geo/mali-crosswalk.ts';
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
  admin2: string;
  admin2Name: string;
  source: 'acled-monthly-admin2' | 'events';
  window: number;
  measure: DrawdownMeasure;
  treated: BeforeAfter;
  comparison: BeforeAfter & { units: number };
  did: number;
  ci95: [number, number];
}

export interface DrawdownDeps {
  bases: () => Promise<BaseView[]>;
  admin2Places: () => Promise<StoredPlace[]>;
  monthly: ReferencePort['monthlyAggregates'];
  counts: GroupedCounts;
}

interface Unit {
  code: string;
  name: string;
  country: string | null;
  shapes: CompiledShape[];
}

/** value per month per unit, codes in 2017 terms, and the months the table covers. */
interface Table {
  values: Map<string, Map<string, number>>;
  first: string | null;
  last: string | null;
}

/**
 * The drawdown protection gap, first path: for each base with a closure date, the difference-in-differences of
 * monthly political violence in its admin-2 unit against the country's other admin-2 units with no closure in the
 * window. Codes are compared in 2017 terms (Ménaka's four 2021 cercles are the 2017 cercle ML0704), so the 2021
 * HDX aggregates and a 2017 COD-AB set line up; a base in Ménaka is compared as the whole former cercle. Bases
 * whose window neither source spans are left out rather than estimated from zeros.
 */
export async function drawdown(deps: DrawdownDeps, req: DrawdownRequest): Promise<DrawdownResult[]> {
  const units = unitsOf(await deps.admin2Places());
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

  const monthly = tableOf(
    (await deps.monthly(MONTHLY_MEASURE)).map((r) => ({
      code: r.admin2Pcode,
      month: r.month,
      value: req.measure === 'events' ? r.events : (r.fatalities ?? 0),
    })),
  );
  let events: Table | null = null;

  const results: DrawdownResult[] = [];
  for (const c of closing) {
    const months = windowMonths(c.month, req.months);
    const first = months[0] ?? c.month;
    const last = months[months.length - 1] ?? c.month;
    const covered =
      monthly.first !== null && monthly.first <= first && monthly.last !== null && monthly.last >= last;
    if (!covered && events === null) events = await eventTable(deps.counts, req.measure);
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
    const estimate = drawdownEstimate(
      { months: req.months, treated: series(c.unit.code), comparison: comparison.map((u) => series(u.code)) },
      { seed: req.seed },
    );
    results.push({
      base: c.base.name,
      closedOn: c.closedOn,
      dateQuality: c.base.dateQuality,
      admin2: c.unit.code,
      admin2Name: c.unit.name,
      source: covered ? 'acled-monthly-admin2' : 'events',
      window: req.months,
      measure: req.measure,
      ...estimate,
    });
  }
  return results;
}

/** Loaded admin-2 units keyed by their 2017 code: 2021 Ménaka cercles merge into ML0704. */
function unitsOf(places: readonly StoredPlace[]): Unit[] {
  const byCode = new Map<string, Unit>();
  for (const p of places) {
    const code = normalisePcode2021To2017(p.code) ?? p.code;
    let unit = byCode.get(code);
    if (unit === undefined) {
      unit = { code, name: code === p.code ? p.name : 'Ménaka', country: p.iso3, shapes: [] };
      byCode.set(code, unit);
    }
    unit.shapes.push(compileShape(p.geometry as PolygonalGeometry));
  }
  return [...byCode.values()];
}

function spans(table: Table, first: string, last: string): boolean {
  return table.first !== null && table.first <= first && table.last !== null && table.last >= last;
}

function tableOf(rows: Iterable<{ code: string; month: string; value: number }>): Table {
  const values = new Map<string, Map<string, number>>();
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    const code = normalisePcode2021To2017(r.code) ?? r.code;
    let perMonth = values.get(code);
    if (perMonth === undefined) values.set(code, (perMonth = new Map<string, number>()));
    perMonth.set(r.month, (perMonth.get(r.month) ?? 0) + r.value);
    if (first === null || r.month < first) first = r.month;
    if (last === null || r.month > last) last = r.month;
  }
  return { values, first, last };
}

/** Every stored event counted by admin-2 unit and month (all sources): the fallback outside the HDX months. */
async function eventTable(counts: GroupedCounts, measure: DrawdownMeasure): Promise<Table> {
  const { rows } = await counts.count(['admin2', 'month'], {});
  return tableOf(
    rows.flatMap((r) => {
      const [code, month] = r.keys;
      if (code === null || code === undefined || month === null || month === undefined) return [];
      return [{ code, month, value: measure === 'events' ? r.events : r.fatalities }];
    }),
  );
}
