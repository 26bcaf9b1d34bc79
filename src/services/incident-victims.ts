import { randomUUID } from 'node:crypto';
import { incidentView, VIEW_RANK, type Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { AuditLog } from './audit-log.ts';
import type { VictimInput } from './incident-input.ts';
import type { KeyRing } from './key-ring.ts';
import type { VictimRecord } from './ports/incident-port.ts';
import type { KeysPort, ProtectionPort } from './ports/protection-port.ts';
import { accessFacts } from './incidents.ts';

/** Seals the identity and testimony fields of individual victim records, each bound to its record and field. */
export async function sealVictims(
  keys: KeyRing,
  store: KeysPort,
  keyId: string,
  victims: readonly VictimInput[],
  at: string,
  firstPosition = 0,
): Promise<VictimRecord[]> {
  return Promise.all(
    victims.map(async (v, i) => {
      const id = randomUUID();
      const seal = (field: string, value: string | undefined) =>
        value === undefined
          ? Promise.resolve(null)
          : keys.seal(keyId, { table: 'victims', recordId: id, field }, value, store);
      return {
        id,
        position: firstPosition + i,
        sex: v.sex,
        age: v.age,
        status: v.status,
        harms: v.harms,
        consent: v.consent,
        consentPartner: v.consentPartner ?? null,
        nameSealed: await seal('name', v.name),
        contactSealed: await seal('contact', v.contact),
        addressSealed: await seal('address', v.address),
        testimonySealed: await seal('testimony', v.testimony),
        createdAt: at,
      };
    }),
  );
}

/** Adds individual victim records to an incident; only the case's members (who may see identities) can. */
export async function addVictims(
  deps: { port: ProtectionPort; keys: KeyRing; audit: AuditLog; now: () => string },
  by: Principal,
  incidentId: string,
  victims: readonly VictimInput[],
): Promise<{ added: number }> {
  const bundle = await deps.port.incidents.bundle(incidentId);
  if (!bundle) throw new VigieError('NOT_FOUND');
  const view = incidentView(by, accessFacts(bundle));
  if (view === 'none') throw new VigieError('NOT_FOUND');
  if (by.readOnly || VIEW_RANK[view] < VIEW_RANK.identities) throw new VigieError('FORBIDDEN');
  const keyId = bundle.incident.dataKeyId;
  if (keyId === null) throw new VigieError('KEY_UNAVAILABLE', { reason: 'erased' });
  const at = deps.now();
  await deps.port.transaction(async (s) => {
    const sealed = await sealVictims(deps.keys, s.keys, keyId, victims, at, bundle.victims.length);
    await s.incidents.addVictims(incidentId, sealed, at);
    await deps.audit.record(s, {
      actorId: by.userId,
      action: 'victim.create',
      targetType: 'incident',
      targetId: incidentId,
      details: { count: sealed.length },
    });
  });
  return { added: victims.length };
}
