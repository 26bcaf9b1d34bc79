import { inRegion, type Principal } from './access.ts';
import type { IncidentHarmType } from './incident.ts';

/**
 * Alerts and the alert → response loop (issue 6, point 7): an alert names an area, its evidence, a severity, an
 * owner, the response required and a deadline, and moves open → acknowledged → responding → closed with an
 * outcome. Pure: the states, the allowed moves and the timings, with no clock and no I/O.
 */
export const ALERT_STATES = ['open', 'acknowledged', 'responding', 'closed'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** How an alert ended: a closed vocabulary (free text would invite protected details into the clear). */
export const ALERT_OUTCOMES = [
  'action_taken', // a response reached the area (patrol, relocation, advocacy, referral made and accepted)
  'referred', // handed to another actor who must act
  'no_action_possible',
  'false_alarm',
  'duplicate',
] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

export const ALERT_SOURCES = ['manual', 'sms', 'rule'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

/**
 * What an alert reports, in the incident vocabulary, plus `armed_attack` (an attack whose harm is not known yet)
 * and `unspecified` (a message that named only a place).
 */
export type AlertHarm = IncidentHarmType | 'armed_attack' | 'unspecified';

export type AlertAction = 'acknowledge' | 'respond' | 'close';

const NEXT: Record<AlertAction, { from: readonly AlertState[]; to: AlertState }> = {
  acknowledge: { from: ['open'], to: 'acknowledged' },
  // Responding straight from open acknowledges implicitly (recorded at the same instant).
  respond: { from: ['open', 'acknowledged'], to: 'responding' },
  // An alert may be closed at any point before (a false alarm needs no response).
  close: { from: ['open', 'acknowledged', 'responding'], to: 'closed' },
};

/** The state an action leads to, or null when it is not allowed from `state`. */
export function nextState(state: AlertState, action: AlertAction): AlertState | null {
  const rule = NEXT[action];
  return rule.from.includes(state) ? rule.to : null;
}

export interface AlertTimes {
  createdAt: string;
  acknowledgedAt: string | null;
  respondingAt: string | null;
  closedAt: string | null;
}

/**
 * Seconds from creation to acknowledgement and to the start of the response (null while not reached). An alert
 * closed without acknowledgement is not given a time to acknowledge: it never was.
 */
export function alertTimings(t: AlertTimes): { toAcknowledge: number | null; toRespond: number | null } {
  const since = (at: string | null) =>
    at === null ? null : Math.max(0, (Date.parse(at) - Date.parse(t.createdAt)) / 1000);
  return { toAcknowledge: since(t.acknowledgedAt), toRespond: since(t.respondingAt) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Medians over a set of alerts; `n` counts the alerts that reached each step. */
export function timingSummary(alerts: readonly AlertTimes[]): {
  alerts: number;
  acknowledged: number;
  responded: number;
  medianToAcknowledge: number | null;
  medianToRespond: number | null;
} {
  const ack: number[] = [];
  const resp: number[] = [];
  for (const a of alerts) {
    const t = alertTimings(a);
    if (t.toAcknowledge !== null) ack.push(t.toAcknowledge);
    if (t.toRespond !== null) resp.push(t.toRespond);
  }
  return {
    alerts: alerts.length,
    acknowledged: ack.length,
    responded: resp.length,
    medianToAcknowledge: median(ack),
    medianToRespond: median(resp),
  };
}

/** Default severity of a community report: killings or abductions of several people are critical. */
export function severityFor(harm: AlertHarm, count: number | null): AlertSeverity {
  const n = count ?? 0;
  if (harm === 'killing' || harm === 'abduction_disappearance' || harm === 'crsv')
    return n >= 3 ? 'critical' : 'high';
  if (harm === 'armed_attack') return n >= 1 ? 'high' : 'medium';
  if (harm === 'injury' || harm === 'attack_on_humanitarian_or_un') return n >= 5 ? 'high' : 'medium';
  if (harm === 'forced_displacement') return n >= 100 ? 'high' : 'medium';
  if (harm === 'unspecified') return 'medium';
  return n >= 10 ? 'high' : 'medium';
}

/** Hours given to respond by severity, when the creator sets no deadline. */
export const DEFAULT_DEADLINE_HOURS: Record<AlertSeverity, number> = {
  critical: 6,
  high: 24,
  medium: 72,
  low: 168,
};

/** What the access rules read of an alert. */
export interface AlertAccessFacts {
  organisationId: string;
  admin1: string | null;
  admin1Pcode: string | null;
  ownerId: string | null;
}

/**
 * Alerts are organisation-scoped like incidents: every role but viewer sees the alerts of its organisation in
 * its region scope (and an owner always sees their own); the evidence text and community messages behind an
 * alert open for monitors and admins only.
 */
export function canSeeAlert(p: Principal, f: AlertAccessFacts): boolean {
  if (p.organisationId !== f.organisationId || p.role === 'viewer') return false;
  return f.ownerId === p.userId || inRegion(p, f.admin1, f.admin1Pcode);
}

export function canOpenAlertEvidence(p: Principal, f: AlertAccessFacts): boolean {
  return canSeeAlert(p, f) && (p.role === 'monitor' || p.role === 'admin');
}

/** Analysts raise alerts from their analyses; monitors and admins too. */
export function canCreateAlerts(p: Principal): boolean {
  return !p.readOnly && p.role !== 'viewer';
}

/** Acknowledging, responding and closing are the monitors' and admins' work (and the owner's). */
export function canMoveAlert(p: Principal, f: AlertAccessFacts): boolean {
  if (p.readOnly || !canSeeAlert(p, f)) return false;
  return p.role === 'monitor' || p.role === 'admin' || f.ownerId === p.userId;
}

/** The triage queue of community messages holds protected text: monitors and admins. */
export function canTriage(p: Principal): boolean {
  return !p.readOnly && (p.role === 'monitor' || p.role === 'admin');
}
