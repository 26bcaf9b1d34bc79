import { alertTimings, canSeeAlert, timingSummary, type AlertState } from '../core/alert.ts';
import type { Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import { facts, type AlertDeps } from './alerts.ts';
import type { AlertRecord } from './ports/alert-port.ts';

export interface AlertListRequest {
  states?: AlertState[];
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

export async function listAlerts(deps: AlertDeps, by: Principal, request: AlertListRequest) {
  if (by.role === 'viewer') throw new VigieError('FORBIDDEN');
  const before = request.cursor ? decodeCursor(request.cursor) : undefined;
  const visible: AlertRecord[] = [];
  let after = before;
  let exhausted = false;
  // Region scope filters after the query: read on until one alert beyond the page is seen (so there is a next
  // page) or the alerts run out, at most 20 reads.
  for (let round = 0; round < 20 && visible.length <= request.limit; round++) {
    const rows = await deps.port.alerts.list({
      organisationId: by.organisationId,
      ...(request.states ? { states: request.states } : {}),
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
      ...(after ? { before: after } : {}),
      limit: request.limit + 1,
    });
    for (const r of rows) if (canSeeAlert(by, facts(r)) && visible.length <= request.limit) visible.push(r);
    const last = rows.at(-1);
    if (rows.length <= request.limit || !last) {
      exhausted = true;
      break;
    }
    after = { createdAt: last.createdAt, id: last.id };
  }
  const alerts = visible.slice(0, request.limit);
  const tail = alerts.at(-1);
  // A page cut at `limit` resumes after its last alert; a page the reads ran out on resumes after the last row
  // read (every visible row up to it is on this page), so the client is never told the list ended early.
  const nextCursor =
    visible.length > request.limit && tail
      ? encodeCursor(tail)
      : !exhausted && after
        ? encodeCursor(after)
        : null;
  return { alerts: alerts.map((a) => ({ ...a, timings: alertTimings(a) })), nextCursor };
}

const encodeCursor = (a: { createdAt: string; id: string }) =>
  Buffer.from(`${a.createdAt}|${a.id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: string; id: string } {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id) throw new VigieError('VALIDATION_FAILED', { reason: 'cursor' });
  return { createdAt, id };
}

/** Medians of time to acknowledge and to respond over the alerts created in [from, to). */
export async function alertMetrics(deps: AlertDeps, by: Principal, period: { from?: string; to?: string }) {
  if (by.role === 'viewer') throw new VigieError('FORBIDDEN');
  const all: AlertRecord[] = [];
  let before: { createdAt: string; id: string } | undefined;
  for (;;) {
    const rows = await deps.port.alerts.list({
      organisationId: by.organisationId,
      ...period,
      ...(before ? { before } : {}),
      limit: 1000,
    });
    all.push(...rows.filter((r) => canSeeAlert(by, facts(r))));
    const last = rows.at(-1);
    if (rows.length < 1000 || !last) break;
    before = { createdAt: last.createdAt, id: last.id };
  }
  return { from: period.from ?? null, to: period.to ?? null, ...timingSummary(all) };
}
