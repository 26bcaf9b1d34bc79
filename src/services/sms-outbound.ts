import { t } from '../i18n/t.ts';

/**
 * Africa's Talking does not turn the body of its incoming-message callback's response into an SMS: reaching the
 * sender takes a call to its SMS API (bulk messaging):
 * `POST https://api.africastalking.com/version1/messaging` (sandbox: `api.sandbox.africastalking.com`), headers
 * `apiKey: <key>`, `Accept: application/json` (the default answer is XML) and
 * `Content-Type: application/x-www-form-urlencoded`, form fields `username`, `to` (comma-separated numbers),
 * `message`, optional `from` (a registered short code or sender id; AT's default otherwise). A request it
 * takes is answered `201 Created` with
 * `{"SMSMessageData": {"Message": "Sent to 1/1 Total Cost: …", "Recipients": [{"statusCode", "number",
 * "status", "cost", "messageId"}]}}`; a recipient's `statusCode` 100 (Processed), 101 (Sent) or 102 (Queued)
 * means accepted, 4xx/5xx codes (403 InvalidPhoneNumber, 405 InsufficientBalance, 406 UserInBlacklist…) mean
 * refused. Bad credentials get `401` with a plain-text body.
 */
export const AT_LIVE_URL = 'https://api.africastalking.com/version1/messaging';
export const AT_SANDBOX_URL = 'https://api.sandbox.africastalking.com/version1/messaging';

export interface AtSmsConfig {
  username: string;
  apiKey: string;
  /** Short code or alphanumeric sender id (`from`); null: the account's default. */
  sender: string | null;
  /** The messaging endpoint (default the live one; tests point it at a local server). */
  apiUrl: string;
  timeoutMs?: number;
}

/** What became of one send: AT's answer for the recipient, or why there is none. Never the number. */
export interface SmsSendOutcome {
  ok: boolean;
  /** HTTP status of AT's answer; null when none came (network failure, timeout). */
  httpStatus: number | null;
  /** AT's recipient status (`Success`, `InvalidPhoneNumber`…), or its summary when it lists no recipient. */
  status: string | null;
  statusCode: number | null;
  messageId: string | null;
  cost: string | null;
  /** The class of failure: `network:ECONNREFUSED`, `timeout`, `http:401`, `response:not-json`, `response:no-recipient`… */
  error: string | null;
}

export interface SmsSender {
  /** `signal` cuts the call short (the worker's shutdown); the configured timeout applies either way. */
  send(to: string, message: string, signal?: AbortSignal): Promise<SmsSendOutcome>;
}

const ACCEPTED = new Set([100, 101, 102]);

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const failure = (error: string, httpStatus: number | null = null): SmsSendOutcome => ({
  ok: false,
  httpStatus,
  status: null,
  statusCode: null,
  messageId: null,
  cost: null,
  error,
});

/** Reads AT's JSON answer for a single recipient (exported for tests of recorded answers). */
export function parseAtResponse(httpStatus: number, body: unknown): SmsSendOutcome {
  const data =
    typeof body === 'object' && body !== null
      ? ((body as Record<string, unknown>)['SMSMessageData'] as Record<string, unknown> | undefined)
      : undefined;
  if (!data || typeof data !== 'object') return failure('response:unexpected', httpStatus);
  const recipients = Array.isArray(data['Recipients']) ? (data['Recipients'] as unknown[]) : [];
  const first = recipients[0];
  if (typeof first !== 'object' || first === null) {
    // e.g. {"Message": "InvalidPhoneNumber", "Recipients": []}: the summary names the reason.
    return { ...failure('response:no-recipient', httpStatus), status: str(data['Message']) };
  }
  const r = first as Record<string, unknown>;
  const code =
    typeof r['statusCode'] === 'number'
      ? r['statusCode']
      : typeof r['statusCode'] === 'string' && /^\d+$/.test(r['statusCode'])
        ? Number(r['statusCode'])
        : null;
  const messageId = str(r['messageId']);
  const ok = code !== null && ACCEPTED.has(code) && httpStatus >= 200 && httpStatus < 300;
  return {
    ok,
    httpStatus,
    status: str(r['status']),
    statusCode: code,
    messageId: messageId === 'None' ? null : messageId,
    cost: str(r['cost']),
    error: ok ? null : `recipient:${code ?? 'unknown'}`,
  };
}

/** The class of a fetch failure, without its message (which may carry the URL and, with it, nothing else). */
function errorClass(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return 'timeout';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return `network:${cause.code}`;
  return `network:${error instanceof Error ? error.name : 'unknown'}`;
}

/** The client: one POST per message; never rejects (the outcome says what happened). */
export function africasTalkingSender(config: AtSmsConfig): SmsSender {
  return {
    async send(to, message, signal) {
      const form = new URLSearchParams({ username: config.username, to, message });
      if (config.sender) form.set('from', config.sender);
      let response: Response;
      try {
        response = await fetch(config.apiUrl, {
          method: 'POST',
          headers: {
            apiKey: config.apiKey,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
            'user-agent': 'vigie-sms',
          },
          body: form.toString(),
          redirect: 'manual',
          signal: signal
            ? AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs ?? 10_000)])
            : AbortSignal.timeout(config.timeoutMs ?? 10_000),
        });
      } catch (error) {
        return failure(errorClass(error));
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        return failure(errorClass(error), response.status);
      }
      // Non-2xx answers (401 bad key, 5xx) are plain text: their body is not kept (it could echo the request).
      if (response.status < 200 || response.status >= 300) {
        try {
          return {
            ...parseAtResponse(response.status, JSON.parse(text)),
            ok: false,
            error: `http:${response.status}`,
          };
        } catch {
          return failure(`http:${response.status}`, response.status);
        }
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return failure('response:not-json', response.status);
      }
      return parseAtResponse(response.status, body);
    },
  };
}

/** The French acknowledgement a sender gets (community focal points write in French); the same text the
 * webhooks answer with (http/routes/sms.ts `acknowledgement`). */
export function acknowledgementText(r: {
  outcome: 'alert' | 'triage';
  reference: string | null;
  reasons: readonly string[];
}): string {
  if (r.outcome === 'alert') return t('fr', 'sms.reply.alert', { reference: r.reference ?? '' });
  return t('fr', r.reasons.includes('ambiguous-place') ? 'sms.reply.ambiguous' : 'sms.reply.triage');
}
