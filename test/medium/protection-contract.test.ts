import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  IncidentListFilter,
  IncidentRecord,
  ProtectionPort,
  VictimRecord,
} from '../../src/services/ports/incident-port.ts';
import type { AuditEntryRecord, AuditHead } from '../../src/services/ports/protection-port.ts';
import type { Storage } from '../../src/storage/open.ts';
import { protectionStore } from '../../src/storage/protection/index.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';

const T0 = '2026-03-01T10:00:00.000Z';

/** A chain link as the audit service builds it: seq = head + 1, MAC over the previous MAC and the entry. */
function link(action: string, targetId: string | null = null) {
  return (head: AuditHead | null): { entry: AuditEntryRecord; head: AuditHead } => {
    const seq = (head?.seq ?? 0) + 1;
    const base = { seq, at: T0, actorId: 'u-admin', action, targetType: 'incident', targetId };
    const details = { n: seq, ok: true, note: null };
    const mac = createHash('sha256')
      .update(`${head?.mac ?? ''}|${JSON.stringify(base)}|${JSON.stringify(details)}`)
      .digest('hex');
    return { entry: { ...base, details, mac }, head: { seq, mac, signature: `sig-${seq}` } };
  };
}

function incident(id: string, over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id,
    organisationId: 'org-a',
    clientId: null,
    reference: `INC-2026-${id}`,
    dateFrom: '2026-02-14',
    dateTo: null,
    datePrecision: 'day',
    latitude: 14.49,
    longitude: -4.19,
    pcode: 'ML0501',
    locationName: 'Mopti',
    placePrecision: 'exact',
    country: 'Mali',
    admin1: 'Mopti',
    admin1Pcode: 'ML05',
    admin2Pcode: 'ML0501',
    harmTypes: ['killing'],
    perpetrators: [{ category: 'state_forces', name: null }],
    retaliationUn: false,
    unCooperationKind: null,
    crsv: false,
    childVictims: false,
    narrativeSealed: 'v1.sealed-narrative',
    status: 'reported',
    standardOfProof: null,
    dataKeyId: 'dk-1',
    reportedBy: 'u-mon',
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    ...over,
  };
}

const victim = (id: string, position: number): VictimRecord => ({
  id,
  position,
  sex: 'female',
  age: 'adult',
  status: 'civilian',
  harms: ['injury'],
  consent: 'internal_only',
  consentPartner: null,
  nameSealed: `v1.name-${id}`,
  contactSealed: `v1.contact-${id}`,
  addressSealed: null,
  testimonySealed: `v1.testimony-${id}`,
  createdAt: T0,
});

const bundleOf = (i: IncidentRecord, members: string[] = [i.reportedBy]) => ({
  incident: i,
  members,
  sources: [
    {
      id: `${i.id}-s1`,
      position: 0,
      kind: 'victim' as const,
      reliability: 'B' as const,
      credibility: 2 as const,
      descriptionSealed: 'v1.src',
    },
  ],
  victimCounts: [
    {
      harm: 'injury' as const,
      sex: 'female' as const,
      age: 'child' as const,
      status: 'civilian' as const,
      count: 1,
    },
    {
      harm: 'killing' as const,
      sex: 'male' as const,
      age: 'adult' as const,
      status: 'civilian' as const,
      count: 3,
    },
  ],
  victims: [victim(`${i.id}-v1`, 0)],
});

