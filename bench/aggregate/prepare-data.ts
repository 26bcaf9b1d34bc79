/**
 * The benchmark's data, prepared once and cached in bench/out (importing a million rows takes minutes):
 *
 * - a SQLite file with the generated ACLED rows imported by vigie itself (bench/import/vigie-child.ts, the CLI
 *   path), named after the rows, seed, generator version and a hash of the storage schema, so that a change of
 *   the schema or the rollups never measures a stale file;
 * - a CSV of the classified events exported from that file, for DuckDB to load the very same rows.
 *
 * Both are written under a temporary name and renamed when complete.
 */
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runChild, type BenchConfig } from '../harness.ts';
import { cachedInput } from '../import/benchmark.ts';
import { GENERATOR_VERSION } from '../import/generate.ts';
import { EXPORT_COLUMNS } from './queries.ts';

/** What decides the content of the cached database besides the rows: the schema, the rollups and the writers. */
function schemaHash(): string {
  const files = [
    ...readdirSync('src/storage/migrations').map((f) => join('src/storage/migrations', f)),
    'src/storage/rollups.ts',
    'src/storage/event-columns.ts',
  ].sort();
  const hash = createHash('sha1');
  for (const f of files) hash.update(f).update(readFileSync(f));
  return hash.digest('hex').slice(0, 8);
}

async function removeDb(path: string): Promise<void> {
  for (const suffix of ['', '-wal', '-shm', '-journal']) await rm(`${path}${suffix}`, { force: true });
}

export async function cachedDatabase(config: BenchConfig, log: (line: string) => void): Promise<string> {
  const dir = join(config.outDir, 'db');
  await mkdir(dir, { recursive: true });
  const path = join(
    dir,
    `vigie-aggregate-${config.rows}-s${config.seed}-v${GENERATOR_VERSION}-${schemaHash()}.db`,
  );
  if (existsSync(path)) return path;
  const input = await cachedInput(config, log);
  const partial = `${path}.partial-${process.pid}`;
  await removeDb(partial);
  log(`  importing ${input} into ${path} (once; minutes for a million rows) …`);
  const m = await runChild({
    name: 'import for bench/aggregate',
    role: 'reference',
    script: ['bench/import/vigie-child.ts', input, partial],
  });
  if (m.rows !== config.rows)
    throw new Error(`import stored ${String(m.rows)} rows, expected ${config.rows}`);
  // Fold the WAL into the file so that one file is the whole database.
  const db = new BetterSqlite3(partial);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  await rename(partial, path);
  await removeDb(partial);
  return path;
}

function csvField(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export async function cachedExport(dbPath: string, log: (line: string) => void): Promise<string> {
  const path = dbPath.replace(/\.db$/, '.events.csv');
  if (existsSync(path)) return path;
  log(`  exporting the classified events to ${path} for DuckDB …`);
  const partial = `${path}.partial-${process.pid}`;
  const out = createWriteStream(partial);
  const names = EXPORT_COLUMNS.map(([name]) => name);
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    let lines = [names.join(',')];
    for (const row of db
      .prepare(`SELECT ${names.join(', ')} FROM events`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      lines.push(row.map(csvField).join(','));
      if (lines.length >= 5000) {
        if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
        lines = [];
      }
    }
    out.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
  } finally {
    db.close();
  }
  out.end();
  await once(out, 'finish');
  await rename(partial, path);
  return path;
}
