/**
 * Storage of forecast runs (migration 0005-forecasts), the same SQL on SQLite and PostgreSQL. The tables are
 * typed here rather than in schema.ts: only this file reads them.
 */
import type { Kysely } from 'kysely';
import type {
  ForecastPort,
  ForecastRunRecord,
  ForecastValueRecord,
} from '../services/ports/forecast-port.ts';

interface ForecastTables {
  forecast_runs: {
    id: string;
    created_at: string;
    country: string;
    unit: string;
    outcome: string;
    source: string;
    origin: string;
    model: string;
    samples: number;
    seed: number | string;
  };
  forecast_values: {
    run_id: string;
    unit_code: string;
    unit_name: string;
    target_month: string;
    horizon: number;
    mean: number;
    median: number;
    lower90: number;
    upper90: number;
    lower50: number | null;
    upper50: number | null;
    p_any: number;
    p_mass: number;
  };
}

const BATCH = 500;

export function forecastStore<DB>(database: Kysely<DB>): ForecastPort {
  const db = database as unknown as Kysely<ForecastTables>;
  const toRun = (r: ForecastTables['forecast_runs']): ForecastRunRecord => ({
    id: r.id,
    createdAt: r.created_at,
    country: r.country,
    unit: r.unit,
    outcome: r.outcome,
    source: r.source === 'aggregates' ? 'aggregates' : 'events',
    origin: r.origin,
    model: r.model,
    samples: Number(r.samples),
    seed: Number(r.seed),
  });
  return {
    async saveRun(run, values) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('forecast_runs')
          .values({
            id: run.id,
            created_at: run.createdAt,
            country: run.country,
            unit: run.unit,
            outcome: run.outcome,
            source: run.source,
            origin: run.origin,
            model: run.model,
            samples: run.samples,
            seed: run.seed,
          })
          .execute();
        for (let i = 0; i < values.length; i += BATCH) {
          await trx
            .insertInto('forecast_values')
            .values(
              values.slice(i, i + BATCH).map((v) => ({
                run_id: run.id,
                unit_code: v.unitCode,
                unit_name: v.unitName,
                target_month: v.targetMonth,
                horizon: v.horizon,
                mean: v.mean,
                median: v.median,
                lower90: v.lower90,
                upper90: v.upper90,
                lower50: v.lower50,
                upper50: v.upper50,
                p_any: v.pAny,
                p_mass: v.pMass,
              })),
            )
            .execute();
        }
      });
    },
    async latestRun(country, unit, outcome) {
      const row = await db
        .selectFrom('forecast_runs')
        .selectAll()
        .where('country', '=', country)
        .where('unit', '=', unit)
        .where('outcome', '=', outcome)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? toRun(row) : null;
    },
    async values(runId) {
      const rows = await db
        .selectFrom('forecast_values')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('unit_code')
        .orderBy('target_month')
        .execute();
      return rows.map((r): ForecastValueRecord => ({
        unitCode: r.unit_code,
        unitName: r.unit_name,
        targetMonth: r.target_month,
        horizon: Number(r.horizon),
        mean: Number(r.mean),
        median: Number(r.median),
        lower90: Number(r.lower90),
        upper90: Number(r.upper90),
        lower50: r.lower50 === null ? null : Number(r.lower50),
        upper50: r.upper50 === null ? null : Number(r.upper50),
        pAny: Number(r.p_any),
        pMass: Number(r.p_mass),
      }));
    },
  };
}