describe.each(DIALECTS)('protection contract on $name', ({ create }) => {
  let database: TestDatabase;
  let storage: Storage;
  let p: ProtectionPort;

  beforeAll(async () => {
    database = await create();
    storage = await database.open();
    p = storage.protection;
    await p.accounts.addOrganisation({ id: 'org-a', name: 'Org A', createdAt: T0 });
    await p.accounts.addOrganisation({ id: 'org-b', name: 'Org B', createdAt: T0 });
    for (const [id, org, role] of [
      ['u-admin', 'org-a', 'admin'],
      ['u-mon', 'org-a', 'monitor'],
      ['u-ana', 'org-a', 'analyst'],
      ['u-b', 'org-b', 'viewer'],
    ] as const) {
      await p.accounts.addUser({
        id,
        organisationId: org,
        email: `${id.toUpperCase()}@Example.ORG`,
        displayName: id,
        role,
        regions: id === 'u-ana' ? ['ML05'] : [],
        passwordHash: `$argon2id$${id}`,
        disabled: false,
        createdAt: T0,
      });
    }
  });
  afterAll(async () => {
    await storage.close();
    await database.drop();
  });

  it('round-trips organisations and users, with e-mails lower-cased and unique', async () => {
    expect(await p.accounts.organisationByName('Org A')).toEqual({ id: 'org-a', name: 'Org A' });
    expect(await p.accounts.organisationByName('nobody')).toBeNull();
    expect(await p.accounts.countUsers()).toBe(4);
    const ana = await p.accounts.userByEmail('u-ana@EXAMPLE.org');
    expect(ana).toMatchObject({
      id: 'u-ana',
      email: 'u-ana@example.org',
      organisationName: 'Org A',
      regions: ['ML05'],
      disabled: false,
      role: 'analyst',
    });
    await expect(p.accounts.addUser({ ...ana!, id: 'u-dup', email: 'U-ANA@example.org' })).rejects.toThrow();
    await p.accounts.updateUser(
      'u-ana',
      { disabled: true, regions: ['ML05', 'ML07'], passwordHash: 'new' },
      T0,
    );
    expect(await p.accounts.userById('u-ana')).toMatchObject({
      disabled: true,
      regions: ['ML05', 'ML07'],
      passwordHash: 'new',
    });
    expect((await p.accounts.listUsers('org-b')).map((u) => u.id)).toEqual(['u-b']);
    expect(await p.accounts.listUsers(null)).toHaveLength(4);
  });

  it('finds sessions and tokens by hash, and revokes only the owner’s token', async () => {
    const s = {
      idHash: 'sh1',
      userId: 'u-mon',
      csrfHash: 'ch1',
      createdAt: T0,
      expiresAt: '2026-03-02T00:00:00.000Z',
      lastSeenAt: T0,
    };
    await p.accounts.addSession(s);
    expect(await p.accounts.session('sh1')).toEqual(s);
    await p.accounts.touchSession('sh1', '2026-03-01T11:00:00.000Z', '2026-03-03T00:00:00.000Z');
    expect(await p.accounts.session('sh1')).toMatchObject({ lastSeenAt: '2026-03-01T11:00:00.000Z' });
    await p.accounts.deleteUserSessions('u-mon');
    expect(await p.accounts.session('sh1')).toBeNull();
    const token = {
      id: 't1',
      userId: 'u-mon',
      name: 'phone',
      tokenHash: 'th1',
      canWrite: true,
      createdAt: T0,
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await p.accounts.addToken(token);
    expect(await p.accounts.tokenByHash('th1')).toEqual(token);
    expect(await p.accounts.revokeToken('t1', 'u-b', T0)).toBe(false);
    expect(await p.accounts.revokeToken('t1', 'u-mon', T0)).toBe(true);
    await p.accounts.touchToken('t1', T0);
    expect(await p.accounts.listTokens('u-mon')).toEqual([{ ...token, revokedAt: T0, lastUsedAt: T0 }]);
  });

  it('counts login failures in a window', async () => {
    for (const at of ['2026-03-01T09:00:00Z', '2026-03-01T10:01:00Z', '2026-03-01T10:02:00Z'])
      await p.accounts.recordLoginFailure('ip:1', at);
    expect(await p.accounts.loginFailuresSince('ip:1', '2026-03-01T10:00:00Z')).toEqual({
      count: 2,
      oldest: '2026-03-01T10:01:00Z',
    });
    expect(await p.accounts.loginFailuresSince('ip:2', T0)).toEqual({ count: 0, oldest: null });
    await p.accounts.clearLoginFailures('ip:1');
    expect((await p.accounts.loginFailuresSince('ip:1', '2000')).count).toBe(0);
  });

  it('creates one audit key when several transactions need it first at once', async () => {
    // As the key ring does: read the audit key, create it when missing, then append under the chain lock.
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        p.transaction(async (s) => {
          const found = await s.keys.auditKey();
          await new Promise((resolve) => setTimeout(resolve, 50)); // let the others read too
          if (!found)
            await s.keys.addDataKey({
              id: i === 0 ? 'dk-audit' : `dk-audit-${i}`,
              purpose: 'audit',
              wrapped: 'wa',
              createdAt: T0,
            });
        }),
      ),
    );
    expect((await p.keys.allDataKeys()).filter((k) => k.purpose === 'audit')).toHaveLength(1);
  });

  it('stores, finds and rewraps data keys', async () => {
    await p.keys.addDataKey({ id: 'dk-1', purpose: 'incident', wrapped: 'w1', createdAt: T0 });
    const audit = await p.keys.auditKey();
    expect(audit).toMatchObject({ purpose: 'audit', wrapped: 'wa' });
    await p.keys.rewrapAll([
      { id: 'dk-1', wrapped: 'w1b' },
      { id: audit!.id, wrapped: 'wab' },
    ]);
    expect((await p.keys.allDataKeys()).map((k) => k.wrapped).sort()).toEqual(['w1b', 'wab']);
    await expect(
      p.keys.rewrapAll([
        { id: 'dk-1', wrapped: 'x' },
        { id: 'gone', wrapped: 'y' },
      ]),
    ).rejects.toThrow();
    expect(await p.keys.dataKey('dk-1')).toMatchObject({ wrapped: 'w1b' }); // the failed rotation rolled back
  });

  it('serialises 20 concurrent audit appends into seq 1..20', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => p.transaction((s) => s.audit.append(link(`a${i}`)))),
    );
    const seqs: number[] = [];
    for await (const e of p.audit.entries()) seqs.push(e.seq);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await p.audit.head()).toMatchObject({ seq: 20, signature: 'sig-20' });
  });

  it('appends outside a transaction, reads entries in order and the most recent per target', async () => {
    await p.audit.append(link('view', 'inc-x'));
    const head = await p.audit.head();
    const all: AuditEntryRecord[] = [];
    for await (const e of p.audit.entries()) all.push(e);
    expect(all.at(-1)).toMatchObject({
      seq: 21,
      action: 'view',
      targetId: 'inc-x',
      details: { n: 21, ok: true, note: null },
      mac: head!.mac,
    });
    expect((await p.audit.recent(3, null)).map((e) => e.seq)).toEqual([21, 20, 19]);
    expect(await p.audit.recent(5, 'inc-x')).toHaveLength(1);
  });

  it('stores an incident bundle and reads it back whole', async () => {
    const i = incident('i1', { clientId: 'c-1', crsv: true, harmTypes: ['killing', 'crsv'] });
    await p.transaction(async (s) => {
      await s.incidents.insert(bundleOf(i, ['u-mon', 'u-admin']));
      await s.audit.append(link('incident.create', 'i1'));
    });
    const b = await p.incidents.bundle('i1');
    expect(b).toEqual({
      ...bundleOf(i),
      members: ['u-admin', 'u-mon'],
      evidence: [],
      steps: [],
      eventLinks: [],
    });
    expect(await p.incidents.byClientId('org-a', 'c-1')).toEqual(i);
    expect(await p.incidents.byClientId('org-b', 'c-1')).toBeNull();
    expect(await p.incidents.bundle('nope')).toBeNull();
    await p.incidents.addVictims('i1', [victim('i1-v2', 1)], '2026-03-02T00:00:00.000Z');
    await p.incidents.addMember('i1', 'u-ana', 'u-admin', T0);
    await p.incidents.addMember('i1', 'u-ana', 'u-admin', T0);
    const again = await p.incidents.bundle('i1');
    expect(again?.victims.map((v) => v.id)).toEqual(['i1-v1', 'i1-v2']);
    expect(again?.members).toEqual(['u-admin', 'u-ana', 'u-mon']);
  });

  it('numbers references per year', async () => {
    expect(await p.incidents.nextReference(2025)).toBe('INC-2025-000001');
    await p.incidents.insert(bundleOf(incident('r1', { reference: 'INC-2025-000041' })));
    expect(await p.incidents.nextReference(2025)).toBe('INC-2025-000042');
  });

  it('moves status only from the expected version and records the step', async () => {
    const step = {
      fromStatus: 'reported' as const,
      toStatus: 'under_review' as const,
      standardOfProof: null,
      reasonSealed: null,
      decidedBy: 'u-admin',
      decidedAt: '2026-03-05T00:00:00.000Z',
    };
    expect(await p.incidents.setStatus('i1', 1, step)).toBe(true);
    expect(await p.incidents.setStatus('i1', 1, { ...step, toStatus: 'dismissed' })).toBe(false);
    const verify = {
      ...step,
      fromStatus: 'under_review' as const,
      toStatus: 'verified' as const,
      standardOfProof: 'reasonable_grounds' as const,
      reasonSealed: 'v1.reason',
    };
    expect(await p.incidents.setStatus('i1', 2, verify)).toBe(true);
    const b = await p.incidents.bundle('i1');
    expect(b?.incident).toMatchObject({
      status: 'verified',
      standardOfProof: 'reasonable_grounds',
      version: 3,
      updatedAt: verify.decidedAt,
    });
    expect(b?.steps).toEqual([step, verify]);
    const cells = await p.incidents.verifiedCells();
    expect(cells.map((c) => [c.id, c.victimCounts.length])).toEqual([['i1', 2]]);
  });

  it('keeps evidence with its custody log, and event links', async () => {
    const e = {
      id: 'e1',
      incidentId: 'i1',
      fileNameSealed: 'v1.fn',
      mediaType: 'image/jpeg',
      sizeBytes: 1234,
      sha256: 'ab'.repeat(32),
      receivedAt: T0,
      receivedBy: 'u-mon',
    };
    await p.incidents.addEvidence(e, 'v1.content');
    expect(await p.incidents.evidenceContent('e1')).toEqual({ evidence: e, contentSealed: 'v1.content' });
    await p.incidents.addCustody({
      evidenceId: 'e1',
      at: T0,
      userId: 'u-mon',
      action: 'received',
      note: null,
    });
    await p.incidents.addCustody({
      evidenceId: 'e1',
      at: T0,
      userId: 'u-admin',
      action: 'downloaded',
      note: 'court',
    });
    expect((await p.incidents.custodyLog('e1')).map((c) => c.action)).toEqual(['received', 'downloaded']);
    await p.incidents.linkEvent('i1', 42, 'u-admin', T0);
    await p.incidents.linkEvent('i1', 42, 'u-admin', T0);
    const b = await p.incidents.bundle('i1');
    expect(b?.evidence).toEqual([e]);
    expect(b?.eventLinks).toEqual([{ eventId: 42, confirmedBy: 'u-admin', confirmedAt: T0 }]);
  });

  it('lists with region, status and CRSV-membership filters and pages by cursor', async () => {
    const at = (n: number) => `2026-04-0${n}T00:00:00.000Z`;
    const rows = [
      incident('l1', { organisationId: 'org-b', createdAt: at(1), admin1: 'Mopti', admin1Pcode: 'ML05' }),
      incident('l2', {
        organisationId: 'org-b',
        createdAt: at(2),
        admin1: 'Gao',
        admin1Pcode: 'ML07',
        status: 'verified',
      }),
      incident('l3', {
        organisationId: 'org-b',
        createdAt: at(2),
        admin1: 'ML-6',
        admin1Pcode: null,
        crsv: true,
      }),
      incident('l4', {
        organisationId: 'org-b',
        createdAt: at(3),
        admin1: 'Mopti',
        admin1Pcode: 'ML05',
        crsv: true,
        dateFrom: '2025-12-01',
      }),
    ];
    for (const r of rows) await p.incidents.insert(bundleOf(r, r.id === 'l4' ? ['u-b'] : []));
    const base: IncidentListFilter = {
      organisationId: 'org-b',
      status: null,
      from: null,
      to: null,
      regions: [],
      regionsUnlessMember: null,
      excludeCrsvUnlessMember: null,
      cursor: null,
      limit: 10,
    };
    const ids = async (f: Partial<IncidentListFilter>) =>
      (await p.incidents.list({ ...base, ...f })).incidents.map((i) => i.id);
    expect(await ids({})).toEqual(['l4', 'l3', 'l2', 'l1']);
    expect(await ids({ regions: ['ML05'] })).toEqual(['l4', 'l1']);
    expect(await ids({ regions: ['ML-6', 'ML07'] })).toEqual(['l3', 'l2']);
    // Members keep their cases outside their region scope.
    expect(await ids({ regions: ['ML07'], regionsUnlessMember: 'u-b' })).toEqual(['l4', 'l2']);
    expect(await ids({ regions: ['ML07'], regionsUnlessMember: 'u-admin' })).toEqual(['l2']);
    expect(await ids({ status: 'verified' })).toEqual(['l2']);
    expect(await ids({ from: '2026-01-01' })).toEqual(['l3', 'l2', 'l1']);
    expect(await ids({ to: '2025-12-31' })).toEqual(['l4']);
    expect(await ids({ excludeCrsvUnlessMember: 'u-b' })).toEqual(['l4', 'l2', 'l1']);
    expect(await ids({ excludeCrsvUnlessMember: 'u-admin' })).toEqual(['l2', 'l1']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof p.incidents.list>> = await p.incidents.list({
        ...base,
        limit: 3,
        cursor,
      });
      seen.push(...page.incidents.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(['l4', 'l3', 'l2', 'l1']);
    expect((await p.incidents.list({ ...base, limit: 4 })).nextCursor).toBeNull();
    expect((await p.incidents.list(base)).incidents[0]?.members).toEqual(['u-b']);
    await expect(p.incidents.list({ ...base, cursor: 'garbage' })).rejects.toThrow('VALIDATION_FAILED');
  });

  it('rolls back the incident and its audit entry when the work fails', async () => {
    const head = await p.audit.head();
    const work = p.transaction(async (s) => {
      await s.incidents.insert(bundleOf(incident('rb')));
      await s.audit.append(link('incident.create', 'rb'));
      throw new Error('boom');
    });
    await expect(work).rejects.toThrow('boom');
    expect(await p.incidents.bundle('rb')).toBeNull();
    expect(await p.audit.head()).toEqual(head);
    expect(await p.audit.recent(1, 'rb')).toEqual([]);
  });

  it('reuses the surrounding transaction when nested', async () => {
    const run = storage.db.transaction().execute(async (trx) => {
      await protectionStore(trx, storage.dialect).transaction((s) => s.audit.append(link('nested', 'n1')));
      throw new Error('outer');
    });
    await expect(run).rejects.toThrow('outer');
    expect(await p.audit.recent(1, 'n1')).toEqual([]);
  });

  it('erases every key and sealed column, keeping counts, codes and dates', async () => {
    const erased = await p.keys.eraseProtectedData();
    expect(erased).toEqual({ dataKeys: 2, incidents: 6, victims: 7, evidence: 1 });
    expect(await p.keys.allDataKeys()).toEqual([]);
    const b = await p.incidents.bundle('i1');
    expect(b?.incident).toMatchObject({
      narrativeSealed: null,
      dataKeyId: null,
      reference: 'INC-2026-i1',
      admin1Pcode: 'ML05',
      dateFrom: '2026-02-14',
    });
    expect(b?.victimCounts.map((c) => c.count)).toEqual([1, 3]);
    expect(
      b?.victims.map((v) => [v.nameSealed, v.contactSealed, v.addressSealed, v.testimonySealed, v.sex]),
    ).toEqual([
      [null, null, null, null, 'female'],
      [null, null, null, null, 'female'],
    ]);
    expect(b?.sources[0]?.descriptionSealed).toBeNull();
    expect(b?.steps.map((s) => s.reasonSealed)).toEqual([null, null]);
    expect(await p.incidents.evidenceContent('e1')).toMatchObject({
      contentSealed: null,
      evidence: { fileNameSealed: null, sha256: 'ab'.repeat(32) },
    });
    const sealed = await storage.db
      .selectFrom('victims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('name_sealed', 'is not', null), eb('testimony_sealed', 'is not', null)]))
      .executeTakeFirstOrThrow();
    expect(Number(sealed.n)).toBe(0);
  });
});
