import { isVigieError } from '../core/errors.ts';
import { importAcledCsv } from '../importers/acled-csv.ts';
import { importAcledJson } from '../importers/acled-json.ts';
import { peekBytes } from '../importers/read/byte-peek.ts';
import { openCsv } from '../importers/read/csv.ts';
import { readJson } from '../importers/read/json.ts';
import type { ByteSource } from '../importers/read/types.ts';
import type { CountryResolver } from '../importers/country.ts';
import type { EventImport } from '../importers/types.ts';
import { importUcdpCsv, ucdpVersionFrom } from '../importers/ucdp-csv.ts';
import { importUcdpJson } from '../importers/ucdp-json.ts';
import { hashingSource } from './hashing-source.ts';
import { importEvents, type EventImportDeps } from './import-events.ts';
import { emptyReport, IssueList, type ImportReport } from './import-report.ts';
import type { ImportOptions } from './vigie.ts';

export interface EventFileDeps extends EventImportDeps {
  resolveCountry: CountryResolver;
  today: () => string;
}

/**
 * Imports an ACLED or UCDP file: JSON (API responses) when it starts with { or [, CSV otherwise. A file rejected
 * before its first record (a zip, a wrong header) gives a report with stored: false, like one rejected for its
 * rows, and the run is recorded in the import history.
 */
export async function importEventFile(
  deps: EventFileDeps,
  source: 'acled' | 'ucdp',
  input: ByteSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const hashed = hashingSource(input);
  let eventImport: EventImport;
  try {
    eventImport = await openEventImport(deps, source, hashed.source, options);
  } catch (error) {
    if (!isVigieError(error) || error.code !== 'INPUT_REJECTED') throw error;
    return recordRejectedFile(deps, source, input.name, error.issues);
  }
  return importEvents(
    { ...deps, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
    {
      source,
      fileName: input.name,
      fileSha256: hashed.sha256,
      input: eventImport,
      skipInvalid: options.skipInvalid === true,
    },
  );
}

async function openEventImport(
  deps: EventFileDeps,
  source: 'acled' | 'ucdp',
  input: ByteSource,
  options: ImportOptions,
): Promise<EventImport> {
  const peeked = await peekBytes(input.chunks(), 4096);
  const first = firstNonSpace(peeked.head);
  const replay: ByteSource = { name: input.name, chunks: () => peeked.stream };
  const importOptions = { today: deps.today(), resolveCountry: deps.resolveCountry };
  // UCDP names its releases in file names and API URLs (GEDEvent_v25_1.csv → ged251).
  const ucdpOptions = { ...importOptions, sourceVersion: ucdpVersionFrom(input.name) };
  if (first === 0x7b || first === 0x5b) {
    const body = await readJson(replay);
    return source === 'acled' ? importAcledJson(body, importOptions) : importUcdpJson(body, ucdpOptions);
  }
  const tabular = await openCsv(replay, options.encoding ? { encoding: options.encoding } : {});
  return source === 'acled' ? importAcledCsv(tabular, importOptions) : importUcdpCsv(tabular, ucdpOptions);
}

function firstNonSpace(bytes: Uint8Array): number | null {
  let i = 0;
  // Skip a UTF-8 BOM and white space.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  return i < bytes.length ? (bytes[i] as number) : null;
}

export async function recordRejectedFile(
  deps: Pick<EventImportDeps, 'port' | 'now'>,
  source: string,
  fileName: string,
  fileIssues: ImportReport['issues'],
): Promise<ImportReport> {
  const issues = new IssueList();
  issues.add(fileIssues);
  const now = deps.now();
  const runId = await deps.port.recordRun(
    {
      kind: 'events',
      source,
      file_name: fileName,
      file_sha256: null,
      layout: null,
      started_at: now,
      status: 'rejected',
    },
    {
      status: 'rejected',
      finished_at: now,
      file_sha256: null,
      layout: null,
      rows_read: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      deleted: 0,
      issues_json: JSON.stringify(issues.items),
    },
  );
  return { ...emptyReport(source, fileName, null), runId, issues: issues.items, issuesTotal: issues.total };
}
