import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import { cli } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { incidentInput } from '../support/incident-input.ts';

type Tamper = (db: BetterSqlite3.Database) => void;

/** Each storage-level tampering of the audit table that `vigie audit verify` must find (exit code 1). */
const TAMPERINGS: Record<string, Tamper> = {
  'edit a detail': (db) =>
    db.prepare(`UPDATE audit_log SET details_json = '{"view":"none"}' WHERE seq = 3`).run(),
  'edit the actor': (db) => db.prepare(`UPDATE audit_log SET actor_id = NULL WHERE seq = 2`).run(),
  'delete an entry': (db) => db.prepare('DELETE FROM audit_log WHERE seq = 4').run(),
  'delete the last entries and move the head back': (db) => {
    const max = (db.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }).m;
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(max - 2);
    const last = db.prepare('SELECT seq, mac FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      seq: number;
      mac: string;
    };
    db.prepare('UPDATE audit_head SET seq = ?, mac = ?').run(last.seq, last.mac);
  },
  'insert a forged entry': (db) =>
    db
      .prepare(
        `INSERT INTO audit_log (seq, at, actor_id, action, target_type, target_id, details_json, mac) SELECT seq, at, actor_id, 'incident.read', target_type, target_id, details_json, mac FROM audit_log WHERE seq = 2`,
      )
      .run(),
  'swap two entries': (db) => {
    const rows = db.prepare('SELECT * FROM audit_log WHERE seq IN (2, 3) ORDER BY id').all() as Array<
      Record<string, unknown>
    >;
    const update = db.prepare(
      'UPDATE audit_log SET seq=@seq, at=@at, actor_id=@actor_id, action=@action, target_type=@target_type, target_id=@target_id, details_json=@details_json, mac=@mac WHERE id=@id',
    );
    update.run({ ...rows[1], id: rows[0]!['id'] });
    update.run({ ...rows[0], id: rows[1]!['id'] });
  },
  'empty the log': (db) => db.prepare('DELETE FROM audit_log').run(),
};

