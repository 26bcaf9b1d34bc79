import type { AlertHarm, AlertOutcome, AlertSeverity, AlertSource, AlertState } from '../../core/alert.ts';
import type { AuditPort, KeysPort } from './protection-port.ts';
import type { SmsAcksStore } from './sms-ack-port.ts';

/** An alert as stored: codes, places and times in clear; the evidence text sealed under the alert's data key. */
export interface AlertRecord {
  id: string;
  organisationId: string;
  reference: string;
  source: AlertSource;
  /** Idempotence key of the alert's origin (a rule firing), unique per organisation. */
  sourceKey: string | null;
  admin1: string | null;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
  placeCode: string | null;
  placeName: string | null;
  latitude: number | null;
  longitude: number | null;
  harm: AlertHarm;
  peopleCount: number | null;
  severity: AlertSeverity;
  ownerId: string | null;
  requiredResponse: string;
  deadline: string;
  state: AlertState;
  outcome: AlertOutcome | null;
  evidenceSealed: string | null;
  links: { events: number[]; incidents: string[]; firings: string[]; messages: string[] };
  dataKeyId: string | null;
  createdBy: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  respondingAt: string | null;
  respondingBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  updatedAt: string;
}

export interface AlertStep {
  alertId: string;
  seq: number;
  action: 'create' | 'acknowledge' | 'respond' | 'close' | 'assign';
  state: AlertState;
  at: string;
  by: string | null;
}

export interface AlertListFilter {
  organisationId: string;
  states?: readonly AlertState[];
  from?: string;
  to?: string;
  before?: { createdAt: string; id: string };
  limit: number;
}

export interface AlertsStore {
  nextReference(year: number): Promise<string>;
  insert(alert: AlertRecord): Promise<void>;
  /** Applies `change` only if the alert is still in `expected` (a concurrent move loses with CONFLICT). */
  update(id: string, expected: AlertState, change: Partial<AlertRecord>): Promise<boolean>;
  get(id: string): Promise<AlertRecord | null>;
  bySourceKey(organisationId: string, sourceKey: string): Promise<AlertRecord | null>;
  list(filter: AlertListFilter): Promise<AlertRecord[]>;
  addStep(step: AlertStep): Promise<void>;
  steps(alertId: string): Promise<AlertStep[]>;
}

export type SmsGateway = 'rapidpro' | 'africastalking';
export type SmsStatus = 'alert' | 'triage' | 'resolved' | 'dismissed';

/** A community message: sender and text sealed, the sender also as a keyed hash; the parse holds codes only. */
export interface SmsRecord {
  id: string;
  organisationId: string;
  gateway: SmsGateway;
  gatewayId: string;
  senderHash: string;
  senderSealed: string;
  textSealed: string;
  dataKeyId: string;
  receivedAt: string;
  parseJson: string;
  status: SmsStatus;
  alertId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface SmsStore {
  byGatewayId(gateway: SmsGateway, gatewayId: string): Promise<SmsRecord | null>;
  get(id: string): Promise<SmsRecord | null>;
  insert(message: SmsRecord): Promise<void>;
  decide(
    id: string,
    change: { status: SmsStatus; alertId: string | null; decidedBy: string; decidedAt: string },
  ): Promise<boolean>;
  triage(organisationId: string, limit: number): Promise<SmsRecord[]>;
  forAlert(alertId: string): Promise<SmsRecord[]>;
  countBySender(organisationId: string, senderHash: string): Promise<number>;
}

export interface DeliveryAttempt {
  at: string;
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** One notification of one alert event to one endpoint (webhook URL or e-mail recipients): an outbox row. */
export interface DeliveryRecord {
  id: string;
  alertId: string;
  event: string;
  channel: 'webhook' | 'email';
  target: string;
  payloadJson: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface DeliveriesStore {
  add(delivery: DeliveryRecord): Promise<void>;
  get(id: string): Promise<DeliveryRecord | null>;
  due(at: string, limit: number): Promise<DeliveryRecord[]>;
  save(delivery: DeliveryRecord): Promise<void>;
  /**
   * Takes a pending delivery for one attempt: moves its next attempt to `leaseUntil` if it is still pending at
   * `expected`; false when another sender (process or sweep) took it first.
   */
  claim(id: string, expected: string, leaseUntil: string): Promise<boolean>;
  forAlert(alertId: string): Promise<DeliveryRecord[]>;
}

export interface AlertStores {
  alerts: AlertsStore;
  sms: SmsStore;
  deliveries: DeliveriesStore;
  /** The outbox of acknowledgements to Africa's Talking senders (sms-ack-port.ts). */
  smsAcks: SmsAcksStore;
  keys: KeysPort;
  audit: AuditPort;
  /** The organisation community messages belong to: by name, or the only one there is. */
  organisationId(name: string | null): Promise<string | null>;
  userInOrganisation(userId: string, organisationId: string): Promise<boolean>;
  /** Duress wipe: nulls every sealed column of alerts and messages (their data keys are already gone). */
  eraseSealed(): Promise<{ alerts: number; messages: number }>;
}

export interface AlertPort extends AlertStores {
  transaction<T>(work: (stores: AlertStores) => Promise<T>): Promise<T>;
}
