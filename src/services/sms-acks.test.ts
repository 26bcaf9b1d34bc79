import { describe, expect, it } from 'vitest';
import { retryable } from './sms-acks.ts';
import type { SmsSendOutcome } from './sms-outbound.ts';

const outcome = (error: string | null, statusCode: number | null = null): SmsSendOutcome => ({
  ok: error === null,
  httpStatus: null,
  status: null,
  statusCode,
  messageId: null,
  cost: null,
  error,
});

describe('which failed acknowledgements are tried again', () => {
  it('retries what may pass later: network, timeouts, AT overloaded or its account to fix, no key file', () => {
    for (const error of [
      'timeout',
      'network:ECONNREFUSED',
      'client:TypeError',
      'http:500',
      'http:503',
      'http:429',
      'http:401',
      'key:missing',
    ])
      expect(retryable(outcome(error)), error).toBe(true);
    expect(retryable(outcome('recipient:405', 405))).toBe(true); // InsufficientBalance
    expect(retryable(outcome('recipient:500', 500))).toBe(true);
  });

  it('does not retry a refused number, an erased sender, a sent message or an answer AT may have acted on', () => {
    expect(retryable(outcome(null, 101))).toBe(false);
    expect(retryable(outcome('recipient:403', 403))).toBe(false); // InvalidPhoneNumber
    expect(retryable(outcome('recipient:406', 406))).toBe(false); // UserInBlacklist
    expect(retryable(outcome('erased'))).toBe(false);
    expect(retryable(outcome('response:not-json'))).toBe(false);
    expect(retryable(outcome('response:no-recipient'))).toBe(false);
    expect(retryable(outcome('http:400'))).toBe(false);
  });
});
