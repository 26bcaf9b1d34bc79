import type { Kysely } from 'kysely';
import type { MonthlyAggregate, ProtectionBase } from '../importers/types.ts';
import type { ReferencePort, WriteCounts } from '../services/ports/reference-port.ts';
import { finishRun, insertRun } from './reference-runs.ts';
import type { Database } from './schema.ts';

/** Bases and monthly aggregates: small tables upserted by their natural keys, each import in one transaction. */
export function basesAndAggregates(
  db: Kysely<Database>,
): Pick<ReferencePort, 'upsertBases' | 'listBases' | 'upsertAggregates' | 'monthlyAggregates'> {
  return {
    async upsertBases(bases, origin, run) {
      return db.transaction().execute(async (trx) => {
        const runId = run ? await insertRun(trx, run, 'committed') : null;
        const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
        for (const b of bases) {
          const values = {
            name: b.name,
            latitude: b.latitude,
            longitude: b.longitude,
            admin1_text: b.admin1Text,
            site_type: b.siteType,
            opened_on: b.openedOn,
            closed_on: b.closedOn,
            date_quality: b.dateQuality,
            sources: b.sources,
            notes: b.notes,
          };
          const old = await trx.selectFrom('bases').selectAll().where('name', '=', b.name).executeTakeFirst();
          if (!old) {
            counts.inserted++;
            await trx
              .insertInto('bases')
              .values({ ...values, origin, import_run_id: runId })
              .execute();
          } else if (Object.entries(values).every(([k, v]) => old[k as keyof typeof old] === v)) {
            counts.unchanged++;
          } else {
            counts.updated++;
            await trx
              .updateTable('bases')
              .set({ ...values, origin, import_run_id: runId })
              .where('id', '=', old.id)
              .execute();
          }
        }
        if (run && runId !== null) await finishRun(trx, runId, run, counts);
        return { runId, counts };
      });
    },

    async listBases() {
      const rows = await db.selectFrom('bases').selectAll().orderBy('closed_on').orderBy('name').execute();
      return rows.map((r): ProtectionBase => ({
        name: r.name,
        latitude: r.latitude,
        longitude: r.longitude,
        admin1Text: r.admin1_text,
        siteType: r.site_type,
        openedOn: r.opened_on,
        closedOn: r.closed_on,
        dateQuality: r.date_quality,
        sources: r.sources,
        notes: r.notes,
      }));
    },

    async monthlyAggregates(measure) {
      const rows = await db
        .selectFrom('monthly_aggregates')
        .select(['country', 'admin2_pcode', 'month', 'events', 'fatalities'])
        .where('measure', '=', measure)
        .orderBy('month')
        .orderBy('admin2_pcode')
        .execute();
      return rows.map((r) => ({
        country: r.country,
        admin2Pcode: r.admin2_pcode,
        month: r.month,
        events: Number(r.events),
        fatalities: r.fatalities === null ? null : Number(r.fatalities),
      }));
    },

    async upsertAggregates(rows, run) {
      return db.transaction().execute(async (trx) => {
        const runId = await insertRun(trx, run, 'committed');
        const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
        const source = 'acled-hdx-monthly';
        const existing = new Map<string, { id: number; events: number; fatalities: number | null }>();
        const measures = [...new Set(rows.map((r) => r.measure))];
        if (measures.length > 0) {
          const found = await trx
            .selectFrom('monthly_aggregates')
            .select(['id', 'measure', 'admin2_pcode', 'month', 'events', 'fatalities'])
            .where('source', '=', source)
            .where('measure', 'in', measures)
            .execute();
          for (const f of found) existing.set(`${f.measure}|${f.admin2_pcode}|${f.month}`, f);
        }
        const inserts: MonthlyAggregate[] = [];
        for (const r of rows) {
          const old = existing.get(`${r.measure}|${r.admin2Pcode}|${r.month}`);
          if (!old) inserts.push(r);
          else if (old.events === r.events && old.fatalities === r.fatalities) counts.unchanged++;
          else {
            counts.updated++;
            await trx
              .updateTable('monthly_aggregates')
              .set({ events: r.events, fatalities: r.fatalities, import_run_id: runId })
              .where('id', '=', old.id)
              .execute();
          }
        }
        for (let i = 0; i < inserts.length; i += 500) {
          await trx
            .insertInto('monthly_aggregates')
            .values(
              inserts.slice(i, i + 500).map((r) => ({
                source,
                measure: r.measure,
                country: r.country,
                admin1_pcode: r.admin1Pcode,
                admin1_name: r.admin1Name,
                admin2_pcode: r.admin2Pcode,
                admin2_name: r.admin2Name,
                month: r.month,
                events: r.events,
                fatalities: r.fatalities,
                import_run_id: runId,
              })),
            )
            .execute();
        }
        counts.inserted = inserts.length;
        await finishRun(trx, runId, run, counts);
        return { runId, counts };
      });
    },
  };
}
