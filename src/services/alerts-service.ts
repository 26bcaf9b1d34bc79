import type { AlertAction } from '../core/alert.ts';
import type { Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { Gazetteer } from '../analysis/sms/parse.ts';
import { showAlert, type AlertDetail } from './alerts-detail.ts';
import type { AlertInput, CloseInput, RuleFiring } from './alerts-input.ts';
import { alertMetrics, listAlerts, type AlertListRequest } from './alerts-list.ts';
import { createAlert, createAlertsFromFirings, moveAlert } from './alerts.ts';
import type { AlertRecord } from './ports/alert-port.ts';
import type { SmsAckCounts } from './ports/sms-ack-port.ts';
import { smsAckOutbox, type AckFlushReport } from './sms-acks.ts';
import type { InboundSms } from './sms-gateways.ts';
import {
  gazetteerCache,
  receiveSms,
  resolveTriage,
  triageQueue,
  type SmsDeps,
  type SmsReceipt,
  type TriageItem,
} from './sms.ts';

/** The alert → response loop and community SMS (issue 6, points 7 and 8), each use case taking its principal. */
export interface Alerts {
  create(by: Principal, input: AlertInput): Promise<{ alert: AlertRecord; created: boolean }>;
  /** One call for the rules engine (`vigie alerts scan`): firings already turned into alerts are not repeated. */
  createAlertsFromFirings(
    by: Principal,
    firings: readonly RuleFiring[],
  ): Promise<{ created: AlertRecord[]; existing: AlertRecord[] }>;
  list(by: Principal, request: AlertListRequest): ReturnType<typeof listAlerts>;
  show(by: Principal, id: string): Promise<AlertDetail>;
  move(by: Principal, id: string, action: AlertAction, close?: CloseInput): Promise<AlertRecord>;
  metrics(by: Principal, period: { from?: string; to?: string }): ReturnType<typeof alertMetrics>;
  /** From a gateway webhook: no principal, the gateway's shared secret instead. */
  receiveSms(sms: InboundSms, presentedSecret: string | undefined): Promise<SmsReceipt>;
  triage(by: Principal, limit: number): Promise<TriageItem[]>;
  resolveTriage(
    by: Principal,
    id: string,
    decision: { action: 'dismiss' } | { action: 'alert'; alert: AlertInput },
  ): ReturnType<typeof resolveTriage>;
  /** Sends the notifications that are due (retries included) and waits for them. */
  sendDue(): Promise<void>;
  /** Sends the acknowledgements to AT senders that are due, once (`vigie sms send-pending`); BAD_USAGE unconfigured. */
  sendPendingAcknowledgements(): Promise<AckFlushReport>;
  /** The acknowledgement outbox of the admin's organisation: pending, sent and failed counts (admins only). */
  acknowledgementStatus(by: Principal): Promise<SmsAckCounts & { configured: boolean }>;
  /** Starts the acknowledgement worker (the server does, when it is ready): pending rows are resumed. */
  startAcknowledgements(): void;
  /** Stops the worker; sends still in flight after `maxMs` are cut short and stay pending. */
  stopAcknowledgements(maxMs: number): Promise<void>;
  /** Waits for notifications in flight, at most `maxMs`, then stops retrying in this process. */
  close(maxMs: number): Promise<void>;
}

export function alertsService(deps: SmsDeps): Alerts {
  const gazetteer: () => Promise<Gazetteer> = gazetteerCache(deps.places);
  const acks = smsAckOutbox({
    port: deps.port,
    keys: deps.keys,
    audit: deps.audit,
    sender: deps.atSender ?? null,
    config: deps.acknowledgements,
  });
  return {
    create: (by, input) => createAlert(deps, by, input),
    createAlertsFromFirings: (by, firings) => createAlertsFromFirings(deps, by, firings),
    list: (by, request) => listAlerts(deps, by, request),
    show: (by, id) => showAlert(deps, by, id),
    move: (by, id, action, close) => moveAlert(deps, by, id, action, close),
    metrics: (by, period) => alertMetrics(deps, by, period),
    receiveSms: (sms, secret) => receiveSms(deps, acks, gazetteer, sms, secret),
    triage: (by, limit) => triageQueue(deps, by, limit),
    resolveTriage: (by, id, decision) => resolveTriage(deps, by, id, decision),
    sendDue: () => deps.notifier.sweep(),
    sendPendingAcknowledgements: () => acks.flush(),
    async acknowledgementStatus(by) {
      if (by.role !== 'admin') throw new VigieError('FORBIDDEN');
      return { configured: acks.configured, ...(await deps.port.smsAcks.counts(by.organisationId)) };
    },
    startAcknowledgements: () => acks.start(),
    stopAcknowledgements: (maxMs) => acks.stop(maxMs),
    async close(maxMs) {
      await Promise.all([deps.notifier.drain(maxMs), acks.stop(Math.min(maxMs, 2000))]);
      deps.notifier.close();
    },
  };
}
