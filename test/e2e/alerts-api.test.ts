import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import { verifyWebhook } from '../../src/services/notify-webhook.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { loadAlertGazetteer } from '../support/alert-fixtures.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.ts';

const HOOK_SECRET = 'webhook secret of the coordination cell';
const SENDER = '+22376543210';
const SECRET_TEXTS = [
  'ALERTE Ménaka attaque 5 morts, Moussa Ag Ahmed a vu',
  'je suis a cote du puits, appelez Fatoumata',
];

/** Both gateway formats through HTTP, then the alert loop, signed webhooks with a retry, e-mail to the sink. */
describe.each(DIALECTS)('alerts and community SMS over HTTP on $name', ({ create, name }) => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-alerts-e2e-'));
  let vigie: Vigie;
  let app: FastifyInstance;
  let hooks: Server;
  let sink: SmtpSink;
  const received: Array<{ headers: IncomingHttpHeaders; raw: string; answered: number }> = [];
  let monitor: { token: string; userId: string };
  let analyst: { token: string };

  beforeAll(async () => {
    database = await create();
    let calls = 0;
    hooks = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        calls += 1;
        const answered = calls === 1 ? 500 : 200; // the first delivery fails once, then succeeds on retry
        received.push({ headers: req.headers, raw, answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
    sink = await startSmtpSink();
    const [flag, target] = database.cliArgs;
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
      keyFile: join(dir, 'vigie.key'),
      alerts: {
        notify: {
          webhooks: [
            { url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/vigie`, secret: HOOK_SECRET },
          ],
          smtp: {
            host: '127.0.0.1',
            port: sink.port,
            secure: false,
            from: 'alertes@vigie.example',
            to: ['veille@ong.example'],
          },
          baseUrl: 'https://vigie.example',
          backoffMs: [30, 60, 120],
        },
        sms: {
          secrets: { rapidpro: 'rapidpro shared secret', africastalking: 'at shared secret' },
          organisation: null,
        },
      },
    });
    await loadAlertGazetteer(vigie, dir);
    app = await buildHttpApp(vigie);
    monitor = await userWithToken(vigie, 'monitor');
    analyst = await userWithToken(vigie, 'analyst');
  });
  afterAll(async () => {
    await app.close();
    await vigie.close();
    hooks.close();
    await sink.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const atForm = (id: string, text: string) =>
    new URLSearchParams({
      from: SENDER,
      to: '36001',
      text,
      id,
      date: '2026-03-01 08:00:00',
      linkId: 'SampleLinkId123',
    }).toString();

  it("takes Africa's Talking callbacks with the shared secret, once per message id, answering in French", async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const url = '/api/v1/sms/africastalking';
    expect(
      (await app.inject({ method: 'POST', url, headers: form, payload: atForm('ATXid_1', SECRET_TEXTS[0]!) }))
        .statusCode,
    ).toBe(401);
    const bad = await app.inject({
      method: 'POST',
      url: `${url}?secret=nope`,
      headers: form,
      payload: atForm('ATXid_1', SECRET_TEXTS[0]!),
    });
    expect(bad.statusCode).toBe(401);
    const first = await app.inject({
      method: 'POST',
      url: `${url}?secret=${encodeURIComponent('at shared secret')}`,
      headers: form,
      payload: atForm('ATXid_1', SECRET_TEXTS[0]!),
    });
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/plain/);
    expect(first.body).toMatch(/^vigie : alerte ALR-\d{4}-\d{6} reçue\. Merci/);
    const again = await app.inject({
      method: 'POST',
      url,
      headers: { ...form, 'x-vigie-sms-secret': 'at shared secret' },
      payload: atForm('ATXid_1', SECRET_TEXTS[0]!),
    });
    expect(again.body).toBe(first.body);
    const list = await app.inject({ method: 'GET', url: '/api/v1/alerts', headers: as(monitor.token) });
    expect(list.json<{ alerts: unknown[] }>().alerts).toHaveLength(1);
    expect(list.json<{ alerts: unknown[] }>().alerts[0]).toMatchObject({
      source: 'sms',
      harm: 'killing',
      peopleCount: 5,
      severity: 'critical',
      area: { placeCode: 'ML070401', admin2Pcode: 'ML0704' },
    });
  });

  it('takes RapidPro webhook calls (JSON), and queues what does not parse for triage', async () => {
    const body = (uuid: string, text: string) => ({
      contact: { uuid: '3a3b4f2e-0000-4000-8000-000000000001', name: 'Point focal', urn: `tel:${SENDER}` },
      flow: { uuid: 'f0000000-0000-4000-8000-000000000000', name: 'Alerte communautaire' },
      run: { uuid: 'a0000000-0000-4000-8000-000000000000', created_on: '2026-03-01T08:00:00Z' },
      input: { uuid, type: 'msg', urn: `tel:${SENDER}`, text, attachments: [] },
      results: {},
      path: [],
    });
    const url = '/api/v1/sms/rapidpro';
    const headers = { 'x-vigie-sms-secret': 'rapidpro shared secret' };
    expect((await app.inject({ method: 'POST', url, payload: body('b1', 'x') })).statusCode).toBe(401);
    const triage = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: body('b0000000-0000-4000-8000-000000000001', SECRET_TEXTS[1]!),
    });
    expect(triage.json()).toEqual({
      status: 'triage',
      duplicate: false,
      reference: null,
      message: expect.stringMatching(/^vigie : message reçu, il sera examiné/),
    });
    const ambiguous = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: body('b0000000-0000-4000-8000-000000000002', 'alerte bamba attaque'),
    });
    expect(ambiguous.json<{ message: string }>().message).toMatch(/Plusieurs lieux/);
    const queue = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts/triage',
      headers: as(monitor.token),
    });
    expect(queue.statusCode).toBe(200);
    const messages = queue.json<{ messages: Array<{ id: string; text: string; sender: string }> }>().messages;
    expect(messages.map((m) => m.text)).toContain(SECRET_TEXTS[1]);
    expect(JSON.stringify(messages)).not.toContain(SENDER);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/alerts/triage', headers: as(analyst.token) }))
        .statusCode,
    ).toBe(403);
    const dismissed = await app.inject({
      method: 'POST',
      url: `/api/v1/alerts/triage/${messages[0]!.id}`,
      headers: as(monitor.token),
      payload: { action: 'dismiss' },
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed' });
  });

  it('moves an alert through the loop over HTTP and shows its timeline and timings', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts',
      headers: as(analyst.token),
      payload: {
        area: { pcode: 'ML0501', name: 'Bandiagara' },
        severity: 'medium',
        requiredResponse: 'Contacter le chef de village',
      },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ alert: { id: string } }>().alert.id;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/alerts/${id}/acknowledge`,
          headers: as(analyst.token),
        })
      ).statusCode,
    ).toBe(403);
    for (const action of ['acknowledge', 'respond'])
      expect(
        (
          await app.inject({
            method: 'POST',
            url: `/api/v1/alerts/${id}/${action}`,
            headers: as(monitor.token),
          })
        ).statusCode,
      ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/alerts/${id}/close`,
          headers: as(monitor.token),
          payload: { outcome: 'maybe' },
        })
      ).statusCode,
    ).toBe(400);
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/alerts/${id}/close`,
      headers: as(monitor.token),
      payload: { outcome: 'referred' },
    });
    expect(closed.json()).toMatchObject({ state: 'closed', outcome: 'referred', ownerId: monitor.userId });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/alerts/${id}/acknowledge`,
          headers: as(monitor.token),
        })
      ).statusCode,
    ).toBe(409);
    const detail = (
      await app.inject({ method: 'GET', url: `/api/v1/alerts/${id}`, headers: as(monitor.token) })
    ).json<{ timeline: Array<{ state: string }>; timings: { toAcknowledge: number } }>();
    expect(detail.timeline.map((s) => s.state)).toEqual(['open', 'acknowledged', 'responding', 'closed']);
    expect(detail.timings.toAcknowledge).toBeGreaterThanOrEqual(0);
    const metrics = await app.inject({
      method: 'GET',
      url: '/api/v1/alerts/metrics',
      headers: as(monitor.token),
    });
    expect(metrics.json()).toMatchObject({ alerts: 2, acknowledged: 1, responded: 1 });
  });

  it('notifies by signed webhook (retried after a failure) and by e-mail, with no protected text', async () => {
    // Events so far: SMS alert created; manual alert created, acknowledged, responding, closed = 5 per channel.
    await vi.waitFor(() => expect(received.filter((r) => r.answered === 200)).toHaveLength(5), {
      timeout: 10_000,
      interval: 20,
    });
    await vi.waitFor(() => expect(sink.messages).toHaveLength(5), { timeout: 10_000, interval: 20 });
    expect(received).toHaveLength(6);
    const now = Math.floor(Date.now() / 1000);
    for (const r of received) {
      const check = verifyWebhook(
        HOOK_SECRET,
        r.raw,
        {
          signature: r.headers['x-vigie-signature'] as string,
          timestamp: r.headers['x-vigie-timestamp'] as string,
        },
        now,
      );
      expect(check).toBe('ok');
      expect(
        verifyWebhook(
          HOOK_SECRET,
          r.raw.replace('"severity"', '"Severity"'),
          {
            signature: r.headers['x-vigie-signature'] as string,
            timestamp: r.headers['x-vigie-timestamp'] as string,
          },
          now,
        ),
      ).toBe('mismatch');
    }
    const events = received
      .filter((r) => r.answered === 200)
      .map((r) => (JSON.parse(r.raw) as { event: string }).event);
    expect(events.sort()).toEqual([
      'alert.acknowledged',
      'alert.closed',
      'alert.created',
      'alert.created',
      'alert.responding',
    ]);
    const first = JSON.parse(received[0]!.raw) as { alert: Record<string, unknown> };
    expect(Object.keys(first.alert).sort()).toEqual([
      'area',
      'deadline',
      'id',
      'link',
      'reference',
      'severity',
      'state',
    ]);
    const everything = received.map((r) => r.raw).join('\n') + sink.messages.map((m) => m.data).join('\n');
    for (const secret of [SENDER, '76543210', ...SECRET_TEXTS, 'Moussa'])
      expect(everything).not.toContain(secret);
    expect(sink.messages[0]!.data).toMatch(/Lien \/ link : https:\/\/vigie\.example\/alerts\//);
    // The failed attempt and its retry are on record.
    const firstId = first.alert['id'] as string;
    const detail = (
      await app.inject({ method: 'GET', url: `/api/v1/alerts/${firstId}`, headers: as(monitor.token) })
    ).json<{
      deliveries: Array<{
        channel: string;
        event: string;
        status: string;
        attempts: Array<{ ok: boolean; status: number | null }>;
      }>;
    }>();
    const hook = detail.deliveries.find((d) => d.channel === 'webhook' && d.event === 'alert.created')!;
    expect(hook.status).toBe('delivered');
    expect(hook.attempts.map((a) => [a.ok, a.status])).toEqual([
      [false, 500],
      [true, 200],
    ]);
  });

  it.runIf(name === 'sqlite')(
    'leaves no sender number and no message text in clear in the SQLite file',
    async () => {
      await vigie.close();
      const [, path] = database.cliArgs;
      const bytes = Buffer.concat(
        [path!, `${path!}-wal`].filter((p) => existsSync(p)).map((p) => readFileSync(p)),
      );
      for (const secret of [
        SENDER,
        SENDER.slice(1),
        '76543210',
        ...SECRET_TEXTS,
        'Moussa Ag Ahmed',
        'Fatoumata',
        'ALERTE Bamba'.toLowerCase(),
      ]) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
        expect(bytes.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
      }
      vigie = await openVigie({ sqlitePath: path! }, { keyFile: join(dir, 'vigie.key') });
    },
  );
});
