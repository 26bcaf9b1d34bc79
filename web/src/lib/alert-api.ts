import { HARM_TYPES } from './incident-vocab.ts';

/** The alert, triage and forecast answers (docs/openapi.json: alerts and forecast tags), and their URLs. */

export const ALERT_STATES = ['open', 'acknowledged', 'responding', 'closed'] as const;
export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ALERT_OUTCOMES = [
  'action_taken',
  'referred',
  'no_action_possible',
  'false_alarm',
  'duplicate',
] as const;
export const ALERT_HARMS = [...HARM_TYPES, 'armed_attack', 'unspecified'] as const;
export type AlertAction = 'acknowledge' | 'respond' | 'close';

export interface Alert {
  id: string;
  reference: string;
  source: string;
  state: string;
  severity: string;
  harm: string;
  peopleCount: number | null;
  area: {
    placeCode: string | null;
    name: string | null;
    admin1: string | null;
    admin1Pcode: string | null;
    admin2Pcode: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  ownerId: string | null;
  requiredResponse: string;
  deadline: string;
  outcome: string | null;
  links: { events: number[]; incidents: string[]; firings: string[]; messages: string[] };
  createdBy: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  respondingAt: string | null;
  respondingBy: string | null;
  closedAt: string | null;
  closedBy: string | null;
  updatedAt: string;
  timings: { toAcknowledge: number | null; toRespond: number | null };
}

export interface AlertDetail extends Alert {
  timeline: { seq: number; action: string; state: string; at: string; by: string | null }[];
  evidenceText: string | null;
  messages: { id: string; gateway: string; receivedAt: string; text: string | null }[];
  deliveries: {
    event: string;
    channel: string;
    status: string;
    attempts: { at: string; ok: boolean; status: number | null; error: string | null }[];
    deliveredAt: string | null;
  }[];
}

export interface AlertMetrics {
  from: string | null;
  to: string | null;
  alerts: number;
  acknowledged: number;
  responded: number;
  medianToAcknowledge: number | null;
  medianToRespond: number | null;
}

export interface TriageMessage {
  id: string;
  gateway: string;
  receivedAt: string;
  text: string | null;
  sender: string;
  messagesFromSender: number;
  parse: {
    outcome: string;
    reasons: string[];
    keyword: boolean;
    place: { code: string; name: string; level: number } | null;
    candidates: { code: string; name: string; level: number; parentCode: string | null }[];
    harm: string | null;
    harms: string[];
    count: number | null;
    severity: string;
  };
}

/** The body of POST /api/v1/alerts (and of a triage resolution). */
export interface AlertInput {
  area: { pcode?: string; name?: string; latitude?: number; longitude?: number };
  severity: string;
  harm?: string;
  peopleCount?: number;
  evidence?: { text?: string; events?: number[]; incidents?: string[] };
  requiredResponse: string;
  deadline?: string;
}

export interface ForecastValue {
  unitCode: string;
  unitName: string;
  targetMonth: string;
  horizon: number;
  mean: number;
  median: number;
  lower90: number;
  upper90: number;
  pAny: number;
  pMass: number;
}
export interface ForecastSet {
  run: {
    id: string;
    createdAt: string;
    country: string;
    unit: string;
    outcome: string;
    /** The event store, or ACLED's monthly aggregates. */
    source: 'events' | 'aggregates';
    origin: string;
    model: string;
    samples: number;
    seed: number;
  };
  values: ForecastValue[];
}

const id = (x: string) => encodeURIComponent(x);
export const alertApi = {
  list: (states: string) =>
    `/api/v1/alerts?limit=500${states === '' ? '' : `&state=${encodeURIComponent(states)}`}`,
  create: () => '/api/v1/alerts',
  metrics: () => '/api/v1/alerts/metrics',
  alert: (x: string) => `/api/v1/alerts/${id(x)}`,
  move: (x: string, action: AlertAction) => `/api/v1/alerts/${id(x)}/${action}`,
  triage: () => '/api/v1/alerts/triage',
  resolve: (x: string) => `/api/v1/alerts/triage/${id(x)}`,
  forecasts: (unit: string, outcome: string) => `/api/v1/forecasts?unit=${unit}&outcome=${outcome}`,
};

const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Open work first (open, then acknowledged, then responding, closed last), then severity, then deadline. */
export function inboxOrder(a: Alert, b: Alert): number {
  const state = (s: string) => (ALERT_STATES as readonly string[]).indexOf(s);
  return (
    state(a.state) - state(b.state) ||
    (RANK[a.severity] ?? 9) - (RANK[b.severity] ?? 9) ||
    a.deadline.localeCompare(b.deadline)
  );
}

export const isOverdue = (a: Alert, now = Date.now()): boolean =>
  a.state !== 'closed' && Date.parse(a.deadline) < now;

/** Forecast counts with one decimal (a mean of 0.3 is not 0). */
export const decimal = (tag: string): ((n: number) => string) => {
  const f = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  return (n) => f.format(n);
};
