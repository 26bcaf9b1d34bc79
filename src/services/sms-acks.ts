import { randomUUID } from 'node:crypto';
import { VigieError } from '../core/errors.ts';
import { openOrErased } from './alerts.ts';
import type { AuditLog } from './audit-log.ts';
import type { KeyRing } from './key-ring.ts';
import type { AlertPort, AlertStores, SmsRecord } from './ports/alert-port.ts';
import type { SmsAckCounts, SmsAckRecord } from './ports/sms-ack-port.ts';
import type { SmsSendOutcome, SmsSender } from './sms-outbound.ts';

export interface AckOutboxConfig {
  /** Waits before the 2nd, 3rd… attempt; an acknowledgement still unsent after the last attempt fails. */
  backoffMs?: number[];
  /** How long an attempt holds its row; a worker that dies mid-send leaves it due again after this. */
  leaseMs?: number;
  /** How often a running worker looks again for rows (queued by another process, or left by a dead one). */
  pollMs?: number;
}

/** Six attempts over about 2 h 40 min: a sender is told soon, or not at all (a stale "reçu" misleads). */
export const DEFAULT_ACK_BACKOFF_MS = [15_000, 60_000, 300_000, 1_800_000, 7_200_000];

export interface AckFlushReport {
  /** Attempts made by this run, and what became of them. */
  attempted: number;
  sent: number;
  retrying: number;
  failed: number;
  /** The outbox afterwards, all organisations. */
  totals: SmsAckCounts;
}

export interface AckOutbox {
  readonly configured: boolean;
  /** Queues the acknowledgement of a stored message through the caller's transaction (sent after commit: `kick`). */
  enqueue(stores: AlertStores, message: SmsRecord, text: string): Promise<void>;
  /** Sends whatever is due now, in the background. */
  kick(): void;
  /** Sends whatever is due now, once, and waits (`vigie sms send-pending`, tests); retries wait for a later run. */
  flush(): Promise<AckFlushReport>;
  /** The server's worker: resumes pending rows now, then wakes for each next attempt and polls. */
  start(): void;
  /** Stops waking; waits at most `maxMs` for sends in flight, then cuts them short (their rows are due again). */
  stop(maxMs: number): Promise<void>;
}

export interface AckOutboxDeps {
  port: AlertPort;
  keys: KeyRing;
  audit: AuditLog;
  sender: SmsSender | null;
  config?: AckOutboxConfig;
}

/** AT's recipient codes worth another attempt: 405 InsufficientBalance, 500 InternalServerError, 501 GatewayError. */
const RETRY_RECIPIENT = new Set([405, 500, 501]);

/**
 * Whether a failed send may succeed later. Network failures, timeouts, AT's 5xx and 429, and account problems
 * an operator fixes (401 bad key, 403) are retried; a refused recipient (403 InvalidPhoneNumber, 406 blacklist…),
 * an erased sender and an unreadable 2xx answer (AT took the request: a resend could reach the sender twice) are
 * not. A timeout is ambiguous too (AT may have sent before it hung): retried, so a sender may get two.
 */
export function retryable(o: SmsSendOutcome): boolean {
  const error = o.error ?? '';
  if (o.ok) return false;
  if (error === 'timeout' || error.startsWith('network:') || error.startsWith('client:')) return true;
  if (error.startsWith('key:')) return true;
  if (error.startsWith('http:')) {
    const status = Number(error.slice(5));
    return status === 401 || status === 403 || status === 408 || status === 429 || status >= 500;
  }
  if (error.startsWith('recipient:')) return RETRY_RECIPIENT.has(o.statusCode ?? 0);
  return false;
}

const failure = (error: string): SmsSendOutcome => ({
  ok: false,
  httpStatus: null,
  status: null,
  statusCode: null,
  messageId: null,
  cost: null,
  error,
});

/**
 * The acknowledgement outbox and its worker. Rows are written with the message, so a crash between commit and
 * send loses nothing; each attempt claims its row (a lease), so the server and a cron `send-pending` never send
 * the same one twice; every attempt is audited as `sms.acknowledge` without the number, which is opened from the
 * message's sealed sender for the call only. Scheduling uses the wall clock, not the injected one.
 */
