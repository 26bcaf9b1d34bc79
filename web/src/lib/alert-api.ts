import { allOf, type ApiBody, type ApiResponse, type Item } from './api-types.ts';
import { HARM_TYPES } from './incident-vocab.ts';

/**
 * The alert, triage and forecast answers (docs/openapi.json: alerts and forecast tags) from the generated schema
 * (lib/api-types.ts), and their URLs. The lists fix the order the pages show; `allOf` checks them against the
 * values the server declares.
 */

export type AlertInput = ApiBody<'/api/v1/alerts'>;
export type AlertState = Item<NonNullable<ApiResponse<'/api/v1/areas/{unit}/{code}'>['alerts']>>['state'];
export const ALERT_STATES = allOf<AlertState>()(['open', 'acknowledged', 'responding', 'closed']);
export type AlertSeverity = AlertInput['severity'];
export const ALERT_SEVERITIES = allOf<AlertSeverity>()(['low', 'medium', 'high', 'critical']);
export type AlertOutcome = ApiBody<'/api/v1/alerts/{id}/close'>['outcome'];
export const ALERT_OUTCOMES = allOf<AlertOutcome>()([
  'action_taken',
  'referred',
  'no_action_possible',
  'false_alarm',
  'duplicate',
]);
export type AlertHarm = NonNullable<AlertInput['harm']>;
export const ALERT_HARMS = allOf<AlertHarm>()([...HARM_TYPES, 'armed_attack', 'unspecified']);
export type AlertAction = 'acknowledge' | 'respond' | 'close';

export type AlertPage = ApiResponse<'/api/v1/alerts'>;
export type Alert = Item<AlertPage['alerts']>;
export type AlertDetail = ApiResponse<'/api/v1/alerts/{id}'>;
export type CreatedAlert = ApiResponse<'/api/v1/alerts', 'post'>;
export type AlertMetrics = ApiResponse<'/api/v1/alerts/metrics'>;
export type TriageQueue = ApiResponse<'/api/v1/alerts/triage'>;
export type TriageMessage = Item<TriageQueue['messages']>;
/** The body of POST /api/v1/alerts/triage/:id: dismiss the message, or raise an alert from it. */
export type TriageResolution = ApiBody<'/api/v1/alerts/triage/{id}'>;

export type ForecastSet = ApiResponse<'/api/v1/forecasts'>;
export type ForecastValue = Item<ForecastSet['values']>;

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
