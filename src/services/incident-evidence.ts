import { createHash, randomUUID } from 'node:crypto';
import { incidentView, VIEW_RANK, type Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { CustodyEntry } from './ports/incident-port.ts';
import { accessFacts, readableBundle, type IncidentDeps } from './incidents.ts';

/** Evidence is kept whole in the database, sealed; 25 MB covers photos, scans and short recordings. */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

async function memberBundle(deps: IncidentDeps, by: Principal, id: string) {
  const bundle = await readableBundle(deps, by, id);
  if (VIEW_RANK[incidentView(by, accessFacts(bundle))] < VIEW_RANK.identities)
    throw new VigieError('FORBIDDEN');
  if (bundle.incident.dataKeyId === null) throw new VigieError('KEY_UNAVAILABLE', { reason: 'erased' });
  return { bundle, keyId: bundle.incident.dataKeyId };
}

/**
 * Takes a file in as evidence: its SHA-256 is computed at intake over the original bytes, which are sealed as
 * they are and never modified; every later download is checked against that hash and written to the custody log.
 */
export async function addEvidence(
  deps: IncidentDeps,
  by: Principal,
  incidentId: string,
  file: { name: string; mediaType: string; bytes: Buffer },
): Promise<{ id: string; sha256: string; sizeBytes: number }> {
  if (by.readOnly) throw new VigieError('FORBIDDEN');
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw new VigieError('PAYLOAD_TOO_LARGE');
  const { keyId } = await memberBundle(deps, by, incidentId);
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const at = deps.now();
  await deps.port.transaction(async (s) => {
    const seal = (field: string, value: string) =>
      deps.keys.seal(keyId, { table: 'evidence', recordId: id, field }, value, s.keys);
    await s.incidents.addEvidence(
      {
        id,
        incidentId,
        fileNameSealed: await seal('file_name', file.name),
        mediaType: file.mediaType,
        sizeBytes: file.bytes.length,
        sha256,
        receivedAt: at,
        receivedBy: by.userId,
      },
      await seal('content', file.bytes.toString('base64')),
    );
    await s.incidents.addCustody({ evidenceId: id, at, userId: by.userId, action: 'received', note: null });
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'evidence.add',
      targetType: 'evidence',
      targetId: id,
      details: { incidentId, sizeBytes: file.bytes.length },
    });
  });
  return { id, sha256, sizeBytes: file.bytes.length };
}

export async function downloadEvidence(
  deps: IncidentDeps,
  by: Principal,
  incidentId: string,
  evidenceId: string,
): Promise<{ name: string; mediaType: string; bytes: Buffer; sha256: string }> {
  const { keyId } = await memberBundle(deps, by, incidentId);
  const stored = await deps.port.incidents.evidenceContent(evidenceId);
  if (!stored || stored.evidence.incidentId !== incidentId) throw new VigieError('NOT_FOUND');
  if (stored.contentSealed === null || stored.evidence.fileNameSealed === null)
    throw new VigieError('KEY_UNAVAILABLE', { reason: 'erased' });
  const open = (field: string, sealed: string) =>
    deps.keys.open(keyId, { table: 'evidence', recordId: evidenceId, field }, sealed);
  const bytes = Buffer.from(await open('content', stored.contentSealed), 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // GCM already refuses altered ciphertext; the hash check also catches a swap of a whole sealed value.
  if (sha256 !== stored.evidence.sha256)
    throw new VigieError('INTERNAL', { reason: 'evidence-hash-mismatch' });
  const at = deps.now();
  await deps.port.transaction(async (s) => {
    await s.incidents.addCustody({ evidenceId, at, userId: by.userId, action: 'downloaded', note: null });
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'evidence.download',
      targetType: 'evidence',
      targetId: evidenceId,
      details: { incidentId },
    });
  });
  return {
    name: await open('file_name', stored.evidence.fileNameSealed),
    mediaType: stored.evidence.mediaType,
    bytes,
    sha256,
  };
}

export async function custodyLog(
  deps: IncidentDeps,
  by: Principal,
  incidentId: string,
  evidenceId: string,
): Promise<CustodyEntry[]> {
  await memberBundle(deps, by, incidentId);
  const stored = await deps.port.incidents.evidenceContent(evidenceId);
  if (!stored || stored.evidence.incidentId !== incidentId) throw new VigieError('NOT_FOUND');
  return deps.port.incidents.custodyLog(evidenceId);
}
