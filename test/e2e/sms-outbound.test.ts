import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { acknowledgement } from '../../src/http/routes/sms.ts';
import { openVigie } from '../../src/main.ts';
import { NO_NOTIFICATIONS } from '../../src/services/notify.ts';
import type { AlertsConfig } from '../../src/services/notify-config.ts';
import { acknowledgementText } from '../../src/services/sms-outbound.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { loadAlertGazetteer } from '../support/alert-fixtures.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { AT_ANSWERS, closedPort, startFakeAt, type FakeAt } from '../support/fake-africastalking.ts';

const SENDER = '+22376543210';
const AT_SECRET = 'at shared secret';
const API_KEY = 'atsk_e2e_key_0123456789';

/**
 * Africa's Talking does not send a callback's reply as an SMS: vigie acknowledges an AT sender through AT's SMS
 * API, here a local fake of it that records what it receives. Once per message; AT down never fails the webhook.
 * The acknowledgement leaves from the outbox after the webhook answered (`settle` waits for the worker); AT
 * hanging, retries and restarts are in sms-ack-outbox.test.ts.
 */
describe.each(DIALECTS)(
  "acknowledging Africa's Talking senders through its SMS API on $name",
  ({ create }) => {
    let database: TestDatabase;
    const dir = mkdtempSync(join(tmpdir(), 'vigie-sms-outbound-'));
    let vigie: Vigie;
    let app: FastifyInstance;
    let at: FakeAt;

    beforeAll(async () => {
      database = await create();
      at = await startFakeAt();
      const [flag, target] = database.cliArgs;
      const alerts: AlertsConfig = {
        notify: NO_NOTIFICATIONS,
        sms: {
          secrets: { rapidpro: 'rapidpro shared secret', africastalking: AT_SECRET },
          organisation: null,
          africastalkingApi: { username: 'vigie-ml', apiKey: API_KEY, sender: '36001', apiUrl: at.url },
        },
      };
      vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
        keyFile: join(dir, 'vigie.key'),
        alerts,
      });
      await loadAlertGazetteer(vigie, dir);
      await userWithToken(vigie, 'monitor'); // the organisation community messages belong to
      app = await buildHttpApp(vigie);
    });
    afterAll(async () => {
      await app.close();
      await vigie.close();
      await at.close().catch(() => undefined);
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const post = (id: string, text: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/sms/africastalking',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-vigie-sms-secret': AT_SECRET },
        payload: new URLSearchParams({
          from: SENDER,
          to: '36001',
          text,
          id,
          date: '2026-03-01 08:00:00',
          linkId: 'SampleLinkId123',
        }).toString(),
      });
    const settle = () => vigie.alerts.sendPendingAcknowledgements();
    const acknowledged = async () =>
      (await vigie.protection.audit.recent(200, null)).filter((e) => e.action === 'sms.acknowledge');

    it('sends exactly one acknowledgement, the webhook’s own French text, to the sender', async () => {
      const first = await post('ATXid_out_1', 'ALERTE Ménaka attaque 5 morts');
      expect(first.statusCode).toBe(200);
      expect(first.body).toMatch(/^vigie : alerte ALR-\d{4}-\d{6} reçue\. Merci/);
      await settle();
      expect(at.requests).toHaveLength(1);
      const sent = at.requests[0]!;
      expect(sent.method).toBe('POST');
      expect(sent.path).toBe('/version1/messaging');
      expect(sent.headers['apikey']).toBe(API_KEY);
      expect(sent.headers['accept']).toBe('application/json');
      expect(sent.form).toEqual({ username: 'vigie-ml', to: SENDER, message: first.body, from: '36001' });

      const [entry] = await acknowledged();
      expect(entry).toMatchObject({
        targetType: 'sms',
        details: {
          gateway: 'africastalking',
          ok: true,
          httpStatus: 201,
          status: 'Success',
          statusCode: 101,
          messageId: 'ATXid_a17e9593364ab4fc8d9726e41c5b21a7',
          error: null,
          attempt: 1,
          next: 'sent',
        },
      });
      // The number is in no audit entry (it is stored sealed only).
      const all = JSON.stringify(await vigie.protection.audit.recent(200, null));
      expect(all).not.toContain('76543210');
    });

    it('does not acknowledge a repeated delivery a second time', async () => {
      const again = await post('ATXid_out_1', 'ALERTE Ménaka attaque 5 morts');
      expect(again.statusCode).toBe(200);
      expect(again.body).toMatch(/^vigie : alerte ALR-/);
      await settle();
      expect(at.requests).toHaveLength(1);
      expect(await acknowledged()).toHaveLength(1);
    });

    it('sends nothing to AT for RapidPro, whose flow sends the reply', async () => {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/sms/rapidpro',
        headers: { 'x-vigie-sms-secret': 'rapidpro shared secret' },
        payload: {
          contact: { uuid: '3a3b4f2e-0000-4000-8000-000000000001', urn: `tel:${SENDER}` },
          input: { uuid: 'b0000000-0000-4000-8000-00000000000a', urn: `tel:${SENDER}`, text: 'bonjour' },
        },
      });
      expect(r.statusCode).toBe(200);
      await settle();
      expect(at.requests).toHaveLength(1);
    });

    it('records a refused recipient (403 InvalidPhoneNumber) and still answers 200', async () => {
      at.answer = AT_ANSWERS.invalidPhoneNumber;
      const r = await post('ATXid_out_2', 'je ne sais pas quoi ecrire');
      expect(r.statusCode).toBe(200);
      expect(r.body).toMatch(/^vigie : message reçu, il sera examiné/);
      await settle();
      expect(at.requests).toHaveLength(2);
      expect(at.requests[1]!.form['message']).toBe(r.body);
      expect((await acknowledged())[0]!.details).toMatchObject({
        ok: false,
        status: 'InvalidPhoneNumber',
        statusCode: 403,
        messageId: null,
        error: 'recipient:403',
        next: 'failed', // a refused number is not retried
      });
      at.answer = AT_ANSWERS.sent;
    });

    it('sends the text the webhook answers with, for alerts, triage and ambiguous places', () => {
      for (const r of [
        { outcome: 'alert' as const, reference: 'ALR-2026-000001', reasons: [] },
        { outcome: 'triage' as const, reference: null, reasons: ['no-place'] },
        { outcome: 'triage' as const, reference: null, reasons: ['ambiguous-place'] },
      ])
        expect(acknowledgementText(r)).toBe(
          acknowledgement({ ...r, messageId: 'x', duplicate: false, acknowledgement: 'queued' }),
        );
    });
  },
);

