import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../support/cli.ts';
import { writeSyntheticAcled } from '../support/synthetic-acled.ts';

const ROWS = 20_000;
const KILLS = 20;

/** Starts an import as a real process and SIGKILLs it after `ms`; resolves with whether it finished first. */
function importKilledAfter(file: string, db: string, ms: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      [resolve(REPO_ROOT, 'bin/vigie.mjs'), 'import', 'acled', file, '--db', db, '--json'],
      {
        stdio: 'ignore',
      },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code === 0);
    });
  });
}

/** Content of the store that an import decides: events and their revisions, without run ids or timestamps. */
function digest(db: string): { events: number; runs: string[]; content: string } {
  // Opened read-write, as vigie itself would on its next start: that is when SQLite rolls back a hot WAL tail.
  const sqlite = new BetterSqlite3(db, { fileMustExist: true });
  try {
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const events = sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number };
    const content = sqlite
      .prepare(
        'SELECT source_id, content_hash, admin1, h3r7, priogrid, civilian_harm FROM events ORDER BY source_id',
      )
      .all()
      .map((r) => JSON.stringify(r))
      .join('\n');
    const runs = (sqlite.prepare('SELECT status FROM import_runs').all() as Array<{ status: string }>).map(
      (r) => r.status,
    );
    return { events: events.n, runs, content };
  } finally {
    sqlite.close();
  }
}

describe('an import killed at random moments', () => {
  let dir: string;
  let file: string;
  let reference: ReturnType<typeof digest>;
  /** Wall time of one whole import as a process, measured here: start-up grows with the code and the load. */
  let wholeMs = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-kill-'));
    file = join(dir, 'acled.csv');
    writeSyntheticAcled(file, ROWS);
    const db = join(dir, 'reference.db');
    const r = await cli(['import', 'acled', file, '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    reference = digest(db);
    expect(reference.events).toBe(ROWS);
    const timed = join(dir, 'timed.db');
    const started = performance.now();
    expect(await importKilledAfter(file, timed, 600_000)).toBe(true);
    wholeMs = performance.now() - started;
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`leaves the store whole or untouched ${KILLS} times, and a re-run reaches the uninterrupted result`, async () => {
    const db = join(dir, 'killed.db');
    let interrupted = 0;
    // Deterministic spread of kill times over start-up, reading and commit: from 15 % to 105 % of a whole run.
    for (let k = 0; k < KILLS; k++) {
      rmSync(db, { force: true });
      rmSync(`${db}-wal`, { force: true });
      rmSync(`${db}-shm`, { force: true });
      const ms = Math.round(wholeMs * (0.15 + (((k * 7919) % KILLS) / KILLS) * 0.9));
      const finished = await importKilledAfter(file, db, ms);
      let after: ReturnType<typeof digest> | null = null;
      try {
        after = digest(db);
      } catch (error) {
        // Killed before the file was created or migrated: there is nothing to check yet.
        expect(String(error)).toMatch(/no such table|does not exist|unable to open/);
        after = null;
      }
      if (after !== null) {
        // All or nothing: never a partial import, never a run left 'running'.
        expect([0, ROWS]).toContain(after.events);
        expect(after.runs).not.toContain('running');
        if (after.events === 0) interrupted++;
      }
      if (!finished || after?.events !== ROWS) {
        const rerun = await cli(['import', 'acled', file, '--db', db, '--json']);
        expect(rerun.code, rerun.stderr).toBe(0);
      }
      expect(digest(db).content).toBe(reference.content);
    }
    console.log(
      `kill test: ${interrupted} of ${KILLS} kills landed after migration and before the commit (whole run ${Math.round(wholeMs)} ms)`,
    );
    expect(interrupted).toBeGreaterThan(0);
  }, 600_000);
});
