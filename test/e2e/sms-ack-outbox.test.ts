import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import { NO_NOTIFICATIONS } from '../../src/services/notify.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { loadAlertGazetteer } from '../support/alert-fixtures.ts';
import { cliProcess } from '../support/cli.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { startFakeAt, type FakeAt } from '../support/fake-africastalking.ts';
import { userWithToken } from '../support/http.ts';

const SENDER = '+22376540001';
const AT_SECRET = 'at shared secret';
const API_KEY = 'atsk_outbox_key_0123456789';

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The acknowledgement outbox (services/sms-acks.ts): the webhook answers at once whatever AT does, the worker
 * started with the server sends with retries, a redelivery never makes a second acknowledgement, a restart
 * resumes what was pending, `vigie sms send-pending` flushes it from cron, and admins see the counts.
 */
describe.each(DIALECTS)('the SMS acknowledgement outbox on $name', ({ create }) => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-sms-outbox-'));
  let at: FakeAt;
  let vigie: Vigie;
  let app: FastifyInstance;
  let adminToken: string;
  let monitorToken: string;

  /** A vigie and its server on the suite's database: the AT client times out after `timeoutMs`, retries 200 ms apart. */
  async function start(timeoutMs = 400): Promise<void> {
    const [flag, target] = database.cliArgs;
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
      keyFile: join(dir, 'vigie.key'),
      alerts: {
        notify: NO_NOTIFICATIONS,
        sms: {
          secrets: { rapidpro: null, africastalking: AT_SECRET },
          organisation: 'ngo',
          africastalkingApi: {
            username: 'vigie-ml',
            apiKey: API_KEY,
            sender: null,
            apiUrl: at.url,
            timeoutMs,
          },
          acknowledgements: { backoffMs: [200, 200, 200, 200, 200, 200, 200, 200], pollMs: 200 },
        },
      },
    });
    app = await buildHttpApp(vigie);
    await app.ready(); // the worker starts with the server
  }
  async function stop(): Promise<void> {
    await app.close();
    await vigie.close();
  }

  beforeAll(async () => {
    database = await create();
    at = await startFakeAt();
    await start();
    await loadAlertGazetteer(vigie, dir);
    adminToken = (await userWithToken(vigie, 'admin', { organisation: 'ngo' })).token;
    monitorToken = (await userWithToken(vigie, 'monitor', { organisation: 'ngo' })).token;
  });
  afterAll(async () => {
    await stop();
    await at.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async (id: string, text: string) => {
    const started = Date.now();
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sms/africastalking',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-vigie-sms-secret': AT_SECRET },
      payload: new URLSearchParams({ from: SENDER, to: '36001', text, id }).toString(),
    });
    return { response, ms: Date.now() - started };
  };
  const status = async (token = adminToken) =>
    app.inject({
      method: 'GET',
      url: '/api/v1/sms/acknowledgements',
      headers: { authorization: `Bearer ${token}` },
    });
  const counts = async () => (await status()).json<{ pending: number; sent: number; failed: number }>();
  const attemptsOf = async (messageId: string) =>
    (await vigie.protection.audit.recent(500, messageId)).filter((e) => e.action === 'sms.acknowledge');
  /** The webhook's answer does not name the stored message: the newest receipt in the audit chain is it. */
  const latestMessageId = async () => {
    const receive = (await vigie.protection.audit.recent(500, null)).find((e) => e.action === 'sms.receive');
    return receive!.targetId!;
  };

  it('answers well under a second while AT hangs, and acknowledges once AT answers again', async () => {
    at.hang = true;
    const first = await post('ATXid_hang_1', 'ALERTE Ménaka attaque 3 morts');
    expect(first.response.statusCode).toBe(200);
    expect(first.ms).toBeLessThan(1000);
    expect(first.response.body).toMatch(/^vigie : alerte ALR-\d{4}-\d{6} reçue/);
    const messageId = await latestMessageId();
    await waitFor('a hanging attempt', () => at.held.length >= 1);
    // A redelivery while AT hangs: answered at once, the same words, no second acknowledgement queued.
    const again = await post('ATXid_hang_1', 'ALERTE Ménaka attaque 3 morts');
    expect(again.ms).toBeLessThan(1000);
    expect(again.response.body).toBe(first.response.body);
    expect(await counts()).toMatchObject({ pending: 1, sent: 0, failed: 0 });
    await waitFor('a timed-out attempt', async () => (await attemptsOf(messageId)).length >= 1);

    at.hang = false;
    await waitFor('the acknowledgement', async () => (await counts()).sent === 1);
    expect(at.requests).toHaveLength(1);
    expect(at.requests[0]!.form).toEqual({ username: 'vigie-ml', to: SENDER, message: first.response.body });
    const attempts = (await attemptsOf(messageId)).reverse();
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.slice(0, -1).every((e) => e.details['error'] === 'timeout')).toBe(true);
    expect(attempts.slice(0, -1).every((e) => e.details['next'] === 'retry')).toBe(true);
    expect(attempts.at(-1)!.details).toMatchObject({ ok: true, statusCode: 101, next: 'sent' });
    expect(attempts.map((e) => e.details['attempt'])).toEqual(attempts.map((_, i) => i + 1));
    // Later deliveries of the same id change nothing.
    await post('ATXid_hang_1', 'ALERTE Ménaka attaque 3 morts');
    await vigie.alerts.sendPendingAcknowledgements();
    expect(at.requests).toHaveLength(1);
    expect(await counts()).toMatchObject({ pending: 0, sent: 1, failed: 0 });
    // Never the number in the audit chain.
    expect(JSON.stringify(await vigie.protection.audit.recent(500, null))).not.toContain('76540001');
  });

  it('resumes after a restart an acknowledgement cut short by the shutdown', async () => {
    await stop();
    await start(5000); // a send outlives the shutdown's grace of 1 s
    at.hang = true;
    const held = at.held.length;
    const { response } = await post('ATXid_restart_1', 'ALERTE Tessit attaque');
    expect(response.statusCode).toBe(200);
    const messageId = await latestMessageId();
    await waitFor('an attempt in flight', () => at.held.length > held);
    await stop(); // cuts the hanging send short: not an attempt, the row stays pending
    at.hang = false;
    await start();
    await waitFor('the resumed acknowledgement', async () => (await counts()).sent === 2);
    expect(at.requests).toHaveLength(2);
    expect(at.requests[1]!.form['message']).toBe(response.body);
    const attempts = await attemptsOf(messageId);
    expect(attempts.map((e) => e.details['next'])).toEqual(['sent']);
  });

  it('flushes the outbox from the command line (cron), once', async () => {
    // Left pending by a server stopped mid-send: the cron run sends it.
    at.hang = true;
    const held = at.held.length;
    await stop();
    await start(5000);
    await post('ATXid_cron_1', 'ALERTE Bamba attaque');
    await waitFor('an attempt in flight', () => at.held.length > held);
    await stop();
    at.hang = false;
    const env = {
      VIGIE_KEY_FILE: join(dir, 'vigie.key'),
      VIGIE_AT_USERNAME: 'vigie-ml',
      VIGIE_AT_API_KEY: API_KEY,
      VIGIE_AT_API_URL: at.url,
    };
    const run = await cliProcess(['sms', 'send-pending', ...database.cliArgs, '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      attempted: 1,
      sent: 1,
      totals: { pending: 0, sent: 3, failed: 0 },
    });
    expect(at.requests).toHaveLength(3);
    const text = await cliProcess(['sms', 'send-pending', ...database.cliArgs, '--lang', 'fr'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('0 tentatives');
    const unconfigured = await cliProcess(['sms', 'send-pending', ...database.cliArgs], {
      VIGIE_KEY_FILE: join(dir, 'vigie.key'),
    });
    expect(unconfigured.code).toBe(2);
    expect(unconfigured.stderr).toContain('VIGIE_AT_USERNAME');
    await start();
  }, 120_000);

  it('shows the counts to admins only', async () => {
    const r = await status();
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      configured: true,
      pending: 0,
      sent: 3,
      failed: 0,
      oldestPendingAt: null,
      nextAttemptAt: null,
    });
    expect((await status(monitorToken)).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/sms/acknowledgements' })).statusCode).toBe(401);
  });
});
