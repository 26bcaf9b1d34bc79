import type { EvidenceRecord, IncidentsPort } from '../../services/ports/incident-port.ts';
import { toCustody, toEvidence } from './incident-rows.ts';
import type { Db } from './run.ts';

const EVIDENCE_COLUMNS = [
  'id',
  'incident_id',
  'file_name_sealed',
  'media_type',
  'size_bytes',
  'sha256',
  'received_at',
  'received_by',
] as const;

/** Evidence of an incident without its sealed content, which is read only one file at a time. */
export async function evidenceOf(db: Db, incidentId: string): Promise<EvidenceRecord[]> {
  const rows = await db
    .selectFrom('evidence')
    .select(EVIDENCE_COLUMNS)
    .where('incident_id', '=', incidentId)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  return rows.map(toEvidence);
}

/** Evidence files (sealed, with the SHA-256 of the original bytes) and their chain of custody. */
export function evidenceStore(
  db: Db,
): Pick<IncidentsPort, 'addEvidence' | 'evidenceContent' | 'addCustody' | 'custodyLog'> {
  return {
    async addEvidence(e, contentSealed) {
      await db
        .insertInto('evidence')
        .values({
          id: e.id,
          incident_id: e.incidentId,
          file_name_sealed: e.fileNameSealed,
          media_type: e.mediaType,
          size_bytes: e.sizeBytes,
          sha256: e.sha256,
          content_sealed: contentSealed,
          received_at: e.receivedAt,
          received_by: e.receivedBy,
        })
        .execute();
    },

    async evidenceContent(evidenceId) {
      const row = await db
        .selectFrom('evidence')
        .select([...EVIDENCE_COLUMNS, 'content_sealed'])
        .where('id', '=', evidenceId)
        .executeTakeFirst();
      return row ? { evidence: toEvidence(row), contentSealed: row.content_sealed } : null;
    },

    async addCustody(entry) {
      await db
        .insertInto('custody_log')
        .values({
          evidence_id: entry.evidenceId,
          at: entry.at,
          user_id: entry.userId,
          action: entry.action,
          note: entry.note,
        })
        .execute();
    },

    async custodyLog(evidenceId) {
      const rows = await db
        .selectFrom('custody_log')
        .selectAll()
        .where('evidence_id', '=', evidenceId)
        .orderBy('id')
        .execute();
      return rows.map(toCustody);
    },
  };
}