export function smsAckOutbox(deps: AckOutboxDeps): AckOutbox {
  const backoff = deps.config?.backoffMs ?? DEFAULT_ACK_BACKOFF_MS;
  const leaseMs = deps.config?.leaseMs ?? 60_000;
  const pollMs = deps.config?.pollMs ?? 60_000;
  const store = deps.port.smsAcks;
  const wall = () => new Date().toISOString();
  const inFlight = new Set<Promise<unknown>>();
  let abort = new AbortController();
  let running = false;
  let timer: NodeJS.Timeout | null = null;

  async function recipient(a: SmsAckRecord): Promise<{ number: string } | { error: string }> {
    try {
      const m = await deps.port.sms.get(a.messageId);
      if (!m || m.senderSealed === '') return { error: 'erased' };
      const context = { table: 'sms_messages', recordId: m.id, field: 'sender' };
      const number = await openOrErased(deps.keys, m.dataKeyId, context, m.senderSealed, deps.port.keys);
      return number === null ? { error: 'erased' } : { number };
    } catch (error) {
      // The class of failure only (KEY_UNAVAILABLE's reason, e.g. `missing`), never a message.
      const reason = error instanceof VigieError ? error.details['reason'] : undefined;
      const code = error instanceof VigieError ? error.code : 'unknown';
      return { error: `key:${typeof reason === 'string' ? reason : code}` };
    }
  }

  async function send(to: string, text: string, signal: AbortSignal): Promise<SmsSendOutcome> {
    try {
      return await deps.sender!.send(to, text, signal);
    } catch (error) {
      return failure(`client:${error instanceof Error ? error.name : 'unknown'}`);
    }
  }

  /** The row and its audit entry together; if the audit cannot be written, the row still records the send. */
  async function record(next: SmsAckRecord, o: SmsSendOutcome): Promise<void> {
    const details = {
      gateway: next.gateway,
      attempt: next.attempts,
      ok: o.ok,
      httpStatus: o.httpStatus,
      status: o.status,
      statusCode: o.statusCode,
      messageId: o.messageId,
      error: o.error,
      next: next.status === 'pending' ? 'retry' : next.status,
    };
    try {
      await deps.port.transaction(async (s) => {
        await s.smsAcks.save(next);
        await deps.audit.record(s, {
          actorId: null,
          action: 'sms.acknowledge',
          targetType: 'sms',
          targetId: next.messageId,
          details,
        });
      });
    } catch {
      await store.save(next);
    }
  }

  async function attempt(a: SmsAckRecord, tally: AckFlushReport): Promise<void> {
    const signal = abort.signal;
    const to = await recipient(a);
    const outcome = 'number' in to ? await send(to.number, a.text, signal) : failure(to.error);
    if (signal.aborted && !outcome.ok) {
      // Cut short by a shutdown: not an attempt; due again at once for the next worker.
      await store.save({ ...a, nextAttemptAt: wall(), updatedAt: wall() });
      return;
    }
    const attempts = a.attempts + 1;
    const wait = backoff[attempts - 1];
    const retry = !outcome.ok && retryable(outcome) && wait !== undefined;
    const next: SmsAckRecord = {
      ...a,
      attempts,
      status: outcome.ok ? 'sent' : retry ? 'pending' : 'failed',
      nextAttemptAt: retry ? new Date(Date.now() + wait).toISOString() : null,
      lastError: outcome.ok ? null : outcome.error,
      updatedAt: wall(),
      sentAt: outcome.ok ? wall() : null,
    };
    await record(next, outcome);
    tally.attempted++;
    if (next.status === 'sent') tally.sent++;
    else if (next.status === 'failed') tally.failed++;
    else tally.retrying++;
  }

  async function sweepOnce(tally: AckFlushReport): Promise<void> {
    while (!abort.signal.aborted) {
      const mine: SmsAckRecord[] = [];
      for (const a of await store.due(wall(), 20)) {
        const lease = new Date(Date.now() + leaseMs).toISOString();
        if (a.nextAttemptAt !== null && (await store.claim(a.id, a.nextAttemptAt, lease))) mine.push(a);
      }
      if (mine.length === 0) return;
      await Promise.all(mine.map((a) => attempt(a, tally)));
    }
  }

  /** One sweep at a time in this process; a call during a sweep runs one more after it. */
  let sweeping: Promise<AckFlushReport> | null = null;
  let again = false;
  function sweep(): Promise<AckFlushReport> {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    const tally: AckFlushReport = { attempted: 0, sent: 0, retrying: 0, failed: 0, totals: emptyCounts() };
    sweeping = (async () => {
      do {
        again = false;
        await sweepOnce(tally);
      } while (again && !abort.signal.aborted);
      return tally;
    })().finally(() => {
      sweeping = null;
    });
    return sweeping;
  }

  /** Wakes for the earliest next attempt (a lease's end included), and at least every `pollMs`. */
  async function schedule(): Promise<void> {
    if (!running) return;
    let delay = pollMs;
    try {
      const next = await store.nextDue();
      if (next !== null) delay = Math.min(pollMs, Math.max(10, Date.parse(next) - Date.now()));
    } catch {
      // The database is away: poll again later.
    }
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      kick();
    }, delay);
    timer.unref();
  }

  function kick(): void {
    if (!deps.sender) return;
    const run = sweep()
      .catch(() => undefined)
      .then(schedule);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  return {
    configured: deps.sender !== null,
    async enqueue(stores, message, text) {
      if (!deps.sender) return;
      await stores.smsAcks.add({
        id: randomUUID(),
        messageId: message.id,
        organisationId: message.organisationId,
        gateway: message.gateway,
        text,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: wall(),
        lastError: null,
        createdAt: message.receivedAt,
        updatedAt: wall(),
        sentAt: null,
      });
    },
    kick,
    async flush() {
      if (!deps.sender)
        throw new VigieError('BAD_USAGE', { reason: 'VIGIE_AT_USERNAME and VIGIE_AT_API_KEY are not set' });
      const tally = await sweep();
      return { ...tally, totals: await store.counts(null) };
    },
    start() {
      if (running || !deps.sender) return;
      running = true;
      kick();
    },
    async stop(maxMs) {
      running = false;
      if (timer) clearTimeout(timer);
      timer = null;
      const settled = () => Promise.all([...inFlight]).then(() => undefined);
      await Promise.race([settled(), new Promise((r) => setTimeout(r, maxMs).unref())]);
      abort.abort();
      await settled();
      abort = new AbortController();
    },
  };
}

function emptyCounts(): SmsAckCounts {
  return { pending: 0, sent: 0, failed: 0, oldestPendingAt: null, nextAttemptAt: null };
}
