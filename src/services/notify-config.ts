import { VigieError } from '../core/errors.ts';
import { DEFAULT_BACKOFF_MS, type NotifyConfig } from './notify.ts';
import type { SmtpConfig } from './notify-smtp.ts';
import type { WebhookEndpoint } from './notify-webhook.ts';

/** Alerts' configuration: notification endpoints and the SMS gateways' shared secrets. */
export interface AlertsConfig {
  notify: NotifyConfig;
  sms: {
    /** Shared secret of each gateway; a gateway without one is refused (503-like UNAUTHENTICATED). */
    secrets: { rapidpro: string | null; africastalking: string | null };
    /** The organisation community messages belong to (by name); default: the only one. */
    organisation: string | null;
  };
}

/**
 * Reads the configuration from the environment (main.ts passes process.env):
 * - `VIGIE_ALERT_WEBHOOKS`: JSON `[{"url": "https://…", "secret": "…"}]`;
 * - `VIGIE_SMTP_URL`: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`;
 *   `VIGIE_SMTP_FROM`, `VIGIE_ALERT_EMAILS` (comma-separated recipients);
 * - `VIGIE_PUBLIC_URL`: the base of links in notifications;
 * - `VIGIE_SMS_SECRET_RAPIDPRO`, `VIGIE_SMS_SECRET_AT` (or `VIGIE_SMS_SECRET` for both), `VIGIE_SMS_ORGANISATION`.
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
    },
  };
}
