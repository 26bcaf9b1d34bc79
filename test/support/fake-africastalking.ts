import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Answers of Africa's Talking's SMS API (`POST /version1/messaging`) as its documentation gives them: `201` with
 * `SMSMessageData.Recipients[]` (statusCode 101 Sent; 403 InvalidPhoneNumber with messageId "None"), the
 * summary-only answer when no number is usable, and `401` with a plain-text body for a bad API key.
 */
export const AT_ANSWERS = {
  sent: {
    status: 201,
    type: 'application/json',
    body: JSON.stringify({
      SMSMessageData: {
        Message: 'Sent to 1/1 Total Cost: KES 0.8000',
        Recipients: [
          {
            statusCode: 101,
            number: '+22376543210',
            status: 'Success',
            cost: 'KES 0.8000',
            messageId: 'ATXid_a17e9593364ab4fc8d9726e41c5b21a7',
          },
        ],
      },
    }),
  },
  invalidPhoneNumber: {
    status: 201,
    type: 'application/json',
    body: JSON.stringify({
      SMSMessageData: {
        Message: 'Sent to 0/1 Total Cost: 0',
        Recipients: [
          { statusCode: 403, number: '+2237654', status: 'InvalidPhoneNumber', cost: '0', messageId: 'None' },
        ],
      },
    }),
  },
  noRecipient: {
    status: 201,
    type: 'application/json',
    body: JSON.stringify({ SMSMessageData: { Message: 'InvalidPhoneNumber', Recipients: [] } }),
  },
  unauthorized: { status: 401, type: 'text/plain', body: 'The supplied authentication is invalid' },
} as const;

export type AtAnswer = { status: number; type: string; body: string };

export interface AtRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

export interface FakeAt {
  url: string;
  requests: AtRequest[];
  /** What the next requests get (default `sent`). */
  answer: AtAnswer;
  /** While true, requests are recorded in `held` instead and never answered: AT hanging (the client times out). */
  hang: boolean;
  held: AtRequest[];
  close(): Promise<void>;
}

/** A local stand-in for AT's API on 127.0.0.1: records each request and answers with a recorded answer. */
export async function startFakeAt(): Promise<FakeAt> {
  const fake: Omit<FakeAt, 'url' | 'close'> = {
    requests: [],
    answer: AT_ANSWERS.sent,
    hang: false,
    held: [],
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        form: Object.fromEntries(new URLSearchParams(raw)),
      };
      if (fake.hang) return void fake.held.push(request);
      fake.requests.push(request);
      res.writeHead(fake.answer.status, { 'content-type': fake.answer.type }).end(fake.answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}/version1/messaging`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections(); // held (hanging) requests too
      }),
  });
}

/** A loopback port nothing listens on (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}
