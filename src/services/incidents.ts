import { randomUUID } from 'node:crypto';
import {
  canDecide,
  canRecordIncidents,
  incidentView,
  VIEW_RANK,
  type IncidentAccessFacts,
  type IncidentView,
  type Principal,
} from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { VerificationState } from '../core/incident.ts';
import type { AuditLog } from './audit-log.ts';
import {
  incidentDetail,
  incidentSummary,
  type IncidentDetail,
  type IncidentSummary,
} from './incident-detail.ts';
import type { IncidentInput } from './incident-input.ts';
import { sealVictims } from './incident-victims.ts';
import type { KeyRing } from './key-ring.ts';
import type { IncidentBundle, IncidentRecord, ProtectionPort } from './ports/incident-port.ts';

/** Where a point or a P-code falls: admin-1 (Natural Earth code and P-code) and admin-2 P-code. */
export type IncidentPlacer = (
  latitude: number | null,
  longitude: number | null,
  pcode: string | null,
) => Promise<{
  country: string | null;
  admin1: string | null;
  admin1Pcode: string | null;
  admin2Pcode: string | null;
}>;

export interface IncidentDeps {
  port: ProtectionPort;
  keys: KeyRing;
  audit: AuditLog;
  place: IncidentPlacer;
  now: () => string;
}

export function accessFacts(b: {
  incident: IncidentRecord;
  members: readonly string[];
}): IncidentAccessFacts {
  const r = b.incident;
  return {
    organisationId: r.organisationId,
    admin1: r.admin1,
    admin1Pcode: r.admin1Pcode,
    crsv: r.crsv,
    members: b.members,
    reportedBy: r.reportedBy,
  };
}

/** Reads a bundle the principal may see, or NOT_FOUND: an incident one may not see does not exist for them. */
export async function readableBundle(deps: IncidentDeps, by: Principal, id: string): Promise<IncidentBundle> {
  const bundle = await deps.port.incidents.bundle(id);
  if (!bundle || incidentView(by, accessFacts(bundle)) === 'none') throw new VigieError('NOT_FOUND');
  return bundle;
}

export interface RecordedIncident {
  id: string;
  reference: string;
  status: VerificationState;
  /** False when the same clientId was sent before: the first record is returned, nothing is duplicated. */
  created: boolean;
}

export async function recordIncident(
  deps: IncidentDeps,
  by: Principal,
  input: IncidentInput,
): Promise<RecordedIncident> {
  if (!canRecordIncidents(by)) throw new VigieError('FORBIDDEN');
  if (input.clientId) {
    const existing = await deps.port.incidents.byClientId(by.organisationId, input.clientId);
    if (existing)
      return { id: existing.id, reference: existing.reference, status: existing.status, created: false };
  }
  const place = await deps.place(
    input.place.latitude ?? null,
    input.place.longitude ?? null,
    input.place.pcode ?? null,
  );
  const at = deps.now();
  const id = randomUUID();
  const childVictims =
    input.flags.childVictims ||
    input.victimCounts.some((c) => c.age === 'child') ||
    input.victims.some((v) => v.age === 'child');
  return deps.port.transaction(async (s) => {
    const keyId = await deps.keys.newDataKey(s.keys, 'incident', at);
    const seal = (table: string, recordId: string, field: string, value: string | undefined) =>
      value === undefined
        ? Promise.resolve(null)
        : deps.keys.seal(keyId, { table, recordId, field }, value, s.keys);
    const reference = await s.incidents.nextReference(Number(input.date.from.slice(0, 4)));
    const sources = await Promise.all(
      input.sources.map(async (src, position) => {
        const sourceId = randomUUID();
        return {
          id: sourceId,
          position,
          kind: src.kind,
          reliability: src.reliability,
          credibility: src.credibility,
          descriptionSealed: await seal('incident_sources', sourceId, 'description', src.description),
        };
      }),
    );
    await s.incidents.insert({
      incident: {
        id,
        organisationId: by.organisationId,
        clientId: input.clientId ?? null,
        reference,
        dateFrom: input.date.from,
        dateTo: input.date.to ?? null,
        datePrecision: input.date.precision,
        latitude: input.place.latitude ?? null,
        longitude: input.place.longitude ?? null,
        pcode: input.place.pcode ?? null,
        locationName: input.place.locationName ?? null,
        placePrecision: input.place.precision,
        ...place,
        harmTypes: input.harmTypes,
        perpetrators: input.perpetrators.map((p) => ({ category: p.category, name: p.name ?? null })),
        retaliationUn: input.flags.retaliationForUnCooperation,
        unCooperationKind: input.flags.unCooperationKind ?? null,
        crsv: input.flags.crsv,
        childVictims,
        narrativeSealed: await seal('incidents', id, 'narrative', input.narrative),
        status: 'reported',
        standardOfProof: null,
        dataKeyId: keyId,
        reportedBy: by.userId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      },
      members: [by.userId],
      sources,
      victimCounts: input.victimCounts,
      victims: await sealVictims(deps.keys, s.keys, keyId, input.victims, at),
    });
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.create',
      targetType: 'incident',
      targetId: id,
      details: { harmTypes: input.harmTypes.length, victims: input.victims.length, crsv: input.flags.crsv },
    });
    return { id, reference, status: 'reported' as const, created: true };
  });
}

