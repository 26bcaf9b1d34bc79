import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT_ANSWERS, closedPort, startFakeAt, type FakeAt } from '../../test/support/fake-africastalking.ts';
import { alertsConfigFromEnv } from './notify-config.ts';
import { africasTalkingSender, AT_LIVE_URL, parseAtResponse } from './sms-outbound.ts';

describe("Africa's Talking SMS client against a local fake of its API", () => {
  let at: FakeAt;
  beforeAll(async () => {
    at = await startFakeAt();
  });
  afterAll(() => at.close());

  const config = () => ({ username: 'vigie-ml', apiKey: 'atsk_test_key', sender: '36001', apiUrl: at.url });

  it('posts the documented form with apiKey and Accept: application/json, and reads a success', async () => {
    at.requests.length = 0;
    at.answer = AT_ANSWERS.sent;
    const outcome = await africasTalkingSender(config()).send('+22376543210', 'vigie : alerte reçue é');
    expect(at.requests).toHaveLength(1);
    const r = at.requests[0]!;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/version1/messaging');
    expect(r.headers['apikey']).toBe('atsk_test_key');
    expect(r.headers['accept']).toBe('application/json');
    expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(r.form).toEqual({
      username: 'vigie-ml',
      to: '+22376543210',
      message: 'vigie : alerte reçue é',
      from: '36001',
    });
    expect(outcome).toEqual({
      ok: true,
      httpStatus: 201,
      status: 'Success',
      statusCode: 101,
      messageId: 'ATXid_a17e9593364ab4fc8d9726e41c5b21a7',
      cost: 'KES 0.8000',
      error: null,
    });
  });

  it('leaves `from` out without a sender id', async () => {
    at.requests.length = 0;
    await africasTalkingSender({ ...config(), sender: null }).send('+22376543210', 'x');
    expect(Object.keys(at.requests[0]!.form).sort()).toEqual(['message', 'to', 'username']);
  });

  it('reads a refused recipient (403 InvalidPhoneNumber, messageId "None")', async () => {
    at.answer = AT_ANSWERS.invalidPhoneNumber;
    expect(await africasTalkingSender(config()).send('+2237654', 'x')).toEqual({
      ok: false,
      httpStatus: 201,
      status: 'InvalidPhoneNumber',
      statusCode: 403,
      messageId: null,
      cost: '0',
      error: 'recipient:403',
    });
  });

  it('reads the summary-only answer', async () => {
    at.answer = AT_ANSWERS.noRecipient;
    expect(await africasTalkingSender(config()).send('0', 'x')).toMatchObject({
      ok: false,
      status: 'InvalidPhoneNumber',
      statusCode: null,
      error: 'response:no-recipient',
    });
  });

  it('reports a bad API key (401, plain text) without keeping the body', async () => {
    at.answer = AT_ANSWERS.unauthorized;
    expect(await africasTalkingSender(config()).send('+22376543210', 'x')).toEqual({
      ok: false,
      httpStatus: 401,
      status: null,
      statusCode: null,
      messageId: null,
      cost: null,
      error: 'http:401',
    });
  });

  it('reports a refused connection and a timeout by their class, never rejecting', async () => {
    const down = `http://127.0.0.1:${await closedPort()}/version1/messaging`;
    expect(await africasTalkingSender({ ...config(), apiUrl: down }).send('+22376543210', 'x')).toMatchObject(
      {
        ok: false,
        httpStatus: null,
        error: 'network:ECONNREFUSED',
      },
    );
    const { createServer } = await import('node:http');
    const silent = createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const outcome = await africasTalkingSender({
      ...config(),
      apiUrl: `http://127.0.0.1:${port}/version1/messaging`,
      timeoutMs: 200,
    }).send('+22376543210', 'x');
    silent.closeAllConnections();
    silent.close();
    expect(outcome).toMatchObject({ ok: false, error: 'timeout' });
  });

  it('does not take a 2xx without AT’s shape for a success', () => {
    expect(parseAtResponse(201, { nope: 1 })).toMatchObject({ ok: false, error: 'response:unexpected' });
    expect(parseAtResponse(500, JSON.parse(AT_ANSWERS.sent.body))).toMatchObject({ ok: false });
  });
});

describe('AT API configuration from the environment', () => {
  it('is off without credentials, live by default, and refuses half a configuration or clear text', () => {
    expect(alertsConfigFromEnv({}).sms.africastalkingApi).toBeNull();
    expect(
      alertsConfigFromEnv({ VIGIE_AT_USERNAME: 'vigie-ml', VIGIE_AT_API_KEY: 'k', VIGIE_AT_SENDER: '36001' })
        .sms.africastalkingApi,
    ).toEqual({ username: 'vigie-ml', apiKey: 'k', sender: '36001', apiUrl: AT_LIVE_URL });
    expect(
      alertsConfigFromEnv({
        VIGIE_AT_USERNAME: 'sandbox',
        VIGIE_AT_API_KEY: 'k',
        VIGIE_AT_API_URL: 'http://127.0.0.1:9/version1/messaging',
      }).sms.africastalkingApi?.apiUrl,
    ).toBe('http://127.0.0.1:9/version1/messaging');
    expect(() => alertsConfigFromEnv({ VIGIE_AT_USERNAME: 'vigie-ml' })).toThrow(/VIGIE_AT_API_KEY/);
    expect(() =>
      alertsConfigFromEnv({
        VIGIE_AT_USERNAME: 'u',
        VIGIE_AT_API_KEY: 'k',
        VIGIE_AT_API_URL: 'http://api.africastalking.com/version1/messaging',
      }),
    ).toThrow(/VIGIE_AT_API_URL/);
  });
});
