import { VigieError } from '../core/errors.ts';
import { issue } from '../core/issues.ts';
import { importAcledCsv } from './acled-csv.ts';
import type { AcledImportOptions } from './acled-record.ts';
import { isPlainObject, tabularFromObjects } from './json-records.ts';
import type { EventImport, ParsedEventRecord } from './types.ts';

/**
 * ACLED API JSON, as saved from `/api/acled/read` (or the older `api.acleddata.com/acled/read`):
 *   `{ "status": 200, "success": true, "count": 2, "data": [ { "event_id_cnty": "MLI1", … } ], "filename": … }`
 * or the bare `data` array. Every value is a string in ACLED's API ("fatalities": "3"); the records go through
 * the same layout detection and row mapper as the CSV exports. A saved error response
 * (`{ "success": false, "error": { "status": 403, "message": … } }`) rejects the file with the API's message.
 */
export function importAcledJson(body: unknown, options: AcledImportOptions): EventImport {
  const data = acledData(body);
  if (data.length === 0) {
    // A query that matched nothing is a valid, empty answer.
    return { layout: { id: 'acled-api-json', description: 'ACLED API JSON (no records)' }, records: none() };
  }
  // Same path as a CSV export, monadic folding included (the API has `export_type=monadic` too).
  const imported = importAcledCsv(tabularFromObjects(data), options);
  return {
    layout: {
      id: 'acled-api-json',
      description: `ACLED API JSON; fields as in ${imported.layout.description}`,
    },
    records: imported.records,
  };
}

/** The records of an ACLED API body, or a file-level rejection. */
export function acledData(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (!isPlainObject(body)) throw unrecognised('not an object or array');
  if (body['success'] === false || body['error'] !== undefined) {
    const message = apiMessage(body['error']) ?? apiMessage(body['message']) ?? 'unspecified API error';
    const status = typeof body['status'] === 'number' ? body['status'] : null;
    throw new VigieError('INPUT_REJECTED', { apiError: message, apiStatus: status }, [
      issue(0, null, 'SOURCE_API_ERROR', { value: message }),
    ]);
  }
  const data = body['data'];
  if (!Array.isArray(data)) throw unrecognised('no "data" array');
  return data;
}

function apiMessage(error: unknown): string | null {
  if (typeof error === 'string') return error;
  if (Array.isArray(error)) {
    const parts = error.map(apiMessage).filter((m): m is string => m !== null);
    return parts.length > 0 ? parts.join('; ') : null;
  }
  if (isPlainObject(error)) return apiMessage(error['message']) ?? apiMessage(error['detail']);
  return null;
}

function unrecognised(why: string): VigieError {
  return new VigieError('INPUT_REJECTED', { reason: why }, [
    issue(0, null, 'FORMAT_UNRECOGNISED', { value: `ACLED API JSON: ${why}` }),
  ]);
}

async function* none(): AsyncGenerator<ParsedEventRecord> {}