describe('audit chain, keys and duress wipe on SQLite', () => {
  let database: TestDatabase;
  let path: string;
  let keyFile: string;
  let incidentId = '';
  let monitorToken = '';

  beforeAll(async () => {
    database = sqliteDatabase();
    path = database.cliArgs[1]!;
    keyFile = join(path, '..', 'vigie.key');
    const vigie = await openVigie({ sqlitePath: path });
    const monitor = await userWithToken(vigie, 'monitor');
    monitorToken = monitor.token;
    const by = await vigie.protection.accounts.authenticate(monitor.email, monitor.password, 'test');
    for (let i = 0; i < 3; i++) {
      const recorded = await vigie.protection.recordIncident(by, incidentInput(`audit-${i}`));
      await vigie.protection.showIncident(by, recorded.id);
      incidentId = recorded.id;
    }
    await vigie.close();
  });
  afterAll(() => database.drop());

  it('keeps the database file private to its owner', () => {
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('verifies an untouched chain from the CLI', async () => {
    const result = await cli(['audit', 'verify', '--db', path, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
    expect(JSON.parse(result.stdout).entries).toBeGreaterThan(6);
  });

  for (const [name, tamper] of Object.entries(TAMPERINGS)) {
    it(`finds the tampering: ${name}`, async () => {
      const copy = `${path}.${name.replace(/\W+/g, '-')}.db`;
      copyFileSync(path, copy);
      const db = new BetterSqlite3(copy);
      tamper(db);
      db.close();
      const result = await cli(['audit', 'verify', '--db', copy, '--key-file', keyFile, '--json']);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout).ok).toBe(false);
    });
  }

  it('returns no data when the audit entry cannot be written', async () => {
    const db = new BetterSqlite3(path);
    db.exec(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    db.close();
    const vigie = await openVigie({ sqlitePath: path });
    const app = await buildHttpApp(vigie);
    try {
      const email = emailOf(path, 'monitor');
      const by = await vigie.protection.accounts.authenticate(email, `password for ${email}`, 'test');
      await expect(vigie.protection.showIncident(by, incidentId)).rejects.toMatchObject({
        code: 'AUDIT_UNAVAILABLE',
      });
      await expect(vigie.protection.listIncidents(by, { limit: 10 })).rejects.toMatchObject({
        code: 'AUDIT_UNAVAILABLE',
      });
      // Creating a token is audited too, so it fails as a whole and leaves no token behind.
      await expect(vigie.protection.accounts.createToken(by, 't', false, null)).rejects.toMatchObject({
        code: 'AUDIT_UNAVAILABLE',
      });
      // Over HTTP: a 503 with the code, and nothing of the incident in the body.
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/incidents/${incidentId}`,
        headers: { authorization: `Bearer ${monitorToken}` },
      });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('AUDIT_UNAVAILABLE');
      expect(res.body).not.toContain('narrative');
      const db = new BetterSqlite3(path, { readonly: true });
      const count = (db.prepare('SELECT count(*) AS n FROM api_tokens').get() as { n: number }).n;
      db.close();
      expect(count).toBe(1);
    } finally {
      await app.close();
      await vigie.close();
      const db3 = new BetterSqlite3(path);
      db3.exec('DROP TRIGGER refuse_audit');
      db3.close();
    }
  });

  it('rotates the key-encryption key: the file changes, the data still opens, the old key no longer does', async () => {
    const before = readFileSync(keyFile, 'utf8');
    copyFileSync(keyFile, `${keyFile}.old`);
    const rotated = await cli(['keys', 'rotate', '--db', path, '--json']);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(JSON.parse(rotated.stdout).rewrapped).toBeGreaterThanOrEqual(4); // three incidents and the audit key
    expect(readFileSync(keyFile, 'utf8')).not.toBe(before);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const email = emailOf(path, 'monitor');
    const show = await cli([
      'incidents',
      'show',
      incidentId,
      '--db',
      path,
      '--user',
      email,
      '--password',
      `password for ${email}`,
      '--json',
    ]);
    expect(JSON.parse(show.stdout).narrative).toBe('narrative audit-2');
    chmodSync(`${keyFile}.old`, 0o600);
    const withOld = await cli([
      'incidents',
      'show',
      incidentId,
      '--db',
      path,
      '--key-file',
      `${keyFile}.old`,
      '--user',
      email,
      '--password',
      `password for ${email}`,
    ]);
    expect(withOld.code).toBe(1);
    expect((await cli(['audit', 'verify', '--db', path])).code).toBe(0);
  });

  it('refuses a key file others can read, and never creates a new key over wrapped data', async () => {
    chmodSync(keyFile, 0o644);
    const insecure = await cli(['audit', 'verify', '--db', path, '--json']);
    expect(insecure.code).toBe(1);
    expect(JSON.parse(insecure.stdout).error).toMatchObject({
      code: 'KEY_UNAVAILABLE',
      details: { reason: 'insecure-mode' },
    });
    chmodSync(keyFile, 0o600);
    const missing = await cli([
      'audit',
      'verify',
      '--db',
      path,
      '--key-file',
      join(path, '..', 'nowhere.key'),
      '--json',
    ]);
    expect(JSON.parse(missing.stdout).error).toMatchObject({
      code: 'KEY_UNAVAILABLE',
      details: { reason: 'missing' },
    });
    expect(existsSync(join(path, '..', 'nowhere.key'))).toBe(false);
  });

  it('wipes under duress: keys and sealed fields gone, counts and the public release kept', async () => {
    const started = performance.now();
    const wiped = await cli(['wipe', '--duress', '--db', path, '--json']);
    const elapsedMs = performance.now() - started;
    expect(wiped.code, wiped.stderr).toBe(0);
    expect(JSON.parse(wiped.stdout)).toMatchObject({ incidents: 3, victims: 6 });
    expect(existsSync(keyFile)).toBe(false);
    console.log(
      `duress wipe of 3 incidents: ${elapsedMs.toFixed(0)} ms (CLI in-process, including open and VACUUM)`,
    );
    const db = new BetterSqlite3(path, { readonly: true });
    const sealed = db
      .prepare(
        `SELECT (SELECT count(*) FROM data_keys) + (SELECT count(*) FROM incidents WHERE narrative_sealed IS NOT NULL) + (SELECT count(*) FROM victims WHERE name_sealed IS NOT NULL OR testimony_sealed IS NOT NULL) + (SELECT count(*) FROM incident_sources WHERE description_sealed IS NOT NULL) AS n`,
      )
      .get() as { n: number };
    expect(sealed.n).toBe(0);
    expect((db.prepare('SELECT sum(count) AS s FROM victim_counts').get() as { s: number }).s).toBe(12);
    db.close();
    const email = emailOf(path, 'monitor');
    const show = await cli([
      'incidents',
      'show',
      incidentId,
      '--db',
      path,
      '--user',
      email,
      '--password',
      `password for ${email}`,
      '--json',
    ]);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ narrative: null, harmTypes: ['killing', 'injury'] });
    const release = await cli(['export', 'public', '--db', path, '--k', '3', '--format', 'json']);
    expect(release.code, release.stderr).toBe(0);
    const bytes = readFileSync(path);
    for (const text of ['narrative audit', 'name-one audit', 'testimony audit'])
      expect(bytes.includes(Buffer.from(text))).toBe(false);
  });
});

function emailOf(path: string, role: string): string {
  const db = new BetterSqlite3(path, { readonly: true });
  const row = db.prepare('SELECT email FROM users WHERE role = ?').get(role) as { email: string };
  db.close();
  return row.email;
}
