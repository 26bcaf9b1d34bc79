import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/core/access.ts';
import { openVigie } from '../../src/main.ts';
import { NO_NOTIFICATIONS } from '../../src/services/notify.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { loadAlertGazetteer } from '../support/alert-fixtures.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';

/** The alert loop and community SMS through the services, on SQLite and PostgreSQL alike. */
describe.each(DIALECTS)('alerts contract on $name', ({ create }) => {
  let database: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'vigie-alerts-'));
  let vigie: Vigie;
  let clock = Date.parse('2026-03-01T08:00:00.000Z');
  const as: Record<string, Principal> = {};
  const minutes = (n: number) => (clock += n * 60_000);

  beforeAll(async () => {
    database = await create();
    const [flag, target] = database.cliArgs;
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
      keyFile: join(dir, 'vigie.key'),
      clock: {
        now: () => new Date(clock).toISOString(),
        today: () => new Date(clock).toISOString().slice(0, 10),
      },
      alerts: {
        notify: NO_NOTIFICATIONS,
        sms: { secrets: { rapidpro: 'rp-secret', africastalking: 'at-secret' }, organisation: 'ngo' },
      },
    });
    await loadAlertGazetteer(vigie, dir);
    for (const [name, role, organisation] of [
      ['monitor', 'monitor', 'ngo'],
      ['monitor2', 'monitor', 'ngo'],
      ['analyst', 'analyst', 'ngo'],
      ['viewer', 'viewer', 'ngo'],
      ['outsider', 'monitor', 'other'],
    ] as const) {
      const email = `${name}-${database.name}@example.org`;
      await vigie.protection.accounts.addUser('cli', {
        email,
        password: `password of ${email}`,
        role,
        organisation,
        regions: [],
      });
      as[name] = await vigie.protection.accounts.authenticate(email, `password of ${email}`, 'test');
    }
  });
  afterAll(async () => {
    await vigie.close();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const input = {
    area: { pcode: 'ML0704', name: 'Ménaka' },
    severity: 'high' as const,
    harm: 'armed_attack' as const,
    evidence: { text: 'Témoin : tirs au marché', events: [], incidents: [], firings: [] },
    requiredResponse: 'Vérifier et alerter la mission',
  };

  it('walks open → acknowledged → responding → closed, with a timeline, timings and audit', async () => {
    const { alert, created } = await vigie.alerts.create(as['analyst']!, input);
    expect(created).toBe(true);
    expect(alert).toMatchObject({
      state: 'open',
      admin1Pcode: 'ML07',
      admin2Pcode: 'ML0704',
      reference: /^ALR-2026-0+1$/,
    });
    expect(alert.deadline).toBe('2026-03-02T08:00:00.000Z'); // high: 24 h
    await expect(vigie.alerts.move(as['analyst']!, alert.id, 'acknowledge')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    minutes(30);
    const acked = await vigie.alerts.move(as['monitor']!, alert.id, 'acknowledge');
    expect(acked).toMatchObject({ state: 'acknowledged', ownerId: as['monitor']!.userId });
    await expect(vigie.alerts.move(as['monitor2']!, alert.id, 'acknowledge')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    minutes(90);
    await vigie.alerts.move(as['monitor2']!, alert.id, 'respond');
    minutes(60);
    await vigie.alerts.move(as['monitor']!, alert.id, 'close', {
      outcome: 'action_taken',
      note: 'Patrouille envoyée',
    });
    const detail = await vigie.alerts.show(as['monitor']!, alert.id);
    expect(detail.alert).toMatchObject({
      state: 'closed',
      outcome: 'action_taken',
      respondingBy: as['monitor2']!.userId,
    });
    expect(detail.timings).toEqual({ toAcknowledge: 1800, toRespond: 7200 });
    expect(detail.timeline.map((s) => [s.action, s.state])).toEqual([
      ['create', 'open'],
      ['acknowledge', 'acknowledged'],
      ['respond', 'responding'],
      ['close', 'closed'],
    ]);
    expect(detail.evidenceText).toBe('Témoin : tirs au marché\n\n[clôture] Patrouille envoyée');
    expect((await vigie.alerts.show(as['analyst']!, alert.id)).evidenceText).toBeNull();
    await expect(vigie.alerts.move(as['monitor']!, alert.id, 'respond')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const actions = (await vigie.protection.audit.recent(50, alert.id)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'alert.create',
        'alert.acknowledge',
        'alert.respond',
        'alert.close',
        'alert.read',
      ]),
    );
    expect(await vigie.protection.audit.verify()).toMatchObject({ ok: true });
  });

  it('responding straight from open acknowledges at the same instant; medians over a period', async () => {
    const { alert } = await vigie.alerts.create(as['monitor']!, { ...input, severity: 'critical' });
    minutes(10);
    const moved = await vigie.alerts.move(as['monitor']!, alert.id, 'respond');
    expect(moved.acknowledgedAt).toBe(moved.respondingAt);
    const metrics = await vigie.alerts.metrics(as['monitor']!, { from: '2026-03-01' });
    expect(metrics).toMatchObject({
      alerts: 2,
      acknowledged: 2,
      responded: 2,
      medianToAcknowledge: (1800 + 600) / 2,
      medianToRespond: (7200 + 600) / 2,
    });
  });

  it('keeps alerts inside the organisation and away from viewers', async () => {
    const page = await vigie.alerts.list(as['monitor']!, { limit: 10 });
    expect(page.alerts.length).toBe(2);
    expect((await vigie.alerts.list(as['outsider']!, { limit: 10 })).alerts).toEqual([]);
    await expect(vigie.alerts.show(as['outsider']!, page.alerts[0]!.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(vigie.alerts.list(as['viewer']!, { limit: 10 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const first = await vigie.alerts.list(as['monitor']!, { limit: 1 });
    const second = await vigie.alerts.list(as['monitor']!, { limit: 1, cursor: first.nextCursor! });
    expect(second.alerts[0]!.id).not.toBe(first.alerts[0]!.id);
    expect(second.nextCursor).toBeNull();
  });

  it('turns rule firings into alerts once', async () => {
    const firing = {
      key: 'nb-cusum:ML0501:2026-02',
      rule: 'nb-cusum',
      pcode: 'ML0501',
      areaName: 'Bandiagara',
      severity: 'medium' as const,
      summary: '9 civilian fatalities against 1.2 expected',
    };
    const first = await vigie.alerts.createAlertsFromFirings(as['analyst']!, [firing]);
    const again = await vigie.alerts.createAlertsFromFirings(as['analyst']!, [firing]);
    expect(first.created).toHaveLength(1);
    expect(again).toMatchObject({ created: [], existing: [{ id: first.created[0]!.id }] });
    expect(first.created[0]).toMatchObject({ source: 'rule', links: { firings: [firing.key] } });
  });

  it('receives community SMS: alert or triage, idempotent per gateway id, secret checked', async () => {
    const sms = {
      gateway: 'africastalking' as const,
      gatewayId: `ATXid_${database.name}_1`,
      sender: '+22376000001',
      text: 'ALLERTE Tessit enlevement 3',
    };
    await expect(vigie.alerts.receiveSms(sms, 'wrong')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const r1 = await vigie.alerts.receiveSms(sms, 'at-secret');
    expect(r1).toMatchObject({
      outcome: 'alert',
      duplicate: false,
      reference: expect.stringMatching(/^ALR-/),
    });
    const r2 = await vigie.alerts.receiveSms(sms, 'at-secret');
    expect(r2).toMatchObject({
      outcome: 'alert',
      duplicate: true,
      reference: r1.reference,
      messageId: r1.messageId,
    });
    const alerts = (await vigie.alerts.list(as['monitor']!, { limit: 50 })).alerts.filter(
      (a) => a.source === 'sms',
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      harm: 'abduction_disappearance',
      peopleCount: 3,
      severity: 'critical',
      admin2Pcode: 'ML0701',
      placeName: 'Tessit',
    });
    const detail = await vigie.alerts.show(as['monitor']!, alerts[0]!.id);
    expect(detail.messages.map((m) => m.text)).toEqual(['ALLERTE Tessit enlevement 3']);

    minutes(1);
    const amb = await vigie.alerts.receiveSms(
      { ...sms, gatewayId: `ATXid_${database.name}_2`, text: 'ALERTE Bamba attaque 4' },
      'at-secret',
    );
    expect(amb).toMatchObject({ outcome: 'triage', reasons: ['ambiguous-place'] });
    minutes(1);
    await vigie.alerts.receiveSms(
      {
        gateway: 'rapidpro',
        gatewayId: `rp-${database.name}`,
        sender: 'tel:+22376000001',
        text: 'bonjour il y a un probleme',
      },
      'rp-secret',
    );
    const queue = await vigie.alerts.triage(as['monitor']!, 10);
    expect(queue.map((m) => m.text)).toEqual(['ALERTE Bamba attaque 4', 'bonjour il y a un probleme']);
    expect(queue[0]!.parse.candidates.map((c) => c.code).sort()).toEqual(['ML050502', 'ML070201']);
    expect(queue[0]!.sender).toBe('+223 •••• ••01');
    expect(queue[1]!.messagesFromSender).toBe(3); // the same number through both gateways
    await expect(vigie.alerts.triage(as['analyst']!, 10)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const resolved = await vigie.alerts.resolveTriage(as['monitor']!, queue[0]!.id, {
      action: 'alert',
      alert: {
        ...input,
        area: { pcode: 'ML050502', name: 'Bamba' },
        evidence: { events: [], incidents: [], firings: [] },
      },
    });
    expect(resolved).toMatchObject({ status: 'resolved', reference: expect.stringMatching(/^ALR-/) });
    expect(
      await vigie.alerts.resolveTriage(as['monitor']!, queue[1]!.id, { action: 'dismiss' }),
    ).toMatchObject({ status: 'dismissed' });
    await expect(
      vigie.alerts.resolveTriage(as['monitor']!, queue[1]!.id, { action: 'dismiss' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await vigie.alerts.triage(as['monitor']!, 10)).toEqual([]);
    expect(await vigie.protection.audit.verify()).toMatchObject({ ok: true });
  });

  it('duress wipe: sealed texts of alerts and messages gone, codes kept, nothing opens from a cache', async () => {
    const sms = (await vigie.alerts.list(as['monitor']!, { limit: 50 })).alerts.find(
      (a) => a.placeName === 'Tessit',
    )!;
    expect((await vigie.alerts.show(as['monitor']!, sms.id)).messages[0]!.text).not.toBeNull();
    await vigie.protection.wipe();
    const detail = await vigie.alerts.show(as['monitor']!, sms.id);
    expect(detail.messages.map((m) => m.text)).toEqual([null]);
    expect(detail.alert).toMatchObject({
      harm: 'abduction_disappearance',
      peopleCount: 3,
      evidenceSealed: null,
    });
    const first = (await vigie.alerts.list(as['monitor']!, { limit: 50 })).alerts.find(
      (a) => a.source === 'manual',
    )!;
    expect((await vigie.alerts.show(as['monitor']!, first.id)).evidenceText).toBeNull();
  });
});
