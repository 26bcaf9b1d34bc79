import { describe, expect, it } from 'vitest';
import { alertsConfigFromEnv } from './notify-config.ts';

describe('alerts configuration from the environment', () => {
  it('reads webhooks, SMTP, links and the gateways’ secrets', () => {
    const c = alertsConfigFromEnv({
      VIGIE_ALERT_WEBHOOKS: '[{"url":"https://cell.example/hook","secret":"0123456789abcdef"}]',
      VIGIE_SMTP_URL: 'smtp://relay%40ong:p%C3%A4ss@mail.ong.example:587',
      VIGIE_SMTP_FROM: 'vigie <alertes@ong.example>',
      VIGIE_ALERT_EMAILS: 'veille@ong.example, chef@ong.example',
      VIGIE_PUBLIC_URL: 'https://vigie.ong.example',
      VIGIE_SMS_SECRET: 'shared',
      VIGIE_SMS_SECRET_AT: 'at only',
    });
    expect(c.notify.webhooks).toEqual([{ url: 'https://cell.example/hook', secret: '0123456789abcdef' }]);
    expect(c.notify.smtp).toMatchObject({
      host: 'mail.ong.example',
      port: 587,
      secure: false,
      user: 'relay@ong',
      password: 'päss',
      to: ['veille@ong.example', 'chef@ong.example'],
    });
    expect(c.notify.baseUrl).toBe('https://vigie.ong.example');
    expect(c.sms.secrets).toEqual({ rapidpro: 'shared', africastalking: 'at only' });
  });
  it('has nothing configured by default, and refuses weak or malformed settings', () => {
    const c = alertsConfigFromEnv({});
    expect(c.notify.webhooks).toEqual([]);
    expect(c.notify.smtp).toBeNull();
    expect(c.sms.secrets).toEqual({ rapidpro: null, africastalking: null });
    expect(() =>
      alertsConfigFromEnv({ VIGIE_ALERT_WEBHOOKS: '[{"url":"https://x","secret":"short"}]' }),
    ).toThrow(/BAD_USAGE/);
    expect(() => alertsConfigFromEnv({ VIGIE_SMTP_URL: 'smtps://h' })).toThrow(/BAD_USAGE/);
  });
});
