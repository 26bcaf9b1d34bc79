/**
 * The shapes forecasting works on, chosen so a service can fill them from the store's monthly counts per unit
 * (e.g. civilian fatalities per admin-1 × month) without copying:
 *
 * - `CountHistory`: one Float64Array, unit-major (counts[u · months + t]), month 0 the first month of the study
 *   period. Missing months are zeros: the event store records events, so a month without one is a zero.
 * - `SampleMatrix`: predictive samples, unit-major (values[u · samples + s]); a point forecast is M equal samples.
 * - `ForecastRequest`: the origin is the index of the last month that may be read (inclusive); the forecast is for
 *   month origin + horizon. Every reader goes through `pastWindow`, which cannot reach past the origin: no look-ahead.
 */

export interface CountHistory {
  units: number;
  months: number;
  counts: Float64Array;
}

export interface SampleMatrix {
  units: number;
  samples: number;
  values: Float64Array;
}

export interface ForecastRequest {
  /** Index of the last observed month (inclusive). */
  origin: number;
  /** Months ahead, ≥ 1. */
  horizon: number;
  /** Samples per unit. */
  samples: number;
}

export function countHistory(rows: readonly (readonly number[])[]): CountHistory {
  const units = rows.length;
  const months = rows[0]?.length ?? 0;
  const counts = new Float64Array(units * months);
  rows.forEach((row, u) => {
    if (row.length !== months) throw new RangeError('every unit needs the same number of months');
    counts.set(row, u * months);
  });
  return { units, months, counts };
}

export function checkRequest(history: CountHistory, request: ForecastRequest): void {
  const { origin, horizon, samples } = request;
  if (!Number.isInteger(origin) || origin < 0 || origin >= history.months) {
    throw new RangeError(`origin ${origin} is outside the history (0 … ${history.months - 1})`);
  }
  if (!Number.isInteger(horizon) || horizon < 1) throw new RangeError(`horizon ${horizon} must be ≥ 1`);
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`samples ${samples} must be ≥ 1`);
}

/** The count of unit u in month t (t must be a valid month). */
export function countAt(history: CountHistory, u: number, t: number): number {
  return history.counts[u * history.months + t] ?? 0;
}

/**
 * The last `length` months of unit u up to and including the origin, oldest first. Near the start of the history
 * the window is shorter (never padded: an invented zero would bias every mean towards peace).
 */
export function pastWindow(history: CountHistory, u: number, origin: number, length: number): Float64Array {
  const from = Math.max(0, origin - length + 1);
  const start = u * history.months;
  return history.counts.subarray(start + from, start + origin + 1);
}

export function emptySamples(units: number, samples: number): SampleMatrix {
  return { units, samples, values: new Float64Array(units * samples) };
}

/** The samples of one unit, as a view. */
export function unitSamples(m: SampleMatrix, u: number): Float64Array {
  return m.values.subarray(u * m.samples, (u + 1) * m.samples);
}
