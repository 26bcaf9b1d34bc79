import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { postWebhook, signWebhook, verifyWebhook } from './notify-webhook.ts';

const secret = 'a shared secret of the endpoint';
const body = '{"event":"alert.created","alert":{"id":"1","severity":"high"}}';
const ts = 1_780_000_000;

describe('webhook signatures', () => {
  it('match a vector computed by hand: HMAC-SHA-256 of "<timestamp>.<body>"', () => {
    const byHand = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(signWebhook(secret, ts, body)).toBe(`sha256=${byHand}`);
    // A fixed vector, so a change of the scheme cannot pass by changing both sides.
    expect(signWebhook('key', 1, 'x')).toBe(
      `sha256=${createHmac('sha256', 'key').update('1.x').digest('hex')}`,
    );
  });

  it('verify, and reject a tampered body, another secret, a moved timestamp, an old delivery', () => {
    const signature = signWebhook(secret, ts, body);
    const headers = { signature, timestamp: String(ts) };
    expect(verifyWebhook(secret, body, headers, ts + 10)).toBe('ok');
    expect(verifyWebhook(secret, body.replace('high', 'low'), headers, ts)).toBe('mismatch');
    expect(verifyWebhook('another secret', body, headers, ts)).toBe('mismatch');
    expect(verifyWebhook(secret, body, { signature, timestamp: String(ts + 60) }, ts + 60)).toBe('mismatch');
    expect(verifyWebhook(secret, body, headers, ts + 301)).toBe('stale');
    expect(verifyWebhook(secret, body, headers, ts - 301)).toBe('stale');
    expect(verifyWebhook(secret, body, { signature: undefined, timestamp: String(ts) }, ts)).toBe('missing');
    expect(verifyWebhook(secret, body, { signature: 'sha1=abc', timestamp: String(ts) }, ts)).toBe(
      'malformed',
    );
  });

  it('are sent with the raw body and the timestamp header', async () => {
    let seen: { headers: Record<string, string | string[] | undefined>; raw: string } | null = null;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        seen = { headers: req.headers, raw };
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      expect(await postWebhook({ url: `http://127.0.0.1:${port}/hook`, secret }, body, ts)).toBe(204);
    } finally {
      server.close();
    }
    const got = seen as unknown as { headers: Record<string, string>; raw: string };
    expect(got.raw).toBe(body);
    expect(got.headers['x-vigie-timestamp']).toBe(String(ts));
    expect(
      verifyWebhook(
        secret,
        got.raw,
        { signature: got.headers['x-vigie-signature'], timestamp: got.headers['x-vigie-timestamp'] },
        ts,
      ),
    ).toBe('ok');
  });
});
