import type { FastifyInstance } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/access.ts';
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { DIALECTS, type TestDatabase } from '../support/databases.ts';
import { userWithToken } from '../support/http.ts';
import { principalFor } from '../support/incident-fixtures.ts';
import { incidentInput } from '../support/incident-input.ts';

/** Admin-2 P-codes in three regions (admin-1 ML05 Mopti, ML06 Tombouctou, ML07 Gao), placed without boundaries. */
const PCODES = ['ML0504', 'ML0601', 'ML0701'] as const;

/**
 * Incident pages hold `limit` incidents the reader may see whenever that many remain, however the ones they may
 * not see are interleaved: a region-scoped reader used to get short or empty pages from a page of the whole
 * organisation filtered afterwards, and took a short page for the end of the list.
 */
describe.each(DIALECTS)('incident pages for scoped readers on $name', ({ create }) => {
  let database: TestDatabase;
  const keyDir = mkdtempSync(join(tmpdir(), 'vigie-key-'));
  let vigie: Vigie;
  let app: FastifyInstance;
  const as: Record<string, { userId: string; token: string }> = {};
  /** Expected visible references per reader, built from how the incidents were recorded. */
  const expected: Record<string, Set<string>> = {};

  beforeAll(async () => {
    database = await create();
    const [flag, target] = database.cliArgs;
    vigie = await openVigie(flag === '--db' ? { sqlitePath: target! } : { databaseUrl: target! }, {
      keyFile: join(keyDir, 'vigie.key'),
    });
    app = await buildHttpApp(vigie);
    const users: Array<[string, Role, string[]]> = [
      ['recorder', 'monitor', []],
      ['admin', 'admin', []],
      ['scopedMonitor', 'monitor', ['ML05']],
      ['scopedAnalyst', 'analyst', ['ML05']],
      ['otherRegion', 'monitor', ['ML-99']],
      ['demoted', 'monitor', []],
    ];
    for (const [name, role, regions] of users) {
      as[name] = await userWithToken(vigie, role, { regions });
      expected[name] = new Set();
    }
    const organisationId = (await vigie.protection.accounts.user(as['recorder']!.userId))!.organisationId;
    const principal = (name: string, role: Role, regions: string[] = []) =>
      principalFor({ userId: as[name]!.userId, organisationId, role, regions });
    // 30 incidents interleaved over three regions, every second one in Mopti a CRSV case; the scoped monitor
    // records one of its own in Gao halfway (a member keeps its case outside its scope).
    for (let i = 0; i < 30; i++) {
      const crsv = i % 6 === 0;
      const pcode = PCODES[i % 3]!;
      const input = incidentInput(`page ${i}`, {
        place: { pcode, locationName: `place ${i}`, precision: 'admin2' },
        ...(crsv ? { harmTypes: ['crsv', 'killing', 'injury'], flags: { crsv: true } } : {}),
      });
      const { reference } = await vigie.protection.recordIncident(principal('recorder', 'monitor'), input);
      for (const name of ['recorder', 'admin']) expected[name]!.add(reference);
      if (pcode === 'ML0504') expected['scopedMonitor']!.add(reference);
      if (pcode === 'ML0504' && !crsv) expected['scopedAnalyst']!.add(reference);
      if (i === 15) {
        const own = await vigie.protection.recordIncident(
          principal('scopedMonitor', 'monitor', ['ML05']),
          incidentInput('own', { place: { pcode: 'ML0701', locationName: 'Gao', precision: 'admin2' } }),
        );
        for (const name of ['recorder', 'admin', 'scopedMonitor', 'demoted'])
          expected[name]!.add(own.reference);
      }
      if (i === 20) {
        // A run of CRSV cases whose reporter is then made an analyst: the query lets a member's CRSV cases
        // through, the access rule hides them from an analyst, and the listing reads on past them.
        for (let j = 0; j < 6; j++) {
          const crsvCase = incidentInput(`demoted ${j}`, {
            place: { pcode: 'ML0601', locationName: 'Tombouctou', precision: 'admin2' },
            harmTypes: ['crsv', 'killing', 'injury'],
            flags: { crsv: true },
          });
          const { reference } = await vigie.protection.recordIncident(
            principal('demoted', 'monitor'),
            crsvCase,
          );
          for (const name of ['recorder', 'admin']) expected[name]!.add(reference);
        }
      }
      if (!crsv) expected['demoted']!.add(reference);
    }
    await vigie.protection.accountAdmin.updateUser('cli', as['demoted']!.userId, { role: 'analyst' });
  });
  afterAll(async () => {
    await app.close();
    await vigie.close();
    await database.drop();
    rmSync(keyDir, { recursive: true, force: true });
  });

  /** Reads the whole list page by page as `who`, checking each page and its audit entry. */
  async function walk(who: string, limit: number, extra = ''): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=${limit}${extra}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/incidents?${query}`,
        headers: { authorization: `Bearer ${as[who]!.token}` },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        incidents: Array<{ reference: string; createdAt: string }>;
        nextCursor: string;
      }>();
      const references = body.incidents.map((i) => i.reference);
      pages.push(references);
      const [audit] = await vigie.protection.audit.recent(1, null);
      expect(audit).toMatchObject({
        actorId: as[who]!.userId,
        action: 'incident.list',
        details: { count: references.length, ids: references.join(',') },
      });
      cursor = body.nextCursor;
      expect(pages.length, 'pages never end').toBeLessThan(50);
    } while (cursor !== null);
    return pages;
  }

  function expectFullPages(pages: string[][], limit: number, visible: Set<string>) {
    const all = pages.flat();
    expect(new Set(all).size, 'no incident twice').toBe(all.length);
    expect(new Set(all)).toEqual(visible);
    // Every page full but the last, which holds the rest: no short page while more remain, no empty tail.
    expect(pages.map((p) => p.length)).toEqual(
      Array.from({ length: Math.max(1, Math.ceil(visible.size / limit)) }, (_, i) =>
        Math.min(limit, visible.size - i * limit),
      ),
    );
  }

  it('gives a monitor scoped to one region full pages of its region and its own cases', async () => {
    expect(expected['scopedMonitor']!.size).toBe(11);
    const pages = await walk('scopedMonitor', 5);
    expectFullPages(pages, 5, expected['scopedMonitor']!);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 1]);
  });

  it('gives a scoped analyst full pages without the CRSV cases', async () => {
    expect(expected['scopedAnalyst']!.size).toBe(5);
    expectFullPages(await walk('scopedAnalyst', 2), 2, expected['scopedAnalyst']!);
    expectFullPages(await walk('scopedAnalyst', 1), 1, expected['scopedAnalyst']!);
  });

  it('pages the whole organisation for readers without a scope, at any page size', async () => {
    for (const limit of [1, 5, 7, 31, 50])
      expectFullPages(await walk('admin', limit), limit, expected['admin']!);
    expectFullPages(await walk('recorder', 4), 4, expected['recorder']!);
  });

  it('reads on past rows the query lets through but the access rule hides', async () => {
    expect(expected['demoted']!.size).toBe(26);
    expectFullPages(await walk('demoted', 5), 5, expected['demoted']!);
    expectFullPages(await walk('demoted', 2), 2, expected['demoted']!);
  });

  it('queues for review what the reader may decide on, its region scope read in the query', async () => {
    const queue = async (who: string) => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/v1/review-queue',
        headers: { authorization: `Bearer ${as[who]!.token}` },
      });
      return new Set(
        res.json<{ incidents: Array<{ reference: string }> }>().incidents.map((i) => i.reference),
      );
    };
    // Not its own case, no CRSV case it is not a member of: the non-CRSV cases of its region.
    expect(await queue('scopedMonitor')).toEqual(expected['scopedAnalyst']);
    // Every non-CRSV case of the organisation: the same set as the demoted analyst's.
    expect(await queue('admin')).toEqual(expected['demoted']);
  });

  it('answers one empty page, without a cursor, to a reader whose scope holds nothing', async () => {
    expect(await walk('otherRegion', 5)).toEqual([[]]);
  });

  it('lists newest first, resuming right after the last incident of the page', async () => {
    const one = (await walk('scopedMonitor', 50)).flat();
    expect((await walk('scopedMonitor', 3)).flat()).toEqual(one);
    const created = await app.inject({
      method: 'GET',
      url: '/api/v1/incidents?limit=50',
      headers: { authorization: `Bearer ${as['scopedMonitor']!.token}` },
    });
    const times = created
      .json<{ incidents: Array<{ createdAt: string }> }>()
      .incidents.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});
