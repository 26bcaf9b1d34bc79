import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';

/** One message as the sink received it: envelope, authentication, TLS, and the data with dot-stuffing undone. */
export interface SunkMail {
  mailFrom: string;
  rcptTo: string[];
  data: string;
  auth: { user: string; password: string } | null;
  tls: boolean;
}

export interface SmtpSink {
  port: number;
  messages: SunkMail[];
  /** Lines the client sent, in order (AUTH lines included: test credentials only). */
  transcript: string[];
  close(): Promise<void>;
}

/**
 * A tiny SMTP server for tests: EHLO/HELO, STARTTLS when given a key and certificate, AUTH PLAIN (checked
 * against `credentials` when given), MAIL, RCPT, DATA (dot-stuffing undone), RSET, NOOP, QUIT.
 */
export async function startSmtpSink(
  options: { tls?: { key: string; cert: string }; credentials?: { user: string; password: string } } = {},
): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  const transcript: string[] = [];
  const server: Server = createServer((raw) => serve(raw));

  function serve(initial: Socket): void {
    let socket: Socket = initial;
    let buffer = '';
    let inData = false;
    let dataLines: string[] = [];
    let tls = false;
    let auth: SunkMail['auth'] = null;
    let envelope: { from: string; to: string[] } | null = null;
    const send = (line: string) => socket.write(`${line}\r\n`);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({
              mailFrom: envelope?.from ?? '',
              rcptTo: envelope?.to ?? [],
              data: dataLines.join('\r\n'),
              auth,
              tls,
            });
            dataLines = [];
            envelope = null;
            send('250 2.0.0 queued');
          } else dataLines.push(line.startsWith('..') ? line.slice(1) : line);
          continue;
        }
        transcript.push(line);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') {
          const extensions = ['AUTH PLAIN', '8BITMIME', ...(options.tls && !tls ? ['STARTTLS'] : [])];
          send(`250-sink.localhost greets ${line.slice(5)}`);
          extensions.forEach((e, i) => send(`250${i === extensions.length - 1 ? ' ' : '-'}${e}`));
        } else if (verb === 'STARTTLS' && options.tls && !tls) {
          send('220 2.0.0 ready for TLS');
          socket.off('data', onData);
          const secure = new TLSSocket(socket, {
            isServer: true,
            key: options.tls.key,
            cert: options.tls.cert,
          });
          secure.on('data', onData);
          secure.on('error', () => undefined);
          socket = secure;
          tls = true;
          buffer = '';
        } else if (verb === 'AUTH') {
          const [, mech, token] = line.split(' ');
          const parts = Buffer.from(token ?? '', 'base64')
            .toString('utf8')
            .split('\u0000');
          const given = { user: parts[1] ?? '', password: parts[2] ?? '' };
          const ok =
            mech?.toUpperCase() === 'PLAIN' &&
            (!options.credentials ||
              (given.user === options.credentials.user && given.password === options.credentials.password));
          if (ok) auth = given;
          send(ok ? '235 2.7.0 authenticated' : '535 5.7.8 bad credentials');
        } else if (verb === 'MAIL') {
          if (options.credentials && !auth) send('530 5.7.0 authentication required');
          else {
            envelope = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [] };
            send('250 2.1.0 ok');
          }
        } else if (verb === 'RCPT') {
          if (!envelope) send('503 5.5.1 MAIL first');
          else {
            envelope.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
            send('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          if (!envelope || envelope.to.length === 0) send('503 5.5.1 RCPT first');
          else {
            inData = true;
            send('354 end with <CRLF>.<CRLF>');
          }
        } else if (verb === 'RSET' || verb === 'NOOP') send('250 2.0.0 ok');
        else if (verb === 'QUIT') {
          send('221 2.0.0 bye');
          socket.end();
        } else send('502 5.5.2 not implemented');
      }
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
    send('220 sink.localhost ESMTP test sink');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    messages,
    transcript,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
