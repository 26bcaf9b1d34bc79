import { VigieError } from '../core/errors.ts';
import { DEFAULT_BACKOFF_MS, type NotifyConfig } from './notify.ts';
import type { SmtpConfig } from './notify-smtp.ts';
import { AT_LIVE_URL, type AtSmsConfig } from './sms-outbound.ts';
import type { AckOutboxConfig } from './sms-acks.ts';
import type { WebhookEndpoint } from './notify-webhook.ts';

/** Alerts' configuration: notification endpoints and the SMS gateways' shared secrets. */
export interface AlertsConfig {
  notify: NotifyConfig;
  sms: {
    /** Shared secret of each gateway; a gateway without one is refused (503-like UNAUTHENTICATED). */
    secrets: { rapidpro: string | null; africastalking: string | null };
    /** The organisation community messages belong to (by name); default: the only one. */
    organisation: string | null;
    /** Africa's Talking SMS API, to acknowledge AT senders (AT does not send a callback's reply); null: none. */
    africastalkingApi?: AtSmsConfig | null;
    /** Retries of the acknowledgement outbox (default services/sms-acks.ts `DEFAULT_ACK_BACKOFF_MS`). */
    acknowledgements?: AckOutboxConfig;
  };
}

/**
 * Reads the configuration from the environment (main.ts passes process.env):
 * - `VIGIE_ALERT_WEBHOOKS`: JSON `[{"url": "https://…", "secret": "…"}]`;
 * - `VIGIE_SMTP_URL`: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`;
 *   `VIGIE_SMTP_FROM`, `VIGIE_ALERT_EMAILS` (comma-separated recipients);
 * - `VIGIE_PUBLIC_URL`: the base of links in notifications;
 * - `VIGIE_SMS_SECRET_RAPIDPRO`, `VIGIE_SMS_SECRET_AT` (or `VIGIE_SMS_SECRET` for both), `VIGIE_SMS_ORGANISATION`;
 * - `VIGIE_AT_USERNAME`, `VIGIE_AT_API_KEY` (both or neither), optional `VIGIE_AT_SENDER` (short code or sender
 *   id) and `VIGIE_AT_API_URL` (default the live `https://api.africastalking.com/version1/messaging`; the sandbox
 *   is `https://api.sandbox.africastalking.com/version1/messaging`): the acknowledgement to an Africa's Talking
 *   sender goes out through AT's SMS API; without them it is not sent (the receipt and the audit say so).
 */
export function alertsConfigFromEnv(env: Record<string, string | undefined>): AlertsConfig {
  const bad = (variable: string, reason: string) =>
    new VigieError('BAD_USAGE', { reason: `${variable}: ${reason}` });
  let webhooks: WebhookEndpoint[] = [];
  const rawHooks = env['VIGIE_ALERT_WEBHOOKS'];
  if (rawHooks) {
    try {
      webhooks = (JSON.parse(rawHooks) as Array<{ url?: unknown; secret?: unknown }>).map((w) => {
        if (typeof w.url !== 'string' || typeof w.secret !== 'string' || w.secret.length < 16)
          throw new Error();
        return { url: new URL(w.url).toString(), secret: w.secret };
      });
    } catch {
      throw bad('VIGIE_ALERT_WEBHOOKS', 'JSON list of {url, secret} (secret of 16+ characters)');
    }
  }
  let smtp: SmtpConfig | null = null;
  const rawSmtp = env['VIGIE_SMTP_URL'];
  if (rawSmtp) {
    let url: URL;
    try {
      url = new URL(rawSmtp);
    } catch {
      throw bad('VIGIE_SMTP_URL', 'smtp://user:password@host:port');
    }
    const secure = url.protocol === 'smtps:';
    const to = (env['VIGIE_ALERT_EMAILS'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (to.length === 0) throw bad('VIGIE_ALERT_EMAILS', 'at least one recipient');
    smtp = {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
        : {}),
      from: env['VIGIE_SMTP_FROM'] ?? 'vigie@localhost',
      to,
    };
  }
  const shared = env['VIGIE_SMS_SECRET'] || null;
  const atUser = env['VIGIE_AT_USERNAME'] || null;
  const atKey = env['VIGIE_AT_API_KEY'] || null;
  let africastalkingApi: AtSmsConfig | null = null;
  if (atUser || atKey) {
    if (!atUser || !atKey)
      throw bad(atUser ? 'VIGIE_AT_API_KEY' : 'VIGIE_AT_USERNAME', 'set both or neither');
    const rawUrl = env['VIGIE_AT_API_URL'] || AT_LIVE_URL;
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw bad('VIGIE_AT_API_URL', 'https://…/version1/messaging');
    }
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    // The API key travels in a header: never in clear text beyond the local machine.
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
      throw bad('VIGIE_AT_API_URL', 'https:// (http:// only to the local machine)');
    africastalkingApi = {
      username: atUser,
      apiKey: atKey,
      sender: env['VIGIE_AT_SENDER'] || null,
      apiUrl: url.toString(),
    };
  }
  return {
    notify: {
      webhooks,
      smtp,
      baseUrl: env['VIGIE_PUBLIC_URL'] ?? 'http://127.0.0.1:8080',
      backoffMs: DEFAULT_BACKOFF_MS,
    },
    sms: {
      secrets: {
        rapidpro: env['VIGIE_SMS_SECRET_RAPIDPRO'] || shared,
        africastalking: env['VIGIE_SMS_SECRET_AT'] || shared,
      },
      organisation: env['VIGIE_SMS_ORGANISATION'] || null,
      africastalkingApi,
    },
  };
}
