import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

/** Where e-mail goes: an SMTP relay (port 587 with STARTTLS, 465 with implicit TLS, or 25). */
export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** Refuse to send in clear when the server offers no STARTTLS (default: true unless host is loopback). */
  requireTls?: boolean;
  user?: string;
  password?: string;
  from: string;
  to: string[];
  /** Name sent with EHLO. */
  clientName?: string;
  /** Trust these CA certificates (PEM) for the relay, e.g. a private relay; tests. */
  ca?: string;
  timeoutMs?: number;
}

export interface MailMessage {
  subject: string;
  text: string;
}

/** A minimal SMTP line reader: collects one (possibly multi-line) reply at a time. */
function replies(socket: Socket | TLSSocket) {
  let buffer = '';
  let lines: string[] = [];
  const queue: Array<{ code: number; lines: string[] }> = [];
  let waiting: ((r: { code: number; lines: string[] }) => void) | null = null;
  let failed: ((e: Error) => void) | null = null;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('latin1');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      lines.push(line.slice(4));
      if (line[3] !== '-') {
        const reply = { code: Number(line.slice(0, 3)), lines };
        lines = [];
        if (waiting) {
          const w = waiting;
          waiting = null;
          w(reply);
        } else queue.push(reply);
      }
    }
  };
  let broken: Error | null = null;
  const fail = (e: Error) => {
    broken ??= e;
    const f = failed;
    waiting = null;
    failed = null;
    f?.(broken);
  };
  socket.on('data', onData);
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('SMTP connection closed')));
  return {
    next(): Promise<{ code: number; lines: string[] }> {
      const ready = queue.shift();
      if (ready) return Promise.resolve(ready);
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        waiting = resolve;
        failed = reject;
      });
    },
    detach: () => {
      socket.off('data', onData);
      socket.off('error', fail);
      socket.removeAllListeners('close');
    },
  };
}

/** Dot-stuffing and CRLF line ends for DATA (RFC 5321 §4.5.2). */
export function dotStuff(body: string): string {
  return body
    .replace(/\r?\n/g, '\r\n')
    .split('\r\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
    .join('\r\n');
}

function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value)
    ? value
    : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

export function formatMessage(config: SmtpConfig, message: MailMessage, date: Date, id: string): string {
  const headers = [
    `From: ${config.from}`,
    `To: ${config.to.join(', ')}`,
    `Subject: ${encodeHeader(message.subject.replace(/[\r\n]+/g, ' '))}`,
    `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}@vigie>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${message.text}`;
}

/**
 * Sends one message: EHLO, STARTTLS when offered (then EHLO again), AUTH PLAIN when configured, MAIL FROM,
 * RCPT TO for each recipient, DATA with dot-stuffing, QUIT. Rejects with the server's reply on any failure.
 */
export async function sendMail(
  config: SmtpConfig,
  message: MailMessage,
  id: string,
  date = new Date(),
): Promise<void> {
  const timeout = config.timeoutMs ?? 15_000;
  const tlsOptions = { servername: config.host, ...(config.ca ? { ca: config.ca } : {}) };
  let socket: Socket | TLSSocket = await new Promise((resolve, reject) => {
    const s = config.secure
      ? tlsConnect({ host: config.host, port: config.port, ...tlsOptions }, () => resolve(s))
      : netConnect({ host: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  socket.setTimeout(timeout, () => socket.destroy(new Error('SMTP timeout')));
  let reader = replies(socket);
  const write = (line: string) => socket.write(`${line}\r\n`);
  const expect = async (ok: (code: number) => boolean, what: string) => {
    const r = await reader.next();
    if (!ok(r.code)) throw new Error(`SMTP ${what}: ${r.code} ${r.lines.join(' ')}`);
    return r;
  };
  const name = config.clientName ?? 'vigie.localhost';
  try {
    await expect((c) => c === 220, 'greeting');
    write(`EHLO ${name}`);
    let ehlo = await expect((c) => c === 250, 'EHLO');
    const offersTls = ehlo.lines.some((l) => /^STARTTLS\b/i.test(l));
    const loopback = /^(127\.|::1$|localhost$)/.test(config.host);
    if (!config.secure && offersTls) {
      write('STARTTLS');
      await expect((c) => c === 220, 'STARTTLS');
      reader.detach();
      const plain = socket;
      socket = await new Promise<TLSSocket>((resolve, reject) => {
        const s = tlsConnect({ socket: plain, ...tlsOptions }, () => resolve(s));
        s.once('error', reject);
      });
      reader = replies(socket);
      write(`EHLO ${name}`);
      ehlo = await expect((c) => c === 250, 'EHLO after STARTTLS');
    } else if (!config.secure && (config.requireTls ?? !loopback)) {
      throw new Error('SMTP: the server offers no STARTTLS and requireTls is set');
    }
    if (config.user !== undefined) {
      const token = Buffer.from(`\u0000${config.user}\u0000${config.password ?? ''}`, 'utf8').toString(
        'base64',
      );
      write(`AUTH PLAIN ${token}`);
      await expect((c) => c === 235, 'AUTH');
    }
    write(`MAIL FROM:<${config.from.replace(/^.*<|>.*$/g, '')}>`);
    await expect((c) => c === 250, 'MAIL FROM');
    for (const to of config.to) {
      write(`RCPT TO:<${to}>`);
      await expect((c) => c === 250 || c === 251, 'RCPT TO');
    }
    write('DATA');
    await expect((c) => c === 354, 'DATA');
    socket.write(`${dotStuff(formatMessage(config, message, date, id))}\r\n.\r\n`);
    await expect((c) => c === 250, 'end of DATA');
    write('QUIT');
    await reader.next().catch(() => undefined);
  } finally {
    socket.end();
    socket.destroy();
  }
}
