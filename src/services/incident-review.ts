import { canDecide, canRecordIncidents, incidentView, type Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import { canTransition, transitionNeeds, type VerificationState } from '../core/incident.ts';
import type { IncidentSummary } from './incident-detail.ts';
import { incidentSummary } from './incident-detail.ts';
import type { DecisionInput } from './incident-input.ts';
import { accessFacts, readableBundle, type IncidentDeps } from './incidents.ts';

/**
 * The verification workflow: reported → under review → verified / not verified / dismissed, with who, when,
 * the standard of proof reached and the reason (sealed: a reason may name a witness). Four eyes: the reporter
 * never decides on their own incident. Starting a review makes the reviewer a member of the case, since a
 * reviewer must read the testimony to decide.
 */
export async function decide(
  deps: IncidentDeps,
  by: Principal,
  id: string,
  input: DecisionInput,
): Promise<{ status: VerificationState; version: number }> {
  const bundle = await readableBundle(deps, by, id);
  const facts = accessFacts(bundle);
  if (!canDecide(by, facts)) throw new VigieError('FORBIDDEN');
  const from = bundle.incident.status;
  if (!canTransition(from, input.to)) throw new VigieError('CONFLICT', { reason: `${from}→${input.to}` });
  const needs = transitionNeeds(input.to);
  if (needs.standard && input.standardOfProof === undefined)
    throw new VigieError('VALIDATION_FAILED', { field: 'standardOfProof' });
  if (needs.reason && input.reason === undefined)
    throw new VigieError('VALIDATION_FAILED', { field: 'reason' });
  const keyId = bundle.incident.dataKeyId;
  if (keyId === null && input.reason !== undefined)
    throw new VigieError('KEY_UNAVAILABLE', { reason: 'erased' });
  const at = deps.now();
  return deps.port.transaction(async (s) => {
    const reasonSealed =
      input.reason === undefined || keyId === null
        ? null
        : await deps.keys.seal(
            keyId,
            { table: 'verification_steps', recordId: `${id}@${at}`, field: 'reason' },
            input.reason,
            s.keys,
          );
    const moved = await s.incidents.setStatus(id, input.version, {
      fromStatus: from,
      toStatus: input.to,
      standardOfProof: input.to === 'verified' ? (input.standardOfProof ?? null) : null,
      reasonSealed,
      decidedBy: by.userId,
      decidedAt: at,
    });
    if (!moved) throw new VigieError('CONFLICT', { reason: 'changed-since-read' });
    if (input.to === 'under_review' && !bundle.members.includes(by.userId))
      await s.incidents.addMember(id, by.userId, by.userId, at);
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.decide',
      targetType: 'incident',
      targetId: id,
      details: { from, to: input.to, standardOfProof: input.standardOfProof ?? null },
    });
    return { status: input.to, version: input.version + 1 };
  });
}

/** The review queue: incidents reported or under review that this principal may decide on, oldest first. */
export async function reviewQueue(deps: IncidentDeps, by: Principal): Promise<IncidentSummary[]> {
  if (!canRecordIncidents(by)) throw new VigieError('FORBIDDEN');
  const rows = [];
  for (const status of ['reported', 'under_review'] as const) {
    let cursor: string | null = null;
    do {
      const page = await deps.port.incidents.list({
        organisationId: by.organisationId,
        status,
        from: null,
        to: null,
        // Narrows what is read to what canDecide may accept: in scope or a member; CRSV only to members.
        regions: by.regions,
        regionsUnlessMember: by.userId,
        excludeCrsvUnlessMember: by.userId,
        cursor,
        limit: 500,
      });
      rows.push(
        ...page.incidents.filter((r) => canDecide(by, accessFacts({ incident: r, members: r.members }))),
      );
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
  await deps.port.transaction((s) =>
    deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.queue',
      targetType: 'incident',
      targetId: null,
      details: { count: rows.length },
    }),
  );
  return rows
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((r) => incidentSummary(r, incidentView(by, accessFacts({ incident: r, members: r.members }))));
}

/** Adds a monitor or admin of the organisation to a case, so they may see its identities. */
export async function addMember(
  deps: IncidentDeps,
  by: Principal,
  id: string,
  userId: string,
): Promise<void> {
  const bundle = await readableBundle(deps, by, id);
  const view = incidentView(by, accessFacts(bundle));
  if (by.readOnly || !(by.role === 'admin' || (view === 'identities' && by.role === 'monitor')))
    throw new VigieError('FORBIDDEN');
  const user = await deps.port.accounts.userById(userId);
  if (
    !user ||
    user.organisationId !== by.organisationId ||
    !(user.role === 'monitor' || user.role === 'admin')
  )
    throw new VigieError('VALIDATION_FAILED', { field: 'userId' });
  if (bundle.members.includes(userId)) return;
  const at = deps.now();
  await deps.port.transaction(async (s) => {
    await s.incidents.addMember(id, userId, by.userId, at);
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'incident.member.add',
      targetType: 'incident',
      targetId: id,
      details: { userId },
    });
  });
}