/** One incident as the principal may see it; the read is audited before anything is returned. */
export async function showIncident(deps: IncidentDeps, by: Principal, id: string): Promise<IncidentDetail> {
  const bundle = await readableBundle(deps, by, id);
  const view = incidentView(by, accessFacts(bundle));
  await deps.port.transaction((s) =>
    deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.read',
      targetType: 'incident',
      targetId: id,
      details: { view, victims: VIEW_RANK[view] >= VIEW_RANK.identities ? bundle.victims.length : 0 },
    }),
  );
  const ids = new Set([
    bundle.incident.reportedBy,
    ...bundle.members,
    ...bundle.steps.map((step) => step.decidedBy),
  ]);
  const people: Record<string, string> = {};
  for (const userId of ids) {
    const user = await deps.port.accounts.userById(userId);
    if (user && user.organisationId === by.organisationId) people[userId] = user.displayName;
  }
  return incidentDetail(deps.keys, bundle, view, {
    canDecide: canDecide(by, accessFacts(bundle)),
    isMember: bundle.members.includes(by.userId),
    people,
  });
}

export interface IncidentListRequest {
  status?: VerificationState;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** Storage pages read at most for one page of the listing (each asks only for the rows still missing). */
const MAX_LIST_ROUNDS = 10;

/**
 * Summaries only (no sealed field is opened); the listing itself is audited with the ids it returned. A page holds
 * `limit` incidents the reader may see whenever that many remain: the region scope (members pass) is part of the
 * query, and the access rule, applied again to each row, is made up for by reading on. Each read asks only for
 * the rows still missing, so when the page fills up its last row is the last one read and the store's cursor
 * resumes right after it: nothing is skipped or repeated. A page cut short by the round limit still has a cursor.
 */
export async function listIncidents(
  deps: IncidentDeps,
  by: Principal,
  request: IncidentListRequest,
): Promise<{ incidents: IncidentSummary[]; nextCursor: string | null }> {
  if (by.role === 'viewer') throw new VigieError('FORBIDDEN');
  const limit = Math.max(1, Math.floor(request.limit));
  const visible: Array<{ record: IncidentRecord; view: IncidentView }> = [];
  let cursor = request.cursor ?? null;
  for (let round = 0; round < MAX_LIST_ROUNDS && visible.length < limit; round++) {
    const page = await deps.port.incidents.list({
      organisationId: by.organisationId,
      status: request.status ?? null,
      from: request.from ?? null,
      to: request.to ?? null,
      regions: by.regions,
      regionsUnlessMember: by.userId,
      excludeCrsvUnlessMember: by.role === 'admin' || by.role === 'monitor' ? null : by.userId,
      cursor,
      limit: limit - visible.length,
    });
    // The rule the detail uses decides, row by row (the query only narrows what is read).
    for (const r of page.incidents) {
      const view = incidentView(by, accessFacts({ incident: r, members: r.members }));
      if (view !== 'none') visible.push({ record: r, view });
    }
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  await deps.port.transaction((s) =>
    deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.list',
      targetType: 'incident',
      targetId: null,
      details: { count: visible.length, ids: visible.map((v) => v.record.reference).join(',') },
    }),
  );
  return { incidents: visible.map((v) => incidentSummary(v.record, v.view)), nextCursor: cursor };
}
