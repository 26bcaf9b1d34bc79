import { describe, expect, it } from 'vitest';
import {
  fromAfricasTalking,
  fromRapidPro,
  maskNumber,
  normaliseNumber,
  secretMatches,
} from './sms-gateways.ts';

describe('gateway payloads', () => {
  it('reads a RapidPro "Call webhook" body (goflow) and the legacy form fields', () => {
    expect(
      fromRapidPro({
        contact: { uuid: 'c1', name: 'Point focal', urn: 'tel:+22370000001' },
        input: { uuid: 'm1', urn: 'tel:+22370000001', text: 'ALERTE Koro', attachments: [] },
        run: { uuid: 'r1' },
      }),
    ).toEqual({ gateway: 'rapidpro', gatewayId: 'm1', sender: 'tel:+22370000001', text: 'ALERTE Koro' });
    expect(fromRapidPro({ phone: '+22370000002', text: 'x', step: 's1' })).toMatchObject({
      gatewayId: 's1',
      sender: '+22370000002',
    });
    expect(() => fromRapidPro({ input: { text: 'no id, no sender' } })).toThrow(/VALIDATION_FAILED/);
  });

  it("reads an Africa's Talking callback form", () => {
    expect(
      fromAfricasTalking({
        from: '+22370000003',
        to: '36001',
        text: 'ALERTE',
        id: 'ATXid_9',
        date: '2026-03-01 08:00:00',
        linkId: 'L',
      }),
    ).toEqual({ gateway: 'africastalking', gatewayId: 'ATXid_9', sender: '+22370000003', text: 'ALERTE' });
    expect(() => fromAfricasTalking({ text: 'x' })).toThrow(/VALIDATION_FAILED/);
  });
});

describe('sender numbers and secrets', () => {
  it('normalises numbers the same whatever the gateway wrote', () => {
    for (const raw of ['tel:+223 70-00-00-01', '+22370000001', '0022370000001'])
      expect(normaliseNumber(raw)).toBe('+22370000001');
  });
  it('masks a number to its country code and last two digits', () => {
    expect(maskNumber('+22370000001')).toBe('+223 •••• ••01');
  });
  it('compares secrets in constant time and refuses when none is configured', () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches('s3cret', 's3cret ')).toBe(false);
    expect(secretMatches(null, '')).toBe(false);
    expect(secretMatches('s3cret', undefined)).toBe(false);
  });
});
