import { createHmac, hkdfSync, randomUUID } from 'node:crypto';
import { canTriage, type AlertHarm } from '../core/alert.ts';
import type { Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import {
  buildGazetteer,
  parseSms,
  type Gazetteer,
  type GazetteerEntry,
  type SmsParse,
} from '../analysis/sms/parse.ts';
import type { AlertInput } from './alerts-input.ts';
import { insertAlert, openOrErased, type AlertDeps } from './alerts.ts';
import type { AlertStores, SmsRecord } from './ports/alert-port.ts';
import type { AckOutbox, AckOutboxConfig } from './sms-acks.ts';
import { maskNumber, normaliseNumber, secretMatches, type InboundSms } from './sms-gateways.ts';
import { acknowledgementText, type SmsSender } from './sms-outbound.ts';

export interface SmsDeps extends AlertDeps {
  /** The units of the loaded boundaries (admin-1, -2, -3) the parser resolves places against. */
  places: () => Promise<GazetteerEntry[]>;
  secrets: { rapidpro: string | null; africastalking: string | null };
  organisation: string | null;
  /** Africa's Talking SMS API client for acknowledgements (AT does not send a callback's reply); none: not sent. */
  atSender?: SmsSender | null;
  /** Retries of the acknowledgement outbox (sms-acks.ts); default six attempts over about 2 h 40 min. */
  acknowledgements?: AckOutboxConfig;
}

/**
 * How the sender's acknowledgement leaves: `reply` in the webhook's answer (RapidPro's flow sends it); `queued`
 * in the outbox, sent through Africa's Talking's SMS API after the webhook has answered; `not-configured`
 * without AT API credentials; `duplicate` for a redelivery (the first delivery queued it).
 */
export type AckDelivery = 'reply' | 'queued' | 'not-configured' | 'duplicate';

export interface SmsReceipt {
  messageId: string;
  outcome: 'alert' | 'triage';
  duplicate: boolean;
  reference: string | null;
  reasons: string[];
  acknowledgement: AckDelivery;
}

/** The gazetteer is rebuilt at most once a minute (boundaries change rarely; geometry is heavy to read). */
export function gazetteerCache(places: () => Promise<GazetteerEntry[]>, ttlMs = 60_000) {
  let cached: { at: number; value: Promise<Gazetteer> } | null = null;
  return () => {
    if (!cached || Date.now() - cached.at > ttlMs)
      cached = { at: Date.now(), value: places().then(buildGazetteer) };
    return cached.value;
  };
}

/** The keyed hash of a sender: HMAC under a key derived from the audit key, so a copied database cannot test numbers. */
async function senderHash(deps: SmsDeps, s: AlertStores, number: string, at: string): Promise<string> {
  const base = await deps.keys.auditKey(s.keys, at);
  const key = Buffer.from(hkdfSync('sha256', base, Buffer.alloc(0), 'vigie/sms-sender-hash/v1', 32));
  return createHmac('sha256', key).update(number).digest('hex');
}

const receiptOf = (
  m: SmsRecord,
  duplicate: boolean,
  reference: string | null,
  acknowledgement: AckDelivery,
): SmsReceipt => {
  const parse = JSON.parse(m.parseJson) as SmsParse;
  return {
    messageId: m.id,
    outcome: m.status === 'alert' ? 'alert' : 'triage',
    duplicate,
    reference,
    reasons: parse.reasons,
    acknowledgement,
  };
};

/**
 * A community message from a gateway: authenticated by the gateway's shared secret, stored once per gateway
 * message id (a redelivery answers as the first did), sender and text sealed, then either an alert (the parse
 * resolved a place and what happened) or the triage queue. An Africa's Talking sender's acknowledgement is
 * queued in the outbox in the same transaction and sent by the worker (sms-acks.ts) after the webhook answered:
 * AT's API being slow or down never holds the webhook, and a crash after the commit loses no acknowledgement.
 */
export async function receiveSms(
  deps: SmsDeps,
  acks: AckOutbox,
  gazetteer: () => Promise<Gazetteer>,
  sms: InboundSms,
  presentedSecret: string | undefined,
): Promise<SmsReceipt> {
  if (!secretMatches(deps.secrets[sms.gateway], presentedSecret))
    throw new VigieError('UNAUTHENTICATED', { reason: 'gateway-secret' });
  const g = await gazetteer();
  const viaApi = sms.gateway === 'africastalking' && acks.configured;
  const ackRoute = sms.gateway === 'rapidpro' ? 'reply' : viaApi ? 'gateway-api' : 'not-configured';
  const receipt = await deps.port.transaction(async (s) => {
    const seen = await s.sms.byGatewayId(sms.gateway, sms.gatewayId);
    if (seen) {
      const alert = seen.alertId ? await s.alerts.get(seen.alertId) : null;
      return receiptOf(seen, true, alert?.reference ?? null, 'duplicate');
    }
    const organisationId = await s.organisationId(deps.organisation);
    if (!organisationId) throw new VigieError('CONFLICT', { reason: 'sms-organisation' });
    const at = deps.now();
    const id = randomUUID();
    const parse = parseSms(sms.text, g);
    const keyId = await deps.keys.newDataKey(s.keys, 'incident', at);
    const seal = (field: string, value: string) =>
      deps.keys.seal(keyId, { table: 'sms_messages', recordId: id, field }, value, s.keys);
    const number = normaliseNumber(sms.sender);
    const message: SmsRecord = {
      id,
      organisationId,
      gateway: sms.gateway,
      gatewayId: sms.gatewayId,
      senderHash: await senderHash(deps, s, number, at),
      senderSealed: await seal('sender', number),
      textSealed: await seal('text', sms.text),
      dataKeyId: keyId,
      receivedAt: at,
      parseJson: JSON.stringify(parse),
      status: parse.outcome,
      alertId: null,
      decidedBy: null,
      decidedAt: null,
    };
    let reference: string | null = null;
    if (parse.outcome === 'alert' && parse.place) {
      const alert = await insertAlert(deps, s, {
        organisationId,
        createdBy: null,
        source: 'sms',
        messages: [id],
        input: alertFromParse(parse),
      });
      message.alertId = alert.id;
      reference = alert.reference;
    }
    await s.sms.insert(message);
    await deps.audit.record(s, {
      actorId: null,
      action: 'sms.receive',
      targetType: 'sms',
      targetId: id,
      details: {
        gateway: sms.gateway,
        outcome: parse.outcome,
        reasons: parse.reasons.join(','),
        acknowledgement: ackRoute,
      },
    });
    const ack: AckDelivery = sms.gateway === 'rapidpro' ? 'reply' : viaApi ? 'queued' : 'not-configured';
    const stored = receiptOf(message, false, reference, ack);
    // No number in the outbox row: the worker opens the message's sealed sender when it sends.
    if (viaApi) await acks.enqueue(s, message, acknowledgementText(stored));
    return stored;
  });
  deps.notifier.kick();
  if (receipt.acknowledgement === 'queued') acks.kick();
  return receipt;
}

function alertFromParse(parse: SmsParse): AlertInput {
  const harm: AlertHarm = parse.harm ?? 'unspecified';
  return {
    area: { pcode: parse.place!.code, name: parse.place!.name },
    severity: parse.severity,
    harm,
    ...(parse.count !== null ? { peopleCount: parse.count } : {}),
    evidence: { events: [], incidents: [], firings: [] },
    requiredResponse: 'Vérifier auprès du point focal et décider d’une réponse',
  };
}

export interface TriageItem {
  id: string;
  gateway: string;
  receivedAt: string;
  text: string | null;
  sender: string;
  messagesFromSender: number;
  parse: SmsParse;
}

/** The triage queue, texts opened for monitors and admins; the read is audited first. */
export async function triageQueue(deps: SmsDeps, by: Principal, limit: number): Promise<TriageItem[]> {
  if (!canTriage(by)) throw new VigieError('FORBIDDEN');
  return deps.port.transaction(async (s) => {
    const rows = await s.sms.triage(by.organisationId, limit);
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'sms.triage.read',
      targetType: 'sms',
      targetId: null,
      details: { count: rows.length },
    });
    return Promise.all(
      rows.map(async (m) => {
        const open = (field: string, sealed: string) =>
          sealed === ''
            ? Promise.resolve(null)
            : openOrErased(
                deps.keys,
                m.dataKeyId,
                { table: 'sms_messages', recordId: m.id, field },
                sealed,
                s.keys,
              );
        const sender = await open('sender', m.senderSealed);
        return {
          id: m.id,
          gateway: m.gateway,
          receivedAt: m.receivedAt,
          text: await open('text', m.textSealed),
          sender: sender === null ? '••' : maskNumber(sender),
          messagesFromSender: await s.sms.countBySender(m.organisationId, m.senderHash),
          parse: JSON.parse(m.parseJson) as SmsParse,
        };
      }),
    );
  });
}

