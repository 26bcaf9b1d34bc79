import { randomUUID } from 'node:crypto';
import type { AlertRecord, DeliveriesStore, DeliveryRecord } from './ports/alert-port.ts';
import { sendMail, type SmtpConfig } from './notify-smtp.ts';
import { postWebhook, type WebhookEndpoint } from './notify-webhook.ts';

export interface NotifyConfig {
  webhooks: WebhookEndpoint[];
  smtp: SmtpConfig | null;
  /** Base of the links in notifications (the web app's address). */
  baseUrl: string;
  /** Waits before the 2nd, 3rd… attempt; the delivery fails after the last. */
  backoffMs: number[];
}

export const DEFAULT_BACKOFF_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];

export const NO_NOTIFICATIONS: NotifyConfig = {
  webhooks: [],
  smtp: null,
  baseUrl: 'http://127.0.0.1:8080',
  backoffMs: DEFAULT_BACKOFF_MS,
};

export type AlertEvent = 'alert.created' | 'alert.acknowledged' | 'alert.responding' | 'alert.closed';

/**
 * What leaves vigie about an alert: where, how severe, until when, and a link, nothing else — no message text,
 * no sender, no evidence, no harm type or count (a CRSV report in a small commune would identify people).
 */
export function notificationPayload(alert: AlertRecord, event: AlertEvent, at: string, baseUrl: string) {
  return {
    event,
    at,
    alert: {
      id: alert.id,
      reference: alert.reference,
      state: alert.state,
      severity: alert.severity,
      area: {
        name: alert.placeName,
        placeCode: alert.placeCode,
        admin1Pcode: alert.admin1Pcode,
        admin2Pcode: alert.admin2Pcode,
      },
      deadline: alert.deadline,
      link: `${baseUrl.replace(/\/+$/, '')}/alerts/${alert.id}`,
    },
  };
}

type Payload = ReturnType<typeof notificationPayload>;

const SUBJECT_EVENT: Record<AlertEvent, string> = {
  'alert.created': 'Nouvelle alerte',
  'alert.acknowledged': 'Alerte prise en charge',
  'alert.responding': 'Réponse en cours',
  'alert.closed': 'Alerte clôturée',
};

export function mailFor(p: Payload): { subject: string; text: string } {
  const area = p.alert.area.name ?? p.alert.area.placeCode ?? p.alert.area.admin1Pcode ?? '—';
  return {
    subject: `[vigie] ${SUBJECT_EVENT[p.event]} ${p.alert.reference} — ${p.alert.severity} — ${area}`,
    text: [
      `${SUBJECT_EVENT[p.event]} / ${p.event}`,
      `Référence : ${p.alert.reference}`,
      `Zone / area : ${area} (${[p.alert.area.placeCode, p.alert.area.admin2Pcode, p.alert.area.admin1Pcode].filter(Boolean).join(', ')})`,
      `Gravité / severity : ${p.alert.severity}`,
      `État / state : ${p.alert.state}`,
      `Échéance / deadline : ${p.alert.deadline}`,
      `Lien / link : ${p.alert.link}`,
      '',
      'Les détails sont dans vigie, pour les personnes autorisées. / Details are in vigie, for authorised people.',
    ].join('\n'),
  };
}

export interface Notifier {
  /** Queues the event's deliveries through the caller's transaction (sent once it has committed: `kick`). */
  enqueue(
    stores: { deliveries: DeliveriesStore },
    alert: AlertRecord,
    event: AlertEvent,
    at: string,
  ): Promise<void>;
  /** Starts sending whatever is due, in the background. */
  kick(): void;
  /** Sends whatever is due now and waits; for `vigie alerts notify` and tests. */
  sweep(): Promise<void>;
  /** Waits for sends and retries in flight, at most `maxMs`. */
  drain(maxMs: number): Promise<void>;
  close(): void;
}

/**
 * An outbox: deliveries are rows written with the change, so a crash between commit and send loses nothing;
 * attempts (time, status, error) are recorded on the row and retried with backoff. Scheduling uses the wall
 * clock, not the injected one, since it waits for real.
 */
