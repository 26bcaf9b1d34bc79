import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { cli } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';

/** People and access end to end: the first admin from the CLI, sign-in, cookies, tokens, disabling, passwords. */
describe('accounts', () => {
  let database: TestDatabase;
  let db: string;
  let vigie: Vigie;
  let app: FastifyInstance;

  beforeAll(() => {
    database = sqliteDatabase();
    db = database.cliArgs[1]!;
  });
  afterAll(async () => {
    await app.close();
    await vigie.close();
    await database.drop();
  });

  it('creates the first admin from the command line, never with a default password', async () => {
    const none = await cli(['users', 'add', '--admin', '--email', 'admin@example.org', '--db', db], '');
    expect(none.code).toBe(2);
    const short = await cli(
      ['users', 'add', '--admin', '--email', 'admin@example.org', '--db', db],
      'short\n',
    );
    expect(short.code).toBe(2);
    const ok = await cli(
      [
        'users',
        'add',
        '--admin',
        '--email',
        'Admin@Example.org',
        '--organisation',
        'CNDH',
        '--db',
        db,
        '--json',
      ],
      'a long enough passphrase\n',
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      email: 'admin@example.org',
      role: 'admin',
      organisationName: 'CNDH',
    });
    const again = await cli([
      'users',
      'add',
      '--email',
      'admin@example.org',
      '--db',
      db,
      '--password',
      'another long passphrase',
    ]);
    expect(again.code).toBe(3);
    vigie = await openVigie({ sqlitePath: db });
    app = await buildHttpApp(vigie);
  });

  const signIn = async (email: string, password: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    return { res, cookie, csrf: res.statusCode === 200 ? (res.json().csrfToken as string) : '' };
  };

  it('signs in with a session cookie (HttpOnly, SameSite=Strict) and a CSRF token, and signs out', async () => {
    const { res, cookie, csrf } = await signIn('ADMIN@example.org', 'a long enough passphrase');
    expect(res.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(setCookie.find((c) => c.startsWith('vigie_session='))).toMatch(/HttpOnly; SameSite=Strict/);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user).toMatchObject({ email: 'admin@example.org', role: 'admin' });
    expect(me.body).not.toContain('password');
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { cookie } })).statusCode).toBe(
      401,
    );
    expect((await signIn('admin@example.org', 'wrong passphrase!!')).res.statusCode).toBe(401);
    expect((await signIn('nobody@example.org', 'wrong passphrase!!')).res.json().error.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('lets an admin add a user, whose read-only token reads but cannot write, and which they can revoke', async () => {
    const admin = await signIn('admin@example.org', 'a long enough passphrase');
    const added = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: {
        email: 'monitor@example.org',
        password: 'monitor passphrase',
        role: 'monitor',
        regions: ['ML05'],
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ role: 'monitor', regions: ['ML05'], organisationName: 'CNDH' });
    const monitor = await signIn('monitor@example.org', 'monitor passphrase');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: monitor.cookie, 'x-csrf-token': monitor.csrf },
      payload: { name: 'script' },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer })).statusCode).toBe(
      200,
    );
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: bearer,
      payload: {},
    });
    expect(write.statusCode).toBe(400); // validated first; a valid body is refused with 403, see the access matrix
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/auth/tokens',
          headers: bearer,
          payload: { name: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    const listed = (await app.inject({ method: 'GET', url: '/api/v1/auth/tokens', headers: bearer })).json()
      .tokens;
    expect(listed).toEqual([
      expect.objectContaining({ id, name: 'script', canWrite: false, revokedAt: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const revoke = await app.inject({
      method: 'POST',
      url: `/api/v1/auth/tokens/${id}/revoke`,
      headers: { cookie: monitor.cookie, 'x-csrf-token': monitor.csrf },
    });
    expect(revoke.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/incidents', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('disables a user at once (sessions end), and a password change ends every session', async () => {
    const admin = await signIn('admin@example.org', 'a long enough passphrase');
    const monitor = await signIn('monitor@example.org', 'monitor passphrase');
    const users = (
      await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie: admin.cookie } })
    ).json().users;
    const monitorId = users.find((u: { email: string }) => u.email === 'monitor@example.org').id;
    const self = users.find((u: { email: string }) => u.email === 'admin@example.org').id;
    const lockout = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${self}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { disabled: true },
    });
    expect(lockout.statusCode).toBe(409);
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${monitorId}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { disabled: true },
    });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { cookie: monitor.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await signIn('monitor@example.org', 'monitor passphrase')).res.statusCode).toBe(401);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { current: 'a long enough passphrase', next: 'a new long passphrase' },
    });
    expect(changed.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/stats', headers: { cookie: admin.cookie } }))
        .statusCode,
    ).toBe(401);
    expect((await signIn('admin@example.org', 'a new long passphrase')).res.statusCode).toBe(200);
    const list = await cli(['users', 'list', '--db', db, '--json']);
    expect(
      JSON.parse(list.stdout).map((u: { email: string; disabled: boolean }) => [u.email, u.disabled]),
    ).toEqual([
      ['admin@example.org', false],
      ['monitor@example.org', true],
    ]);
  });
});
