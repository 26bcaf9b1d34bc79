import { alertTimings, canOpenAlertEvidence } from '../core/alert.ts';
import type { Principal } from '../core/access.ts';
import { facts, openOrErased, visibleAlert, type AlertDeps } from './alerts.ts';
import type { AlertRecord, AlertStep, DeliveryAttempt } from './ports/alert-port.ts';

export interface AlertDetail {
  alert: AlertRecord;
  timings: { toAcknowledge: number | null; toRespond: number | null };
  timeline: AlertStep[];
  /** Opened for monitors and admins (the read audited first); null for the others or when there is none. */
  evidenceText: string | null;
  messages: Array<{ id: string; gateway: string; receivedAt: string; text: string | null }>;
  deliveries: Array<{
    event: string;
    channel: string;
    status: string;
    attempts: DeliveryAttempt[];
    deliveredAt: string | null;
  }>;
}

/** One alert with its timeline, timings, evidence (as the reader's role allows) and notification record. */
export async function showAlert(deps: AlertDeps, by: Principal, id: string): Promise<AlertDetail> {
  const alert = await visibleAlert(deps, by, id);
  const open = canOpenAlertEvidence(by, facts(alert));
  return deps.port.transaction(async (s) => {
    const messages = await s.sms.forAlert(id);
    let evidenceText: string | null = null;
    const texts = new Map<string, string | null>();
    if (open) {
      await deps.audit.record(s, {
        actorId: by.userId,
        action: 'alert.read',
        targetType: 'alert',
        targetId: id,
        details: { messages: messages.length },
      });
      if (alert.evidenceSealed && alert.dataKeyId)
        evidenceText = await openOrErased(
          deps.keys,
          alert.dataKeyId,
          { table: 'alerts', recordId: id, field: 'evidence' },
          alert.evidenceSealed,
          s.keys,
        );
      for (const m of messages)
        texts.set(
          m.id,
          m.textSealed === ''
            ? null
            : await openOrErased(
                deps.keys,
                m.dataKeyId,
                { table: 'sms_messages', recordId: m.id, field: 'text' },
                m.textSealed,
                s.keys,
              ),
        );
    }
    const deliveries = await s.deliveries.forAlert(id);
    return {
      alert,
      timings: alertTimings(alert),
      timeline: await s.alerts.steps(id),
      evidenceText,
      messages: messages.map((m) => ({
        id: m.id,
        gateway: m.gateway,
        receivedAt: m.receivedAt,
        text: texts.get(m.id) ?? null,
      })),
      deliveries: deliveries.map((d) => ({
        event: d.event,
        channel: d.channel,
        status: d.status,
        attempts: d.attempts,
        deliveredAt: d.deliveredAt,
      })),
    };
  });
}
