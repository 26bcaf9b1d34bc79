import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { incidentInput } from '../support/incident-input.ts';

/** The incident workflow over HTTP: record, read by role, verify with four eyes, victims, evidence and custody. */
describe.each(DIALECTS)('incidents over HTTP on $name', ({ create }) => {
  let database: TestDatabase;
  const keyDir = mkdtempSync(join(tmpdir(), 'vigie-key-'));
  let vigie: Vigie;
  let app: FastifyInstance;
  const as: Record<string, { userId: string; token: string }> = {};

  beforeAll(async () => {
    database = await create();
    const [flag, target] = database.cliArgs;
    const keyFile = join(keyDir, 'vigie.key');
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
      keyFile,
    });
    app = await buildHttpApp(vigie);
    for (const role of ['admin', 'monitor', 'analyst', 'viewer'] as const)
      as[role] = await userWithToken(vigie, role);
    as['supervisor'] = await userWithToken(vigie, 'monitor');
    as['outsider'] = await userWithToken(vigie, 'monitor', { organisation: 'another organisation' });
  });
  afterAll(async () => {
    await app.close();
    await vigie.close();
    await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  /** Protected reads answered 200 (incident details, evidence downloads): each must have its audit entry. */
  const protectedReads = { 'incident.read': 0, 'evidence.download': 0 };
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${as[who]!.token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    if (method === 'GET' && res.statusCode === 200) {
      if (/^\/api\/v1\/incidents\/[\w-]+$/.test(url)) protectedReads['incident.read'] += 1;
      if (/\/evidence\/[\w-]+$/.test(url)) protectedReads['evidence.download'] += 1;
    }
    return res;
  };

  let id = '';
  it('records an incident for a monitor, once per clientId, and refuses it from an analyst', async () => {
    const input = { ...incidentInput('http'), clientId: 'device-1-000001' };
    const first = await call('monitor', 'POST', '/api/v1/incidents', input);
    expect(first.statusCode, first.body).toBe(201);
    id = first.json().id;
    expect(first.json()).toMatchObject({ status: 'reported', created: true, reference: 'INC-2026-000001' });
    const again = await call('monitor', 'POST', '/api/v1/incidents', input);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id, created: false });
    expect((await call('analyst', 'POST', '/api/v1/incidents', input)).statusCode).toBe(403);
    const bad = await call('monitor', 'POST', '/api/v1/incidents', {
      ...input,
      clientId: undefined,
      harmTypes: ['crsv'],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('crsv');
  });

  it('shows each role what it may see, and nothing of it to another organisation', async () => {
    const reporter = (await call('monitor', 'GET', `/api/v1/incidents/${id}`)).json();
    expect(reporter.view).toBe('identities');
    expect(reporter.narrative).toBe('narrative http');
    expect(reporter.victims.map((v: { name: string }) => v.name)).toEqual(['name-one http', 'name-two http']);
    const colleague = (await call('supervisor', 'GET', `/api/v1/incidents/${id}`)).json();
    expect(colleague.view).toBe('narrative');
    expect(colleague.victims).toBeUndefined();
    expect(colleague.victimRecords).toBe(2);
    const analyst = await call('analyst', 'GET', `/api/v1/incidents/${id}`);
    expect(analyst.json().view).toBe('summary');
    for (const secret of ['narrative http', 'name-one', 'source http', 'testimony', 'contact'])
      expect(analyst.body).not.toContain(secret);
    expect(analyst.json().victimCounts).toHaveLength(2);
    expect((await call('viewer', 'GET', `/api/v1/incidents/${id}`)).statusCode).toBe(404);
    expect((await call('outsider', 'GET', `/api/v1/incidents/${id}`)).statusCode).toBe(404);
  });

  it('verifies with four eyes: not by the reporter, with a standard of proof and a reason, with optimistic locking', async () => {
    expect(
      (await call('monitor', 'POST', `/api/v1/incidents/${id}/decision`, { to: 'under_review', version: 1 }))
        .statusCode,
    ).toBe(403);
    const queue = (await call('supervisor', 'GET', '/api/v1/review-queue')).json().incidents;
    expect(queue.map((i: { id: string }) => i.id)).toEqual([id]);
    const review = await call('supervisor', 'POST', `/api/v1/incidents/${id}/decision`, {
      to: 'under_review',
      version: 1,
    });
    expect(review.json()).toEqual({ status: 'under_review', version: 2 });
    // The reviewer joined the case, so now sees the identities it must weigh.
    expect((await call('supervisor', 'GET', `/api/v1/incidents/${id}`)).json().view).toBe('identities');
    const stale = await call('supervisor', 'POST', `/api/v1/incidents/${id}/decision`, {
      to: 'verified',
      standardOfProof: 'reasonable_grounds',
      reason: 'two sources',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const noStandard = await call('supervisor', 'POST', `/api/v1/incidents/${id}/decision`, {
      to: 'verified',
      reason: 'x',
      version: 2,
    });
    expect(noStandard.statusCode).toBe(400);
    const verified = await call('supervisor', 'POST', `/api/v1/incidents/${id}/decision`, {
      to: 'verified',
      standardOfProof: 'reasonable_grounds',
      reason: 'medical record and a direct witness',
      version: 2,
    });
    expect(verified.json()).toEqual({ status: 'verified', version: 3 });
    const detail = (await call('monitor', 'GET', `/api/v1/incidents/${id}`)).json();
    expect(detail.verification.map((s: { to: string }) => s.to)).toEqual(['under_review', 'verified']);
    expect(detail.verification[1].reason).toBe('medical record and a direct witness');
    expect(detail.standardOfProof).toBe('reasonable_grounds');
    const analyst = (await call('analyst', 'GET', `/api/v1/incidents/${id}`)).json();
    expect(analyst.verification[1].reason).toBeUndefined();
    const jump = await call('supervisor', 'POST', `/api/v1/incidents/${id}/decision`, {
      to: 'dismissed',
      reason: 'x',
      version: 3,
    });
    expect(jump.statusCode).toBe(409);
  });

  it('keeps evidence byte for byte with its SHA-256 and a custody log, for case members only', async () => {
    const bytes = Buffer.from('%PDF-1.4 medical record\n\u0000\u00ff binary tail', 'latin1');
    const boundary = '----vigie';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="record.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = (who: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/incidents/${id}/evidence`,
        headers: {
          authorization: `Bearer ${as[who]!.token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        payload: body,
      });
    expect((await upload('analyst')).statusCode).toBe(403);
    const added = await upload('monitor');
    expect(added.statusCode, added.body).toBe(201);
    const { id: evidenceId, sha256 } = added.json();
    const download = await call('supervisor', 'GET', `/api/v1/incidents/${id}/evidence/${evidenceId}`);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['x-content-sha256']).toBe(sha256);
    expect(download.headers['content-disposition']).not.toContain('record');
    const custody = (
      await call('monitor', 'GET', `/api/v1/incidents/${id}/evidence/${evidenceId}/custody`)
    ).json().custody;
    expect(custody.map((c: { action: string }) => c.action)).toEqual(['received', 'downloaded']);
    expect((await call('analyst', 'GET', `/api/v1/incidents/${id}/evidence/${evidenceId}`)).statusCode).toBe(
      403,
    );
  });

  it('adds victim records only for case members, and counts aggregates for analysts', async () => {
    const victim = { name: 'third', sex: 'male', age: 'child', harms: ['injury'], consent: 'internal_only' };
    expect(
      (await call('analyst', 'POST', `/api/v1/incidents/${id}/victims`, { victims: [victim] })).statusCode,
    ).toBe(403);
    expect(
      (await call('monitor', 'POST', `/api/v1/incidents/${id}/victims`, { victims: [victim] })).json(),
    ).toEqual({ added: 1 });
    const cells = (await call('analyst', 'GET', '/api/v1/incident-aggregates?status=verified')).json().cells;
    expect(cells).toEqual([
      { month: '2026-03', admin1Pcode: 'ML05', harm: 'injury', incidents: 1, victims: 1 },
      { month: '2026-03', admin1Pcode: 'ML05', harm: 'killing', incidents: 1, victims: 3 },
    ]);
    expect((await call('viewer', 'GET', '/api/v1/incident-aggregates')).statusCode).toBe(403);
  });

  it('logs every protected read in the audit chain, which verifies', async () => {
    const entries = await vigie.protection.audit.recent(1000, null);
    expect(protectedReads['incident.read']).toBeGreaterThan(5);
    for (const [action, count] of Object.entries(protectedReads))
      expect(
        entries.filter((e) => e.action === action),
        action,
      ).toHaveLength(count);
    expect(entries.filter((e) => e.action === 'incident.decide')).toHaveLength(2);
    expect(await vigie.protection.audit.verify()).toMatchObject({ ok: true });
    for (const e of entries)
      expect(JSON.stringify(e.details)).not.toMatch(/name-one|narrative http|medical record/);
  });
});
