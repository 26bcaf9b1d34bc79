import type { Kysely } from 'kysely';
import type {
  EventPlacementPort,
  ReferencePort,
  StoredPlace,
  WriteCounts,
} from '../services/ports/reference-port.ts';
import { finishRun, insertRun } from './reference-runs.ts';
import { basesAndAggregates } from './reference-tables.ts';
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

    ...basesAndAggregates(db),

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
