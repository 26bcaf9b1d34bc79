import type { Kysely, Transaction } from 'kysely';
import type { MonthlyAggregate, ProtectionBase } from '../importers/types.ts';
import type {
  EventPlacementPort,
  ReferencePort,
  RunSummary,
  StoredPlace,
  WriteCounts,
} from '../services/ports/reference-port.ts';
import { kyselyRunner, markRollupsPending, refreshRollups, TouchedMonths } from './rollups.ts';
import type { Database } from './schema.ts';

/**
 * Reference data written through Kysely on both dialects: these tables hold thousands of rows, not millions,
 * so the portable path is fast enough and one implementation serves SQLite and PostgreSQL alike.
 */
export function referenceStore(db: Kysely<Database>): ReferencePort & EventPlacementPort {
  return {
    async replaceBoundaryLevel(set, level, places, run) {
      return db.transaction().execute(async (trx) => {
        const runId = await insertRun(trx, run, 'committed');
        await trx
          .insertInto('boundary_sets')
          .values({
            name: set.name,
            description: set.description,
            source: set.source,
            imported_at: set.importedAt,
          })
          .onConflict((oc) =>
            oc.column('name').doUpdateSet({ imported_at: set.importedAt, source: set.source }),
          )
          .execute();
        const existing = await trx
          .selectFrom('places')
          .select(['code', 'name', 'parent_code', 'geometry_json'])
          .where('set_name', '=', set.name)
          .where('level', '=', level)
          .execute();
        const before = new Map(
          existing.map((p) => [p.code, `${p.name}|${p.parent_code}|${p.geometry_json}`]),
        );
        const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
        for (const p of places) {
          const was = before.get(p.code);
          const now = `${p.name}|${p.parentCode}|${JSON.stringify(p.geometry)}`;
          if (was === undefined) counts.inserted++;
          else if (was === now) counts.unchanged++;
          else counts.updated++;
        }
        await trx.deleteFrom('places').where('set_name', '=', set.name).where('level', '=', level).execute();
        for (let i = 0; i < places.length; i += 200) {
          await trx
            .insertInto('places')
            .values(
              places.slice(i, i + 200).map((p) => ({
                set_name: set.name,
                level,
                code: p.code,
                name: p.name,
                parent_code: p.parentCode,
                iso3: p.iso3,
                min_lon: p.bbox[0],
                min_lat: p.bbox[1],
                max_lon: p.bbox[2],
                max_lat: p.bbox[3],
                geometry_json: JSON.stringify(p.geometry),
              })),
            )
            .execute();
        }
        await finishRun(trx, runId, run, counts);
        return { runId, counts };
      });
    },

    async activePlaces(level) {
      const latest = await db
        .selectFrom('places')
        .innerJoin('boundary_sets', 'boundary_sets.name', 'places.set_name')
        .select('boundary_sets.name')
        .where('places.level', '=', level)
        .orderBy('boundary_sets.imported_at', 'desc')
        .orderBy('boundary_sets.name')
        .limit(1)
        .executeTakeFirst();
      if (!latest) return [];
      const rows = await db
        .selectFrom('places')
        .selectAll()
        .where('set_name', '=', latest.name)
        .where('level', '=', level)
        .orderBy('code')
        .execute();
      return rows.map((r): StoredPlace => ({
        set: r.set_name,
        level: r.level,
        code: r.code,
        name: r.name,
        parentCode: r.parent_code,
        iso3: r.iso3,
        bbox: [r.min_lon, r.min_lat, r.max_lon, r.max_lat],
        geometry: JSON.parse(r.geometry_json) as unknown,
      }));
    },

    async boundarySets() {
      const rows = await db
        .selectFrom('boundary_sets')
        .leftJoin('places', 'places.set_name', 'boundary_sets.name')
        .select((eb) => [
          'boundary_sets.name',
          'boundary_sets.imported_at',
          'places.level',
          eb.fn.count<number>('places.id').as('n'),
        ])
        .groupBy(['boundary_sets.name', 'boundary_sets.imported_at', 'places.level'])
        .orderBy('boundary_sets.name')
        .execute();
      const sets = new Map<string, { name: string; levels: number[]; places: number; importedAt: string }>();
      for (const r of rows) {
        const s = sets.get(r.name) ?? { name: r.name, levels: [], places: 0, importedAt: r.imported_at };
        if (r.level !== null) s.levels.push(r.level);
        s.places += Number(r.n);
        sets.set(r.name, s);
      }
      return [...sets.values()];
    },

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

    async recordRun(summary, status) {
      return db.transaction().execute(async (trx) => {
        const runId = await insertRun(trx, summary, status);
        await finishRun(trx, runId, summary, { inserted: 0, updated: 0, unchanged: 0 }, status);
        return runId;
      });
    },

    async locations(afterId, limit) {
      return db
        .selectFrom('events')
        .select(['id', 'latitude', 'longitude', 'country'])
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
    },

    async updatePlacements(rows) {
      await db.transaction().execute(async (trx) => {
        // Only events whose units change are written, and their months marked for a rollup refresh.
        const stored = new Map<number, Record<string, unknown>>();
        for (let i = 0; i < rows.length; i += 500) {
          const found = await trx
            .selectFrom('events')
            .select(['id', 'source', 'month', 'admin1', 'admin1_pcode', 'admin2_pcode', 'admin3_pcode'])
            .where(
              'id',
              'in',
              rows.slice(i, i + 500).map((r) => r.id),
            )
            .execute();
          for (const f of found) stored.set(f.id, f);
        }
        const touched = new TouchedMonths();
        for (const r of rows) {
          const old = stored.get(r.id);
          if (old === undefined || samePlacement(old, r)) continue;
          touched.add(old['source'], old['month']);
          await trx
            .updateTable('events')
            .set({
              admin1: r.admin1,
              admin1_pcode: r.admin1Pcode,
              admin2_pcode: r.admin2Pcode,
              admin3_pcode: r.admin3Pcode,
            })
            .where('id', '=', r.id)
            .execute();
        }
        await markRollupsPending(kyselyRunner(trx), touched);
      });
    },

    async refreshRollups() {
      await db.transaction().execute((trx) => refreshRollups(kyselyRunner(trx), new TouchedMonths()));
    },
  };
}

function samePlacement(
  old: Record<string, unknown>,
  r: {
    admin1: string | null;
    admin1Pcode: string | null;
    admin2Pcode: string | null;
    admin3Pcode: string | null;
  },
): boolean {
  return (
    old['admin1'] === r.admin1 &&
    old['admin1_pcode'] === r.admin1Pcode &&
    old['admin2_pcode'] === r.admin2Pcode &&
    old['admin3_pcode'] === r.admin3Pcode
  );
}

async function insertRun(trx: Transaction<Database>, run: RunSummary, status: string): Promise<number> {
  const row = await trx
    .insertInto('import_runs')
    .values({
      kind: run.kind,
      source: run.source,
      file_name: run.fileName,
      file_sha256: run.fileSha256,
      layout: run.layout,
      started_at: run.startedAt,
      status,
      rows_read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      deleted: 0,
      issues_json: '[]',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function finishRun(
  trx: Transaction<Database>,
  runId: number,
  run: RunSummary,
  counts: WriteCounts,
  status = 'committed',
): Promise<void> {
  await trx
    .updateTable('import_runs')
    .set({
      status,
      finished_at: run.finishedAt,
      rows_read: run.rowsRead,
      rejected: run.rejected,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
      issues_json: JSON.stringify(run.issues.slice(0, 1000)),
    })
    .where('id', '=', runId)
    .execute();
}