/** A monitor's decision on a queued message: an alert (with the area and the rest given) or dismissal. */
export async function resolveTriage(
  deps: SmsDeps,
  by: Principal,
  id: string,
  decision: { action: 'dismiss' } | { action: 'alert'; alert: AlertInput },
): Promise<{ status: 'resolved' | 'dismissed'; alertId: string | null; reference: string | null }> {
  if (!canTriage(by)) throw new VigieError('FORBIDDEN');
  const result = await deps.port.transaction(async (s) => {
    const m = await s.sms.get(id);
    if (!m || m.organisationId !== by.organisationId) throw new VigieError('NOT_FOUND');
    if (m.status !== 'triage') throw new VigieError('CONFLICT', { status: m.status });
    const at = deps.now();
    let alertId: string | null = null;
    let reference: string | null = null;
    if (decision.action === 'alert') {
      const alert = await insertAlert(deps, s, {
        organisationId: m.organisationId,
        createdBy: by.userId,
        source: 'sms',
        messages: [id],
        input: decision.alert,
      });
      alertId = alert.id;
      reference = alert.reference;
    }
    const status = decision.action === 'alert' ? 'resolved' : 'dismissed';
    if (!(await s.sms.decide(id, { status, alertId, decidedBy: by.userId, decidedAt: at })))
      throw new VigieError('CONFLICT', { status: m.status });
    await deps.audit.record(s, {
      actorId: by.userId,
      action: `sms.${status}`,
      targetType: 'sms',
      targetId: id,
      details: { alert: alertId },
    });
    return { status, alertId, reference } as const;
  });
  deps.notifier.kick();
  return result;
}
