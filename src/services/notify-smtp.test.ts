import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../../test/support/smtp-sink.ts';
import { dotStuff, sendMail, type SmtpConfig } from './notify-smtp.ts';

const base = (port: number): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  secure: false,
  from: 'vigie <alertes@vigie.example>',
  to: ['protection@ong.example', 'veille@ong.example'],
});

describe('the SMTP client against the local sink', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-smtp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('dot-stuffs lines that start with a dot', () => {
    expect(dotStuff('a\n.b\n..c\nd.')).toBe('a\r\n..b\r\n...c\r\nd.');
  });

  it('sends one message to every recipient, with AUTH PLAIN, UTF-8 subject and dot-stuffed body', async () => {
    const sink = await startSmtpSink({ credentials: { user: 'relay', password: 'p@ss wörd' } });
    try {
      const text = 'Zone : Ménaka\n.\n.ligne qui commence par un point\nFin';
      await sendMail(
        { ...base(sink.port), user: 'relay', password: 'p@ss wörd' },
        { subject: 'Alerte — Ménaka', text },
        'id-1',
      );
      expect(sink.messages).toHaveLength(1);
      const m = sink.messages[0]!;
      expect(m.mailFrom).toBe('alertes@vigie.example');
      expect(m.rcptTo).toEqual(['protection@ong.example', 'veille@ong.example']);
      expect(m.auth).toEqual({ user: 'relay', password: 'p@ss wörd' });
      const [head, ...rest] = m.data.split('\r\n\r\n');
      expect(head).toContain(`Subject: =?UTF-8?B?${Buffer.from('Alerte — Ménaka').toString('base64')}?=`);
      expect(head).toContain('Message-ID: <id-1@vigie>');
      expect(rest.join('\r\n\r\n')).toBe(text.replace(/\n/g, '\r\n'));
      expect(sink.transcript.at(-1)).toBe('QUIT');
    } finally {
      await sink.close();
    }
  });

  it('fails with the server reply when credentials are refused', async () => {
    const sink = await startSmtpSink({ credentials: { user: 'relay', password: 'right' } });
    try {
      await expect(
        sendMail({ ...base(sink.port), user: 'relay', password: 'wrong' }, { subject: 's', text: 't' }, 'x'),
      ).rejects.toThrow(/535/);
      expect(sink.messages).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });

  it('refuses to send in clear to a non-loopback relay without STARTTLS (requireTls)', async () => {
    const sink = await startSmtpSink();
    try {
      await expect(
        sendMail({ ...base(sink.port), requireTls: true }, { subject: 's', text: 't' }, 'x'),
      ).rejects.toThrow(/STARTTLS/);
      expect(sink.messages).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });

  let openssl = true;
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    openssl = false;
  }
  it.skipIf(!openssl)('upgrades with STARTTLS when offered, then authenticates inside TLS', async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '1',
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(join(dir, 'k.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'c.pem'), 'utf8');
    const sink = await startSmtpSink({ tls: { key, cert }, credentials: { user: 'u', password: 'p' } });
    try {
      await sendMail(
        { ...base(sink.port), user: 'u', password: 'p', ca: cert, requireTls: true },
        { subject: 's', text: 't' },
        'x',
      );
      expect(sink.messages).toHaveLength(1);
      expect(sink.messages[0]!.tls).toBe(true);
      // The credentials never crossed in clear: AUTH came after STARTTLS.
      expect(sink.transcript.findIndex((l) => l.startsWith('AUTH'))).toBeGreaterThan(
        sink.transcript.indexOf('STARTTLS'),
      );
    } finally {
      await sink.close();
    }
  });
});
