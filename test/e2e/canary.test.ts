import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openVigie } from '../../src/main.ts';
import type { StorageTarget } from '../../src/storage/open.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  filesUnder,
  needlesFor,
  scanBytes,
  scanFile,
  type Hit,
  type Needle,
} from '../support/canary-scan.ts';
import { cli, cliProcess, REPO_ROOT, type CliResult } from '../support/cli.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import {
  markers,
  protectedIncident,
  protectedTexts,
  randomTag,
  type ProtectedTexts,
} from '../support/incident-fixtures.ts';
import { syntheticAcledCsv } from '../support/synthetic-acled.ts';

/**
 * The canary test (issue 4, "What must show"): incidents carrying unique canary strings in every protected
 * field (narrative, every victim field, source descriptions, verification reasons, evidence file name and
 * content), written over HTTP and with the CLI, on SQLite and PostgreSQL; then read, listed, decided, exported
 * (public release over HTTP and CLI in CSV/HXL/JSON, event exports), keys rotated and the audit verified.
 * Afterwards no canary may be found, as plaintext, base64 or hex, in the SQLite file and its -wal/-shm (live
 * and after closing), in the server's log, in the CLI's output, in any export, or in a plain pg_dump.
 *
 * Covered: everything this file creates (below). Best effort: SQLite files of other suites still present in
 * the OS temp folder (`vigie-test-*`) are searched for the plaintext prefix "CANARY-" (other suites' canaries
 * are not known here, so their base64 forms are not searched, and suites that already removed their folder
 * are not covered). Not covered: the OS swap, freed pages already overwritten elsewhere on disk, the browser.
 */

const PREFIX = 'CANARY';
const PASSWORD = 'canary password, long enough';
const TSX_SERVER = resolve(REPO_ROOT, 'test/support/canary-server.ts');

interface Run {
  dialect: 'sqlite' | 'postgres';
  database: TestDatabase;
  dir: string;
  keyFile: string;
  /** Every canary written into this database. */
  canaries: string[];
  /** Plaintext copies the test itself wrote (CLI input files) are removed before the search. */
  cliOutputs: Array<{ what: string; result: CliResult }>;
  liveSqlite: Array<{ what: string; bytes: Buffer }>;
  exports: string[];
  logs: string[];
  pgDump?: Buffer;
  references: string[];
}

const runs: Run[] = [];

function target(run: Run): StorageTarget {
  return run.dialect === 'sqlite'
    ? { sqlitePath: run.database.cliArgs[1]! }
    : { databaseUrl: run.database.cliArgs[1]! };
}

function storageArgs(run: Run): string[] {
  return [...run.database.cliArgs, '--key-file', run.keyFile];
}

/** The CLI, in this process (the same code path, without tsx's start-up) or as a real subprocess. */
async function vigieCli(run: Run, what: string, args: string[], subprocess = false): Promise<CliResult> {
  const all = [...args, ...storageArgs(run)];
  const result = subprocess ? await cliProcess(all) : await cli(all);
  run.cliOutputs.push({ what, result });
  expect(result.code, `${what}: ${result.stderr}`).toBe(0);
  return result;
}

