import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-vigie-signature';
export const TIMESTAMP_HEADER = 'x-vigie-timestamp';
/** A receiver should refuse a delivery signed longer ago than this (replays). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * The signature of a webhook delivery: HMAC-SHA-256 with the endpoint's secret over `<timestamp>.<raw body>`
 * (Unix seconds), sent as `X-Vigie-Signature: sha256=<hex>` beside `X-Vigie-Timestamp: <timestamp>`. The
 * timestamp is inside the signed material, so an old delivery cannot be replayed with a fresh timestamp.
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

export type SignatureCheck = 'ok' | 'missing' | 'malformed' | 'stale' | 'mismatch';

/** What a receiver runs (and vigie's own tests): constant-time comparison, bounded clock skew. */
export function verifyWebhook(
  secret: string,
  rawBody: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  nowSeconds: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!headers.signature || !headers.timestamp) return 'missing';
  if (!/^\d{1,12}$/.test(headers.timestamp) || !/^sha256=[0-9a-f]{64}$/.test(headers.signature))
    return 'malformed';
  const timestamp = Number(headers.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return 'stale';
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'ok' : 'mismatch';
}

export interface WebhookEndpoint {
  url: string;
  secret: string;
}

/** One POST of a signed JSON body; resolves with the HTTP status, rejects on network failure or timeout. */
export async function postWebhook(
  endpoint: WebhookEndpoint,
  rawBody: string,
  nowSeconds: number,
  timeoutMs = 10_000,
): Promise<number> {
  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'vigie-notify',
      [TIMESTAMP_HEADER]: String(nowSeconds),
      [SIGNATURE_HEADER]: signWebhook(endpoint.secret, nowSeconds, rawBody),
    },
    body: rawBody,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer().catch(() => undefined);
  return response.status;
}
