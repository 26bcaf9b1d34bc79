import { randomUUID } from 'node:crypto';
import {
  canCreateAlerts,
  canMoveAlert,
  canSeeAlert,
  DEFAULT_DEADLINE_HOURS,
  nextState,
  type AlertAction,
} from '../core/alert.ts';
import type { Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { AlertInput, CloseInput, RuleFiring } from './alerts-input.ts';
import type { AuditLog } from './audit-log.ts';
import type { IncidentPlacer } from './incidents.ts';
import type { KeyRing } from './key-ring.ts';
import type { AlertEvent, Notifier } from './notify.ts';
import type { AlertPort, AlertRecord, AlertStep, AlertStores } from './ports/alert-port.ts';

export interface AlertDeps {
  port: AlertPort;
  keys: KeyRing;
  audit: AuditLog;
  notifier: Notifier;
  place: IncidentPlacer;
  now: () => string;
}

export const facts = (a: AlertRecord) => ({
  organisationId: a.organisationId,
  admin1: a.admin1,
  admin1Pcode: a.admin1Pcode,
  ownerId: a.ownerId,
});

/**
 * Opens a sealed field, or null when its data key was erased (retention or duress wipe): the record stays
 * readable in its codes, its protected text is gone.
 */
export async function openOrErased(
  keys: KeyRing,
  keyId: string,
  context: { table: string; recordId: string; field: string },
  sealed: string,
  store: AlertStores['keys'],
): Promise<string | null> {
  try {
    return await keys.open(keyId, context, sealed, store);
  } catch (error) {
    if (
      error instanceof VigieError &&
      error.code === 'KEY_UNAVAILABLE' &&
      error.details['reason'] === 'erased'
    )
      return null;
    throw error;
  }
}

/** Reads an alert the principal may see, or NOT_FOUND (an alert one may not see does not exist for them). */
export async function visibleAlert(deps: AlertDeps, by: Principal, id: string): Promise<AlertRecord> {
  const alert = await deps.port.alerts.get(id);
  if (!alert || !canSeeAlert(by, facts(alert))) throw new VigieError('NOT_FOUND');
  return alert;
}

export interface NewAlert {
  organisationId: string;
  createdBy: string | null;
  input: AlertInput;
  source: AlertRecord['source'];
  messages?: string[];
}

/** Writes an alert, its first step, its audit entry and its notifications in the caller's transaction. */
export async function insertAlert(deps: AlertDeps, s: AlertStores, n: NewAlert): Promise<AlertRecord> {
  const at = deps.now();
  const { input } = n;
  if (input.ownerId !== undefined && !(await s.userInOrganisation(input.ownerId, n.organisationId)))
    throw new VigieError('VALIDATION_FAILED', { reason: 'ownerId: no such user in the organisation' });
  const place = await deps.place(
    input.area.latitude ?? null,
    input.area.longitude ?? null,
    input.area.pcode ?? null,
  );
  const id = randomUUID();
  let dataKeyId: string | null = null;
  let evidenceSealed: string | null = null;
  if (input.evidence.text !== undefined && input.evidence.text !== '') {
    dataKeyId = await deps.keys.newDataKey(s.keys, 'incident', at);
    evidenceSealed = await deps.keys.seal(
      dataKeyId,
      { table: 'alerts', recordId: id, field: 'evidence' },
      input.evidence.text,
      s.keys,
    );
  }
  const deadline =
    input.deadline !== undefined
      ? new Date(input.deadline).toISOString()
      : new Date(Date.parse(at) + DEFAULT_DEADLINE_HOURS[input.severity] * 3_600_000).toISOString();
  const alert: AlertRecord = {
    id,
    organisationId: n.organisationId,
    reference: await s.alerts.nextReference(Number(at.slice(0, 4))),
    source: n.source,
    sourceKey: input.sourceKey ?? null,
    admin1: place.admin1,
    admin1Pcode: place.admin1Pcode,
    admin2Pcode: place.admin2Pcode,
    placeCode: input.area.pcode ?? null,
    placeName: input.area.name ?? null,
    latitude: input.area.latitude ?? null,
    longitude: input.area.longitude ?? null,
    harm: input.harm,
    peopleCount: input.peopleCount ?? null,
    severity: input.severity,
    ownerId: input.ownerId ?? null,
    requiredResponse: input.requiredResponse,
    deadline,
    state: 'open',
    outcome: null,
    evidenceSealed,
    links: {
      events: input.evidence.events,
      incidents: input.evidence.incidents,
      firings: input.evidence.firings,
      messages: n.messages ?? [],
    },
    dataKeyId,
    createdBy: n.createdBy,
    createdAt: at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    respondingAt: null,
    respondingBy: null,
    closedAt: null,
    closedBy: null,
    updatedAt: at,
  };
  await s.alerts.insert(alert);
  await s.alerts.addStep({ alertId: id, seq: 1, action: 'create', state: 'open', at, by: n.createdBy });
  await deps.audit.record(s, {
    actorId: n.createdBy,
    action: 'alert.create',
    targetType: 'alert',
    targetId: id,
    details: { source: n.source, severity: input.severity, harm: input.harm },
  });
  await deps.notifier.enqueue(s, alert, 'alert.created', at);
  return alert;
}

export async function createAlert(
  deps: AlertDeps,
  by: Principal,
  input: AlertInput,
): Promise<{ alert: AlertRecord; created: boolean }> {
  if (!canCreateAlerts(by)) throw new VigieError('FORBIDDEN');
  const result = await deps.port.transaction(async (s) => {
    if (input.sourceKey !== undefined) {
      const existing = await s.alerts.bySourceKey(by.organisationId, input.sourceKey);
      if (existing) return { alert: existing, created: false };
    }
    const alert = await insertAlert(deps, s, {
      organisationId: by.organisationId,
      createdBy: by.userId,
      input,
      source: input.evidence.firings.length > 0 ? 'rule' : 'manual',
    });
    return { alert, created: true };
  });
  deps.notifier.kick();
  return result;
}

/** The rules engine's firings as alerts, in one call; a firing already turned into an alert is not repeated. */
export async function createAlertsFromFirings(
  deps: AlertDeps,
  by: Principal,
  firings: readonly RuleFiring[],
): Promise<{ created: AlertRecord[]; existing: AlertRecord[] }> {
  const created: AlertRecord[] = [];
  const existing: AlertRecord[] = [];
  for (const f of firings) {
    const r = await createAlert(deps, by, {
      area: { pcode: f.pcode, ...(f.areaName ? { name: f.areaName } : {}) },
      severity: f.severity,
      harm: 'unspecified',
      evidence: { text: `${f.rule}: ${f.summary}`, events: f.events ?? [], incidents: [], firings: [f.key] },
      requiredResponse: f.requiredResponse ?? 'Vérifier la situation et décider d’une réponse',
      sourceKey: `rule:${f.key}`,
      ...(f.deadline ? { deadline: f.deadline } : {}),
    });
    (r.created ? created : existing).push(r.alert);
  }
  return { created, existing };
}

const EVENT_OF: Record<AlertAction, AlertEvent> = {
  acknowledge: 'alert.acknowledged',
  respond: 'alert.responding',
  close: 'alert.closed',
};

/** Moves an alert one step; the owner is whoever first acknowledges an unowned alert. */
export async function moveAlert(
  deps: AlertDeps,
  by: Principal,
  id: string,
  action: AlertAction,
  close?: CloseInput,
): Promise<AlertRecord> {
  const result = await deps.port.transaction(async (s) => {
    const alert = await s.alerts.get(id);
    if (!alert || !canSeeAlert(by, facts(alert))) throw new VigieError('NOT_FOUND');
    if (!canMoveAlert(by, facts(alert))) throw new VigieError('FORBIDDEN');
    const to = nextState(alert.state, action);
    if (to === null) throw new VigieError('CONFLICT', { state: alert.state, action });
    const at = deps.now();
    const change: Partial<AlertRecord> = { state: to, updatedAt: at, ownerId: alert.ownerId ?? by.userId };
    const steps: Array<Pick<AlertStep, 'action' | 'state'>> = [];
    if (alert.acknowledgedAt === null && action !== 'close') {
      Object.assign(change, { acknowledgedAt: at, acknowledgedBy: by.userId });
      if (action === 'respond') steps.push({ action: 'acknowledge', state: 'acknowledged' });
    }
    if (action === 'respond') Object.assign(change, { respondingAt: at, respondingBy: by.userId });
    if (action === 'close') {
      if (!close) throw new VigieError('VALIDATION_FAILED', { reason: 'outcome' });
      Object.assign(change, { closedAt: at, closedBy: by.userId, outcome: close.outcome });
      if (close.note) {
        // The note joins the sealed evidence (one sealed field per alert keeps erasure simple); a new key when
        // there was no evidence or its key was erased.
        const before =
          alert.evidenceSealed !== null && alert.dataKeyId !== null
            ? await openOrErased(deps.keys, alert.dataKeyId, evidenceOf(id), alert.evidenceSealed, s.keys)
            : null;
        const keyId = before !== null ? alert.dataKeyId! : await deps.keys.newDataKey(s.keys, 'incident', at);
        const text = before !== null ? `${before}\n\n[clôture] ${close.note}` : `[clôture] ${close.note}`;
        change.dataKeyId = keyId;
        change.evidenceSealed = await deps.keys.seal(keyId, evidenceOf(id), text, s.keys);
      }
    }
    steps.push({ action, state: to });
    if (!(await s.alerts.update(id, alert.state, change)))
      throw new VigieError('CONFLICT', { state: alert.state });
    const seq = (await s.alerts.steps(id)).length;
    for (const [i, step] of steps.entries())
      await s.alerts.addStep({ alertId: id, seq: seq + i + 1, ...step, at, by: by.userId });
    await deps.audit.record(s, {
      actorId: by.userId,
      action: `alert.${action}`,
      targetType: 'alert',
      targetId: id,
      details: { from: alert.state, to, ...(close ? { outcome: close.outcome } : {}) },
    });
    const updated = { ...alert, ...change };
    await deps.notifier.enqueue(s, updated, EVENT_OF[action], at);
    return updated;
  });
  deps.notifier.kick();
  return result;
}

const evidenceOf = (id: string) => ({ table: 'alerts', recordId: id, field: 'evidence' });