export function notifier(config: NotifyConfig, deliveries: DeliveriesStore): Notifier {
  const inFlight = new Set<Promise<void>>();
  /** Retry timers and when they fire. */
  const timers = new Map<NodeJS.Timeout, number>();
  let closed = false;
  const wall = () => new Date().toISOString();

  async function attempt(d: DeliveryRecord): Promise<void> {
    const started = wall();
    let ok = false;
    let status: number | null = null;
    let error: string | null = null;
    try {
      if (d.channel === 'webhook') {
        const endpoint = config.webhooks.find((w) => w.url === d.target);
        if (!endpoint) throw new Error('endpoint no longer configured');
        status = await postWebhook(endpoint, d.payloadJson, Math.floor(Date.now() / 1000));
        ok = status >= 200 && status < 300;
      } else {
        if (!config.smtp) throw new Error('SMTP no longer configured');
        await sendMail(config.smtp, mailFor(JSON.parse(d.payloadJson) as Payload), d.id);
        ok = true;
      }
    } catch (e) {
      error = (e instanceof Error ? e.message : String(e)).slice(0, 300);
    }
    const attempts = [...d.attempts, { at: started, ok, status, error }];
    const wait = config.backoffMs[attempts.length - 1];
    const next: DeliveryRecord = ok
      ? { ...d, attempts, status: 'delivered', deliveredAt: wall(), nextAttemptAt: null }
      : wait === undefined
        ? { ...d, attempts, status: 'failed', nextAttemptAt: null }
        : { ...d, attempts, nextAttemptAt: new Date(Date.now() + wait).toISOString() };
    await deliveries.save(next);
    if (next.status === 'pending' && wait !== undefined && !closed) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        kick();
      }, wait);
      timer.unref();
      timers.set(timer, Date.now() + wait);
    }
  }

  /** One sweep at a time in this process; each delivery claimed before its attempt, so no two senders send it. */
  let running: Promise<void> | null = null;
  let again = false;
  async function sweepOnce(): Promise<void> {
    for (;;) {
      const due = await deliveries.due(wall(), 20);
      const mine: DeliveryRecord[] = [];
      for (const d of due) {
        // A lease long enough for one attempt; a sender that dies mid-attempt leaves the row due again after it.
        const lease = new Date(Date.now() + 120_000).toISOString();
        if (d.nextAttemptAt !== null && (await deliveries.claim(d.id, d.nextAttemptAt, lease))) mine.push(d);
      }
      if (mine.length === 0) return;
      await Promise.all(mine.map(attempt));
    }
  }

  function sweep(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await sweepOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function kick(): void {
    if (closed) return;
    const run = sweep().catch(() => undefined);
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }

  return {
    async enqueue(stores, alert, event, at) {
      const payloadJson = JSON.stringify(notificationPayload(alert, event, at, config.baseUrl));
      const targets: Array<[DeliveryRecord['channel'], string]> = config.webhooks.map((w) => [
        'webhook',
        w.url,
      ]);
      if (config.smtp) targets.push(['email', config.smtp.to.join(',')]);
      for (const [channel, target] of targets)
        await stores.deliveries.add({
          id: randomUUID(),
          alertId: alert.id,
          event,
          channel,
          target,
          payloadJson,
          status: 'pending',
          attempts: [],
          nextAttemptAt: new Date().toISOString(),
          createdAt: at,
          deliveredAt: null,
        });
    },
    kick,
    sweep,
    async drain(maxMs) {
      const deadline = Date.now() + maxMs;
      // Retries due after the deadline are not waited for: they stay queued in the outbox.
      const retrySoon = () => [...timers.values()].some((at) => at <= deadline);
      while ((inFlight.size > 0 || retrySoon()) && Date.now() < deadline) {
        if (inFlight.size > 0)
          await Promise.race([
            Promise.all(inFlight),
            new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now()))),
          ]);
        else await new Promise((r) => setTimeout(r, 5));
      }
    },
    close() {
      closed = true;
      for (const t of timers.keys()) clearTimeout(t);
      timers.clear();
    },
  };
}
