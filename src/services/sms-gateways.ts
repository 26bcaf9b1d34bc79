import { createHash, timingSafeEqual } from 'node:crypto';
import { VigieError } from '../core/errors.ts';
import type { SmsGateway } from './ports/alert-port.ts';

/** One inbound message, whatever gateway delivered it. */
export interface InboundSms {
  gateway: SmsGateway;
  /** The gateway's message id: a second delivery with the same id is the same message. */
  gatewayId: string;
  sender: string;
  text: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * RapidPro's "Call webhook" body (goflow): `contact {uuid, name, urn}`, `input {uuid, urn, text, attachments}`,
 * `run {uuid}`, `flow`, `results`, `channel`. Older flows post `phone`, `text`, `run`/`step` fields; both are read.
 */
export function fromRapidPro(body: unknown): InboundSms {
  const b = obj(body);
  const input = obj(b['input']);
  const contact = obj(b['contact']);
  const gatewayId =
    str(input['uuid']) ??
    str(b['id']) ??
    str(obj(b['msg'])['uuid']) ??
    str(b['step']) ??
    str(obj(b['run'])['uuid']);
  const sender = str(contact['urn']) ?? str(input['urn']) ?? str(b['urn']) ?? str(b['phone']);
  const text = str(input['text']) ?? str(b['text']) ?? '';
  if (!gatewayId || !sender)
    throw new VigieError('VALIDATION_FAILED', { reason: 'RapidPro body: input.uuid and contact.urn' });
  return { gateway: 'rapidpro', gatewayId, sender, text };
}

/** Africa's Talking incoming-message callback (form-encoded): `from`, `to`, `text`, `date`, `id`, `linkId`. */
export function fromAfricasTalking(form: unknown): InboundSms {
  const f = obj(form);
  const gatewayId = str(f['id']);
  const sender = str(f['from']);
  if (!gatewayId || !sender)
    throw new VigieError('VALIDATION_FAILED', { reason: "Africa's Talking form: id and from" });
  return { gateway: 'africastalking', gatewayId, sender, text: str(f['text']) ?? '' };
}

/** "tel:+223 70-00-00-00" → "+22370000000": the form the keyed hash is computed on. */
export function normaliseNumber(raw: string): string {
  const body = raw.replace(/^[a-z]+:/i, '').trim();
  const digits = body.replace(/[^\d]/g, '');
  return body.startsWith('+') || body.startsWith('00') ? `+${digits.replace(/^00/, '')}` : digits;
}

/** Shows a monitor who wrote without showing the number: country code and the last two digits. */
export function maskNumber(normalised: string): string {
  if (normalised.length <= 4) return '••';
  const cc = normalised.startsWith('+') ? `${normalised.slice(0, 4)} ` : '';
  return `${cc}•••• ••${normalised.slice(-2)}`;
}

/** Constant-time comparison of the gateway's shared secret (hashed first, so lengths never leak). */
export function secretMatches(expected: string | null, presented: string | undefined): boolean {
  if (!expected || !presented) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(presented).digest();
  return timingSafeEqual(a, b);
}
