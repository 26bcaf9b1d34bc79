import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertPort } from '../../src/services/ports/alert-port.ts';
import type { SmsAckRecord } from '../../src/services/ports/sms-ack-port.ts';
import { alertStore } from '../../src/storage/alerts/index.ts';
import type { Storage } from '../../src/storage/open.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';

/**
 * The acknowledgement outbox's store (migration 0007, storage/alerts/acknowledgements.ts), row for row the same
 * on SQLite and PostgreSQL: one row per message, due order, claims that only one worker wins, counts per
 * organisation. The worker's behaviour over it is in test/e2e/sms-ack-outbox.test.ts.
 */
describe.each(DIALECTS)('SMS acknowledgement outbox store on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  let port: AlertPort;

  beforeAll(async () => {
    database = await create();
    storage = await database.open();
    port = alertStore(storage.db, storage.dialect);
    for (const org of ['org-a', 'org-b'])
      await storage.db
        .insertInto('organisations')
        .values({ id: org, name: org, created_at: '2026-03-01T00:00:00.000Z' })
        .execute();
    for (const [id, org] of [
      ['m1', 'org-a'],
      ['m2', 'org-a'],
      ['m3', 'org-b'],
    ] as const)
      await port.sms.insert({
        id,
        organisationId: org,
        gateway: 'africastalking',
        gatewayId: `AT-${id}`,
        senderHash: `hash-${id}`,
        senderSealed: 'sealed',
        textSealed: 'sealed',
        dataKeyId: 'key',
        receivedAt: '2026-03-01T08:00:00.000Z',
        parseJson: '{"reasons":[]}',
        status: 'triage',
        alertId: null,
        decidedBy: null,
        decidedAt: null,
      });
  });
  afterAll(async () => {
    await storage.close();
    await database.drop();
  });

  const ack = (id: string, messageId: string, organisationId: string, next: string): SmsAckRecord => ({
    id,
    messageId,
    organisationId,
    gateway: 'africastalking',
    text: 'vigie : message reçu, il sera examiné.',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: next,
    lastError: null,
    createdAt: next,
    updatedAt: next,
    sentAt: null,
  });

  it('keeps one acknowledgement per message, written in the message’s transaction or not at all', async () => {
    await port.smsAcks.add(ack('a1', 'm1', 'org-a', '2026-03-01T08:00:02.000Z'));
    await expect(
      port.smsAcks.add(ack('a1-bis', 'm1', 'org-a', '2026-03-01T08:00:02.000Z')),
    ).rejects.toThrow();
    await expect(
      port.transaction(async (s) => {
        await s.smsAcks.add(ack('a2', 'm2', 'org-a', '2026-03-01T08:00:01.000Z'));
        throw new Error('the message was not stored');
      }),
    ).rejects.toThrow('the message was not stored');
    expect(await port.smsAcks.forMessage('m2')).toBeNull();
    await port.transaction((s) => s.smsAcks.add(ack('a2', 'm2', 'org-a', '2026-03-01T08:00:01.000Z')));
    await port.smsAcks.add(ack('a3', 'm3', 'org-b', '2026-03-01T08:00:03.000Z'));
    expect(await port.smsAcks.forMessage('m1')).toEqual(ack('a1', 'm1', 'org-a', '2026-03-01T08:00:02.000Z'));
  });

  it('lists what is due, most overdue first, and the next time anything is due', async () => {
    expect((await port.smsAcks.due('2026-03-01T08:00:02.500Z', 10)).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect((await port.smsAcks.due('2026-03-01T09:00:00.000Z', 2)).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(await port.smsAcks.nextDue()).toBe('2026-03-01T08:00:01.000Z');
  });

  it('lets one worker claim a row; the other loses, and the lease hides the row until it ends', async () => {
    const lease = '2026-03-01T08:02:01.000Z';
    expect(await port.smsAcks.claim('a2', '2026-03-01T08:00:01.000Z', lease)).toBe(true);
    expect(await port.smsAcks.claim('a2', '2026-03-01T08:00:01.000Z', lease)).toBe(false);
    expect((await port.smsAcks.due('2026-03-01T08:01:00.000Z', 10)).map((a) => a.id)).toEqual(['a1', 'a3']);
    // A worker that died mid-send: the row is due again once its lease has ended.
    expect((await port.smsAcks.due(lease, 10)).map((a) => a.id)).toEqual(['a1', 'a3', 'a2']);
  });

  it('records outcomes and counts them per organisation', async () => {
    const a1 = (await port.smsAcks.forMessage('m1'))!;
    await port.smsAcks.save({
      ...a1,
      status: 'sent',
      attempts: 1,
      nextAttemptAt: null,
      sentAt: '2026-03-01T08:00:05.000Z',
    });
    const a2 = (await port.smsAcks.forMessage('m2'))!;
    await port.smsAcks.save({
      ...a2,
      status: 'failed',
      attempts: 6,
      nextAttemptAt: null,
      lastError: 'timeout',
    });
    expect(await port.smsAcks.claim('a1', '2026-03-01T08:00:02.000Z', '2026-03-01T09:00:00.000Z')).toBe(
      false,
    );
    expect(await port.smsAcks.forMessage('m2')).toMatchObject({ attempts: 6, lastError: 'timeout' });
    expect(await port.smsAcks.counts('org-a')).toEqual({
      pending: 0,
      sent: 1,
      failed: 1,
      oldestPendingAt: null,
      nextAttemptAt: null,
    });
    expect(await port.smsAcks.counts('org-b')).toEqual({
      pending: 1,
      sent: 0,
      failed: 0,
      oldestPendingAt: '2026-03-01T08:00:03.000Z',
      nextAttemptAt: '2026-03-01T08:00:03.000Z',
    });
    expect(await port.smsAcks.counts(null)).toMatchObject({ pending: 1, sent: 1, failed: 1 });
    expect(await port.smsAcks.nextDue()).toBe('2026-03-01T08:00:03.000Z');
  });
});