/** The HTTP server as its own process with its logger on, stdout and stderr captured to a file. */
async function startServer(run: Run, name: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const log = join(run.dir, 'logs', `${name}.log`);
  const addressFile = join(run.dir, `${name}.address`);
  const fd = openSync(log, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', TSX_SERVER, JSON.stringify(target(run)), run.keyFile, addressFile],
    { cwd: REPO_ROOT, stdio: ['ignore', fd, fd], env: { ...process.env, VIGIE_LANG: 'en' } },
  );
  closeSync(fd);
  run.logs.push(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const started = Date.now();
  while (!existsSync(addressFile) || readFileSync(addressFile, 'utf8') === '') {
    if (child.exitCode !== null) throw new Error(`server exited: ${readFileSync(log, 'utf8').slice(-2000)}`);
    if (Date.now() - started > 30_000) throw new Error('server did not start in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base: readFileSync(addressFile, 'utf8'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

function client(base: string) {
  async function call(
    session: Session | null,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string; json: <T = Record<string, unknown>>() => T }> {
    const init: RequestInit = {
      method,
      headers: {
        ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        ...(body !== undefined && !(body instanceof FormData) && typeof body !== 'string'
          ? { 'content-type': 'application/json' }
          : {}),
        ...headers,
      },
      ...(body === undefined
        ? {}
        : { body: body instanceof FormData || typeof body === 'string' ? body : JSON.stringify(body) }),
    };
    const res = await fetch(`${base}${path}`, init);
    const text = await res.text();
    return { status: res.status, text, json: <T>() => JSON.parse(text) as T };
  }
  async function login(email: string): Promise<Session> {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  return { call, login };
}

function canariesOf(texts: ProtectedTexts): string[] {
  return markers(texts, PREFIX);
}

function describeHits(hits: Hit[]): string[] {
  return hits.map((h) => `${h.where}: ${h.encoding} of ${h.canary} at byte ${h.offset}`);
}

function sqliteFiles(run: Run): string[] {
  const db = run.database.cliArgs[1]!;
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`];
}

describe('the scanner itself', () => {
  it('finds a canary written in plaintext, in base64 at every alignment, and in hex; and nothing in clean bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-canary-self-'));
    try {
      const canary = `${PREFIX}-selfcheck-${randomTag()}`;
      const needles = needlesFor(canary);
      const cases: Array<[string, Buffer, Needle['encoding']]> = [
        ['plain', Buffer.from(`some log line ${canary} more`), 'utf8'],
        ['hex', Buffer.from(`\\x${Buffer.from(`ab${canary}`).toString('hex')}`), 'hex'],
      ];
      for (const k of [0, 1, 2]) {
        const encoded = Buffer.concat([
          Buffer.alloc(k, 0x41),
          Buffer.from(canary),
          Buffer.from(' tail'),
        ]).toString('base64');
        cases.push([
          `base64 after ${k} bytes`,
          Buffer.from(`{"content":"${encoded}"}`),
          `base64@${k as 0 | 1 | 2}` as const,
        ]);
      }
      for (const [name, bytes, encoding] of cases) {
        const file = join(dir, `${name}.bin`);
        writeFileSync(file, bytes);
        const hits = scanFile(file, needles);
        expect(
          hits.map((h) => h.encoding),
          name,
        ).toContain(encoding);
      }
      const clean = join(dir, 'clean.bin');
      writeFileSync(
        clean,
        Buffer.from(`${PREFIX}-selfcheck-other ${Buffer.from('unrelated').toString('base64')}`),
      );
      expect(scanFile(clean, needles)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`canaries on ${dialect.name}`, () => {
    let run: Run;

    beforeAll(async () => {
      const database = await dialect.create();
      const dir = mkdtempSync(join(tmpdir(), 'vigie-canary-'));
      for (const sub of ['logs', 'exports', 'input']) mkdirSync(join(dir, sub));
      run = {
        dialect: dialect.name,
        database,
        dir,
        keyFile: join(dir, 'keys', 'vigie.key'),
        canaries: [],
        cliOutputs: [],
        liveSqlite: [],
        exports: [],
        logs: [],
        references: [],
      };
      mkdirSync(join(dir, 'keys'));
      runs.push(run);
    });

    afterAll(async () => {
      await run?.database.drop();
      if (run) rmSync(run.dir, { recursive: true, force: true });
    });

    it('writes canaries in every protected field over HTTP and the CLI, reads, decides, exports and rotates keys', async () => {
      const org = `canary org ${randomTag()}`;
      const email = (who: string) => `${who}-${randomTag()}@example.org`;
      const people = {
        admin: email('admin'),
        reporter: email('reporter'),
        reviewer: email('reviewer'),
        analyst: email('analyst'),
      };
      for (const [who, address] of Object.entries(people)) {
        const role = who === 'admin' ? ['--admin'] : ['--role', who === 'analyst' ? 'analyst' : 'monitor'];
        const added = await cli([
          'users',
          'add',
          '--email',
          address,
          ...role,
          '--organisation',
          org,
          '--password',
          PASSWORD,
          ...storageArgs(run),
        ]);
        run.cliOutputs.push({ what: `users add ${who}`, result: added });
        expect(added.code, added.stderr).toBe(0);
      }

      const server = await startServer(run, 'server-1');
      try {
        const http = client(server.base);
        const reporter = await http.login(people.reporter);
        const reviewer = await http.login(people.reviewer);
        const analyst = await http.login(people.analyst);
        const admin = await http.login(people.admin);

        // Five ordinary incidents (enough for a published cell once verified) and one CRSV incident.
        const incidents: Array<{ id: string; texts: ProtectedTexts; crsv: boolean }> = [];
        for (let i = 0; i < 6; i++) {
          const crsv = i === 5;
          const texts = protectedTexts(PREFIX, `${dialect.name}${i}`);
          run.canaries.push(...canariesOf(texts));
          const res = await http.call(
            reporter,
            'POST',
            '/api/v1/incidents',
            protectedIncident(texts, { crsv, publicConsent: true }),
          );
          expect(res.status, res.text).toBe(201);
          const recorded = res.json<{ id: string; reference: string }>();
          incidents.push({ id: recorded.id, texts, crsv });
          run.references.push(recorded.reference);
          const form = new FormData();
          form.append(
            'file',
            new Blob([texts.evidenceContent], { type: 'text/plain' }),
            texts.evidenceFileName,
          );
          const evidence = await http.call(
            reporter,
            'POST',
            `/api/v1/incidents/${recorded.id}/evidence`,
            form,
          );
          expect(evidence.status, evidence.text).toBe(201);
          const download = await http.call(
            reporter,
            'GET',
            `/api/v1/incidents/${recorded.id}/evidence/${evidence.json<{ id: string }>().id}`,
          );
          expect(download.text).toBe(texts.evidenceContent);
          const custody = await http.call(
            reporter,
            'GET',
            `/api/v1/incidents/${recorded.id}/evidence/${evidence.json<{ id: string }>().id}/custody`,
          );
          expect(custody.status).toBe(200);
        }
        // More victims added later, each field a canary.
        const extra = protectedTexts(PREFIX, `${dialect.name}extra`);
        run.canaries.push(...canariesOf(extra));
        const victims = await http.call(reporter, 'POST', `/api/v1/incidents/${incidents[0]!.id}/victims`, {
          victims: protectedIncident(extra, { publicConsent: true }).victims,
        });
        expect(victims.status, victims.text).toBe(200);
        // Refused input carrying canaries must not be echoed into the log either.
        const rejected = protectedTexts(PREFIX, `${dialect.name}rejected`);
        run.canaries.push(...canariesOf(rejected));
        const bad = { ...protectedIncident(rejected), harmTypes: ['not-a-harm'] };
        expect((await http.call(reporter, 'POST', '/api/v1/incidents', bad)).status).toBe(400);
        const analystTry = await http.call(analyst, 'POST', '/api/v1/incidents', protectedIncident(rejected));
        expect(analystTry.status).toBe(403);
        const broken = await http.call(
          reporter,
          'POST',
          '/api/v1/incidents',
          `{"narrative": "${rejected.narrative}"`,
          {
            'content-type': 'application/json',
          },
        );
        expect(broken.status).toBe(400);

        // Decisions, with canary reasons. A CRSV case is decided by its members only: the reporter adds the reviewer.
        const reviewerId = (await http.call(reviewer, 'GET', '/api/v1/auth/me')).json<{
          user: { id: string };
        }>().user.id;
        for (const incident of incidents.filter((i) => i.crsv)) {
          const added = await http.call(reporter, 'POST', `/api/v1/incidents/${incident.id}/members`, {
            userId: reviewerId,
          });
          expect(added.status, added.text).toBe(200);
        }
        for (const incident of incidents) {
          const reason = `${PREFIX}-reason2-${dialect.name}-${randomTag()}`;
          run.canaries.push(reason);
          const review = await http.call(reviewer, 'POST', `/api/v1/incidents/${incident.id}/decision`, {
            to: 'under_review',
            reason: incident.texts.reviewReason,
            version: 1,
          });
          expect(review.status, review.text).toBe(200);
          const final = await http.call(reviewer, 'POST', `/api/v1/incidents/${incident.id}/decision`, {
            to: incident.crsv ? 'not_verified' : 'verified',
            ...(incident.crsv ? {} : { standardOfProof: 'reasonable_grounds' }),
            reason,
            version: 2,
          });
          expect(final.status, final.text).toBe(200);
        }

        // Reads and lists by every role.
        for (const incident of incidents) {
          const full = await http.call(reporter, 'GET', `/api/v1/incidents/${incident.id}`);
          expect(full.json<{ narrative: string }>().narrative).toBe(incident.texts.narrative);
          expect(
            full.json<{ victims: Array<{ name: string }> }>().victims.map((v: { name: string }) => v.name),
          ).toContain(incident.texts.victimName);
          expect((await http.call(reviewer, 'GET', `/api/v1/incidents/${incident.id}`)).status).toBe(200);
          const summary = await http.call(analyst, 'GET', `/api/v1/incidents/${incident.id}`);
          expect(summary.status).toBe(incident.crsv ? 404 : 200);
          expect((await http.call(admin, 'GET', `/api/v1/incidents/${incident.id}`)).status).toBe(200);
        }
        for (const who of [reporter, reviewer, analyst, admin]) {
          expect((await http.call(who, 'GET', '/api/v1/incidents?limit=500')).status).toBe(200);
          expect((await http.call(who, 'GET', '/api/v1/incident-aggregates')).status).toBe(200);
        }
        expect((await http.call(reviewer, 'GET', '/api/v1/review-queue')).status).toBe(200);

        // Events: an import, a link, the candidates, and the event views.
        const imported = await http.call(
          admin,
          'POST',
          '/api/v1/imports?kind=acled&fileName=canary.csv',
          syntheticAcledCsv(8, 3, 'CNR'),
          {
            'content-type': 'text/csv',
          },
        );
        expect(imported.status, imported.text).toBe(200);
        const events = await http.call(admin, 'GET', '/api/v1/events');
        const eventId = events.json<{ events: Array<{ id: number }> }>().events[0]!.id;
        expect(
          (await http.call(reviewer, 'POST', `/api/v1/incidents/${incidents[0]!.id}/links`, { eventId }))
            .status,
        ).toBe(200);
        expect(
          (await http.call(reviewer, 'GET', `/api/v1/incidents/${incidents[0]!.id}/candidates`)).status,
        ).toBe(200);

        // Exports over HTTP, kept as files to search.
        const save = (name: string, text: string) => {
          const file = join(run.dir, 'exports', name);
          writeFileSync(file, text);
          run.exports.push(file);
        };
        for (const format of ['json', 'csv', 'hxl']) {
          const res = await http.call(null, 'GET', `/api/v1/public/incidents?format=${format}`);
          expect(res.status).toBe(200);
          save(`public-http.${format}`, res.text);
        }
        const release = await http.call(null, 'GET', '/api/v1/public/incidents');
        expect(release.json<{ cells: unknown[] }>().cells.length, release.text).toBeGreaterThan(0);
        save('events-http.json', events.text);
        save('audit-http.json', (await http.call(admin, 'GET', '/api/v1/audit?limit=1000')).text);

        // The CLI writes an incident while the server runs.
        const cliTexts = protectedTexts(PREFIX, `${dialect.name}cli`);
        run.canaries.push(...canariesOf(cliTexts));
        const input = join(run.dir, 'input', 'incident.json');
        writeFileSync(
          input,
          JSON.stringify(protectedIncident(cliTexts, { clientId: `canary-${randomTag()}` })),
        );
        const added = await vigieCli(
          run,
          'incidents add',
          ['incidents', 'add', input, '--user', people.reporter, '--password', PASSWORD],
          true,
        );
        expect(added.stdout).toMatch(/INC-2026-/);
        // The input file is the user's own plaintext: it is not the store's to protect.
        rmSync(join(run.dir, 'input'), { recursive: true, force: true });

        if (run.dialect === 'sqlite') {
          // While the server still holds the database: the WAL is live.
          for (const file of sqliteFiles(run))
            if (existsSync(file)) run.liveSqlite.push({ what: `${file} (live)`, bytes: readFileSync(file) });
          const wal = run.liveSqlite.find((f) => f.what.includes('-wal'));
          expect(wal?.bytes.length ?? 0, 'the WAL is live while the server runs').toBeGreaterThan(0);
        }
      } finally {
        await server.stop();
      }

      // Operator commands.
      const verify = await vigieCli(run, 'audit verify', ['audit', 'verify', '--json']);
      expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
      await vigieCli(run, 'keys rotate', ['keys', 'rotate']);
      const after = await vigieCli(run, 'audit verify after rotation', ['audit', 'verify', '--json']);
      expect(JSON.parse(after.stdout)).toMatchObject({ ok: true });
      const exportJobs: Array<[string, string[]]> = [
        ['public.csv', ['export', 'public', '--format', 'csv']],
        ['public.hxl.csv', ['export', 'public', '--format', 'hxl']],
        ['public.json', ['export', 'public', '--format', 'json']],
        ['events.csv', ['events', '--format', 'csv']],
        ['events.geojson', ['events', '--format', 'geojson']],
      ];
      for (const [name, args] of exportJobs) {
        const file = join(run.dir, 'exports', name);
        await vigieCli(run, args.join(' '), [...args, '--out', file]);
        run.exports.push(file);
      }
      expect(readFileSync(join(run.dir, 'exports', 'public.csv'), 'utf8')).toMatch(/ML05/);

      // After the rotation the data still opens, with the new key.
      const vigie = await openVigie(target(run), { keyFile: run.keyFile });
      try {
        const by = await vigie.protection.accounts.authenticate(people.reporter, PASSWORD, 'test');
        const page = await vigie.protection.listIncidents(by, { limit: 500 });
        expect(page.incidents.length).toBe(7);
        for (const summary of page.incidents) {
          const detail = await vigie.protection.showIncident(by, summary.id);
          expect(detail.narrative).toMatch(new RegExp(`${PREFIX}-narrative-`));
          expect(detail.victims?.[0]?.name).toMatch(new RegExp(`${PREFIX}-victimname-`));
        }
      } finally {
        await vigie.close();
      }

      if (run.dialect === 'postgres') {
        const dump = spawnSync('pg_dump', ['--format=plain', '--no-owner', run.database.cliArgs[1]!], {
          maxBuffer: 1024 ** 3,
        });
        expect(dump.status, String(dump.stderr)).toBe(0);
        run.pgDump = dump.stdout;
      }
      expect(run.canaries.length).toBeGreaterThan(60);
    });

    it('leaves no canary in plaintext, base64 or hex in the database files, logs, CLI output, exports or dump', () => {
      const needles = run.canaries.flatMap(needlesFor);
      const hits: Hit[] = [];
      if (run.dialect === 'sqlite') {
        for (const live of run.liveSqlite) hits.push(...scanBytes(live.what, live.bytes, needles));
        const db = readFileSync(run.database.cliArgs[1]!);
        // The search means something: the file holds the incidents (their references are not protected).
        for (const reference of run.references) expect(db.includes(Buffer.from(reference))).toBe(true);
        for (const file of sqliteFiles(run)) hits.push(...scanFile(file, needles));
      } else {
        const dump = run.pgDump!;
        expect(dump.includes(Buffer.from('CREATE TABLE'))).toBe(true);
        for (const reference of run.references) expect(dump.includes(Buffer.from(reference))).toBe(true);
        hits.push(...scanBytes('pg_dump', dump, needles));
      }
      for (const log of run.logs) {
        expect(readFileSync(log, 'utf8')).toMatch(/"url":"\/api\/v1\/incidents/); // the logger was on
        hits.push(...scanFile(log, needles));
      }
      for (const { what, result } of run.cliOutputs) {
        hits.push(...scanBytes(`${what} stdout`, Buffer.from(result.stdout), needles));
        hits.push(...scanBytes(`${what} stderr`, Buffer.from(result.stderr), needles));
      }
      expect(run.exports.length).toBeGreaterThanOrEqual(10);
      expect(run.logs.length).toBe(1);
      for (const file of run.exports) hits.push(...scanFile(file, needles));
      // Whatever else is left in this run's folder (key file, server address files).
      for (const file of filesUnder(run.dir)) hits.push(...scanFile(file, needles));
      expect(describeHits(hits)).toEqual([]);
    });
  });
}

describe('after the suites of this run (best effort)', () => {
  it('finds no plaintext "CANARY-" in SQLite files other suites left in the temp folder', () => {
    const plain = Buffer.from(`${PREFIX}-`);
    const hits: string[] = [];
    let searched = 0;
    const folders = readdirSync(tmpdir())
      .filter((name) => name.startsWith('vigie-test-'))
      .map((name) => join(tmpdir(), name));
    for (const file of folders.flatMap(filesUnder)) {
      if (!/\.db(-wal|-shm|-journal)?$/.test(file)) continue;
      searched += 1;
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      const at = bytes.indexOf(plain);
      if (at >= 0) hits.push(`${file}: "${bytes.subarray(at, at + 60).toString('latin1')}"`);
    }
    console.log(`canary: searched ${searched} SQLite files of other suites in ${tmpdir()}`);
    expect(hits).toEqual([]);
  });
});
