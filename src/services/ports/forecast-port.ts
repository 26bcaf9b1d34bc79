import type { ForecastSource } from '../forecast-data.ts';

/** What the forecast services need from storage (the consumer owns the port). */

export interface ForecastRunRecord {
  id: string;
  createdAt: string;
  country: string;
  unit: string;
  outcome: string;
  /** The event store or ACLED's monthly aggregates (read back as one of the two, whatever the column holds). */
  source: ForecastSource;
  /** YYYY-MM: the last month the forecast read. */
  origin: string;
  model: string;
  samples: number;
  seed: number;
}

export interface ForecastValueRecord {
  unitCode: string;
  unitName: string;
  /** YYYY-MM. */
  targetMonth: string;
  horizon: number;
  mean: number;
  median: number;
  /** Central 90 % predictive interval. */
  lower90: number;
  upper90: number;
  /** Central 50 % predictive interval; null for runs stored before it was kept. */
  lower50: number | null;
  upper50: number | null;
  /** P(y ≥ 1) and P(y ≥ 25). */
  pAny: number;
  pMass: number;
}

export interface ForecastPort {
  /** Stores a run and its values in one transaction. */
  saveRun(run: ForecastRunRecord, values: readonly ForecastValueRecord[]): Promise<void>;
  /** The newest run for a country, unit and outcome (by creation time), or null. */
  latestRun(country: string, unit: string, outcome: string): Promise<ForecastRunRecord | null>;
  values(runId: string): Promise<ForecastValueRecord[]>;
}
