import { VigieError } from '../core/errors.ts';
import { issue } from '../core/issues.ts';
import { isPlainObject, tabularFromObjects } from './json-records.ts';
import type { EventImport, ParsedEventRecord } from './types.ts';
import { ucdpRecords } from './ucdp-csv.ts';
import { detectUcdpLayout, ucdpVersionFrom } from './ucdp-layouts.ts';
import { UcdpRowMapper } from './ucdp-record.ts';
import type { UcdpImportOptions } from './ucdp-record.ts';

/**
 * A page of UCDP's API (`https://ucdpapi.pcr.uu.se/api/gedevents/<version>`), for the GED releases (25.1) and the
 * monthly Candidate releases (25.0.1 …), which share every field:
 *   `{ "TotalCount": 2, "TotalPages": 1, "PreviousPageUrl": "", "NextPageUrl": "", "Result": [ { "id": 1, … } ] }`
 * or the bare `Result` array. The release is not in the records: it comes from the options, else from the page
 * URLs when the response has them ("…/gedevents/25.0.1?page=2" → "candidate-25.01").
 */
export function importUcdpJson(body: unknown, options: UcdpImportOptions): EventImport {
  const { result, urls } = ucdpResult(body);
  const version = options.sourceVersion ?? urls.map(ucdpVersionFrom).find((v) => v !== null) ?? null;
  const kind =
    version === null ? 'ucdp-api' : version.startsWith('candidate') ? 'ucdp-candidate-api' : 'ucdp-ged-api';
  const description = `UCDP API JSON (${version ?? 'release not stated'})`;
  if (result.length === 0) return { layout: { id: kind, description }, records: none() };
  const input = tabularFromObjects(result);
  const mapper = new UcdpRowMapper(detectUcdpLayout(input.header), { ...options, sourceVersion: version });
  return { layout: { id: kind, description }, records: ucdpRecords(input.records, mapper) };
}

function ucdpResult(body: unknown): { result: unknown[]; urls: string[] } {
  if (Array.isArray(body)) return { result: body, urls: [] };
  if (isPlainObject(body) && Array.isArray(body['Result'])) {
    const urls = [body['NextPageUrl'], body['PreviousPageUrl']].filter(
      (u): u is string => typeof u === 'string',
    );
    return { result: body['Result'], urls };
  }
  throw new VigieError('INPUT_REJECTED', { reason: 'no "Result" array' }, [
    issue(0, null, 'FORMAT_UNRECOGNISED', { value: 'UCDP API JSON: no "Result" array' }),
  ]);
}

async function* none(): AsyncGenerator<ParsedEventRecord> {}