/** A vigie on a fresh SQLite database with the given AT API configuration, the gazetteer and an organisation. */
async function standalone(africastalkingApi: AlertsConfig['sms']['africastalkingApi']) {
  const database = await DIALECTS[0]!.create();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-sms-outbound-alone-'));
  const vigie = await openVigie(
    { sqlitePath: database.cliArgs[1]! },
    {
      keyFile: join(dir, 'vigie.key'),
      alerts: {
        notify: NO_NOTIFICATIONS,
        sms: {
          secrets: { rapidpro: null, africastalking: AT_SECRET },
          organisation: null,
          africastalkingApi,
        },
      },
    },
  );
  await loadAlertGazetteer(vigie, dir);
  await userWithToken(vigie, 'monitor');
  return {
    vigie,
    close: async () => {
      await vigie.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("Africa's Talking API unreachable or not configured", () => {
  it('stores the message and answers 200 when AT is down (connection refused)', async () => {
    const { vigie, close } = await standalone({
      username: 'vigie-ml',
      apiKey: API_KEY,
      sender: null,
      apiUrl: `http://127.0.0.1:${await closedPort()}/version1/messaging`,
    });
    const app = await buildHttpApp(vigie);
    try {
      const post = () =>
        app.inject({
          method: 'POST',
          url: '/api/v1/sms/africastalking',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-vigie-sms-secret': AT_SECRET },
          payload: new URLSearchParams({
            from: SENDER,
            to: '36001',
            text: 'ALERTE Tessit attaque 2',
            id: 'ATXid_down',
          }).toString(),
        });
      const r = await post();
      expect(r.statusCode).toBe(200);
      expect(r.body).toMatch(/^vigie : alerte ALR-/);
      await vigie.alerts.sendPendingAcknowledgements();
      const acks = (await vigie.protection.audit.recent(50, null)).filter(
        (e) => e.action === 'sms.acknowledge',
      );
      expect(acks).toHaveLength(1);
      expect(acks[0]!.details).toMatchObject({
        ok: false,
        httpStatus: null,
        error: 'network:ECONNREFUSED',
        next: 'retry', // later, with backoff (sms-ack-outbox.test.ts)
      });
      const receive = (await vigie.protection.audit.recent(50, acks[0]!.targetId)).find(
        (e) => e.action === 'sms.receive',
      );
      expect(receive?.details).toMatchObject({ gateway: 'africastalking', acknowledgement: 'gateway-api' });
      // Stored: a redelivery is the same message, answered as the first was, with no second attempt.
      const again = await post();
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(r.body);
      await vigie.alerts.sendPendingAcknowledgements();
      const list = (await vigie.protection.audit.recent(50, null)).filter(
        (e) => e.action === 'sms.acknowledge',
      );
      expect(list).toHaveLength(1);
    } finally {
      await app.close();
      await close();
    }
  });

  it('stores and answers as before without credentials, and says the acknowledgement was not sent', async () => {
    const { vigie, close } = await standalone(null);
    try {
      const receipt = await vigie.alerts.receiveSms(
        {
          gateway: 'africastalking',
          gatewayId: 'ATXid_off_1',
          sender: SENDER,
          text: 'ALERTE Ménaka attaque',
        },
        AT_SECRET,
      );
      expect(receipt).toMatchObject({ outcome: 'alert', acknowledgement: 'not-configured' });
      const entry = (await vigie.protection.audit.recent(50, receipt.messageId)).find(
        (e) => e.action === 'sms.receive',
      );
      expect(entry?.details).toMatchObject({ acknowledgement: 'not-configured' });
      expect(
        (await vigie.protection.audit.recent(50, null)).some((e) => e.action === 'sms.acknowledge'),
      ).toBe(false);
    } finally {
      await close();
    }
  });
});
