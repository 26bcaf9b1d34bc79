import { describe, expect, it } from 'vitest';
import type { Principal } from '../core/access.ts';
import type { AlertDeps } from './alerts.ts';
import { listAlerts } from './alerts-list.ts';
import type { AlertListFilter, AlertRecord } from './ports/alert-port.ts';

/** Alerts newest first by (createdAt, id), as the storage lists them; `before` resumes after a row. */
function portOf(rows: AlertRecord[]): { deps: AlertDeps; reads: () => number } {
  const sorted = [...rows].sort((a, b) =>
    a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt),
  );
  let reads = 0;
  const list = (f: AlertListFilter) => {
    reads++;
    const start = f.before
      ? sorted.findIndex(
          (r) =>
            r.createdAt < f.before!.createdAt || (r.createdAt === f.before!.createdAt && r.id < f.before!.id),
        )
      : 0;
    return Promise.resolve(start < 0 ? [] : sorted.slice(start, start + f.limit));
  };
  return { deps: { port: { alerts: { list } } } as unknown as AlertDeps, reads: () => reads };
}

const alert = (k: number, admin1: string): AlertRecord =>
  ({
    id: `a${String(k).padStart(4, '0')}`,
    organisationId: 'org',
    admin1,
    admin1Pcode: null,
    ownerId: 'someone-else',
    createdAt: `2026-01-01T00:${String(Math.floor(k / 60)).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}Z`,
    acknowledgedAt: null,
    respondingAt: null,
  }) as unknown as AlertRecord;

const monitor = (regions: string[]): Principal => ({
  userId: 'u',
  organisationId: 'org',
  role: 'monitor',
  regions,
  via: 'session',
  readOnly: false,
});

async function allPages(deps: AlertDeps, by: Principal, limit: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listAlerts(deps, by, { limit, ...(cursor ? { cursor } : {}) });
    pages.push(page.alerts.map((a) => a.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return pages;
}

describe('alert list pages', () => {
  it('fills every page with alerts in the reader’s region, without gaps or repeats', async () => {
    // One Mopti alert in every seven: a page of 5 needs several reads.
    const rows = Array.from({ length: 140 }, (_, k) => alert(k, k % 7 === 0 ? 'ML-MO' : 'ML-GO'));
    const { deps } = portOf(rows);
    const pages = await allPages(deps, monitor(['ML-MO']), 5);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5]);
    const visible = rows
      .filter((r) => r.admin1 === 'ML-MO')
      .map((r) => r.id)
      .sort()
      .reverse();
    expect(pages.flat()).toEqual(visible);
  });

  it('keeps a cursor when 20 reads run out before the page is full, so the list does not end early', async () => {
    // 300 hidden alerts, then 3 visible ones: a page of 5 reads 6 rows at a time, 120 rows in 20 reads.
    const rows = [
      ...Array.from({ length: 300 }, (_, k) => alert(1000 - k, 'ML-GO')),
      ...Array.from({ length: 3 }, (_, k) => alert(10 + k, 'ML-MO')),
    ];
    const { deps, reads } = portOf(rows);
    const pages = await allPages(deps, monitor(['ML-MO']), 5);
    expect(pages.flat()).toEqual(['a0012', 'a0011', 'a0010']);
    expect(pages.length).toBeGreaterThan(1);
    expect(reads()).toBeGreaterThan(40);
  });

  it('ends with no cursor when the alerts run out, and answers one empty page for a reader with none', async () => {
    const rows = Array.from({ length: 12 }, (_, k) => alert(k, 'ML-GO'));
    const { deps } = portOf(rows);
    expect((await allPages(deps, monitor([]), 5)).map((p) => p.length)).toEqual([5, 5, 2]);
    expect(await allPages(deps, monitor(['ML-KY']), 5)).toEqual([[]]);
  });
});
