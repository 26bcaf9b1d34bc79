import { isVigieError, VigieError } from '../core/errors.ts';
import { issue, type RowIssue } from '../core/issues.ts';
import { parseBoundaries } from '../geo/boundaries.ts';
import { importAcledMonthly, MONTHLY_MEASURES, type MonthlyMeasure } from '../importers/acled-monthly.ts';
import { importBasesCsv } from '../importers/bases-csv.ts';
import { peekBytes } from '../importers/read/byte-peek.ts';
import { openCsv } from '../importers/read/csv.ts';
import { readJson } from '../importers/read/json.ts';
import type { ByteSource, TabularInput } from '../importers/read/types.ts';
import { openXlsx } from '../importers/read/xlsx.ts';
import type { MonthlyAggregate, ProtectionBase } from '../importers/types.ts';
import { hashingSource } from './hashing-source.ts';
import { IssueList, type ImportReport } from './import-report.ts';
import type { ReferencePort, RunSummary, WriteCounts } from './ports/reference-port.ts';
import type { ImportOptions } from './vigie.ts';

export interface ReferenceDeps {
  reference: ReferencePort;
  now: () => string;
  today: () => string;
  /** Re-assigns stored events to admin units after a boundary set changed. */
  replaceEvents(): Promise<void>;
}

type Kind = 'acled-monthly' | 'boundaries' | 'bases';

/**
 * Boundaries, bases and monthly aggregates. Like events, a file with a bad record is rejected whole unless
 * skipInvalid is set; each import writes in one transaction.
 */
export async function importReferenceFile(
  deps: ReferenceDeps,
  kind: Kind,
  input: ByteSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const hashed = hashingSource(input);
  const startedAt = deps.now();
  const issues = new IssueList();
  let rowsRead = 0;
  let rejected = 0;
  let layout: string | null = null;
  const summary = (): RunSummary => ({
    kind,
    source: kind,
    fileName: input.name,
    fileSha256: hashed.sha256(),
    layout,
    startedAt,
    finishedAt: deps.now(),
    rowsRead,
    rejected,
    issues: issues.items,
  });
  const report = (runId: number | null, counts: WriteCounts, stored: boolean): ImportReport => ({
    runId,
    source: kind,
    file: input.name,
    layout,
    rowsRead,
    ...(stored ? counts : { inserted: 0, updated: 0, unchanged: 0 }),
    rejected: stored ? rejected : rowsRead,
    deleted: 0,
    sourceRows: rowsRead,
    stored,
    issues: issues.items,
    issuesTotal: issues.total,
    warnings: [],
  });

  try {
    const collect = <T>(records: Array<{ value: T | null; issues: RowIssue[] }>): T[] => {
      const valid: T[] = [];
      for (const r of records) {
        rowsRead++;
        if (r.value === null || r.issues.length > 0) {
          rejected++;
          issues.add(r.issues);
        } else valid.push(r.value);
      }
      return valid;
    };
    const rejectUnlessSkipping = () => {
      if (rejected > 0 && options.skipInvalid !== true)
        throw new VigieError('INPUT_REJECTED', { file: input.name });
    };

    if (kind === 'boundaries') {
      if (options.level === undefined)
        throw new VigieError('BAD_USAGE', { reason: '--level is required for boundaries' });
      const body = await readJson(hashed.source);
      const set = options.set ?? 'cod-ab';
      const parsed = parseBoundaries(body, {
        level: options.level,
        set,
        ...(options.codeField ? { codeField: options.codeField } : {}),
        ...(options.nameField ? { nameField: options.nameField } : {}),
        ...(options.parentField ? { parentField: options.parentField } : {}),
      });
      layout = `geojson:${parsed.fields.code ?? '?'}/${parsed.fields.name ?? '?'}`;
      rowsRead = parsed.places.length + new Set(parsed.issues.map((i) => i.row)).size;
      rejected = rowsRead - parsed.places.length;
      issues.add(parsed.issues);
      if (parsed.places.length === 0 && parsed.issues.length === 0)
        issues.add([issue(0, null, 'FILE_EMPTY')]);
      rejectUnlessSkipping();
      if (parsed.places.length === 0) throw new VigieError('INPUT_REJECTED', { file: input.name });
      const { runId, counts } = await deps.reference.replaceBoundaryLevel(
        { name: set, description: null, source: input.name, importedAt: deps.now() },
        options.level,
        parsed.places.map((p) => ({ ...p, geometry: p.geometry })),
        summary(),
      );
      await deps.replaceEvents();
      return report(runId, counts, true);
    }

    const tabular = await openTabular(hashed.source, options);
    if (kind === 'bases') {
      const imported = importBasesCsv(tabular);
      layout = imported.layout.id;
      const rows: Array<{ value: ProtectionBase | null; issues: RowIssue[] }> = [];
      for await (const r of imported.records) rows.push({ value: r.base, issues: r.issues });
      const valid = collect(rows);
      rejectUnlessSkipping();
      const { runId, counts } = await deps.reference.upsertBases(valid, 'import', summary());
      return report(runId, counts, true);
    }

    const measure = MONTHLY_MEASURES.find((m): m is MonthlyMeasure => m === options.measure);
    if (options.measure !== undefined && measure === undefined) {
      throw new VigieError('BAD_USAGE', { reason: `--measure takes ${MONTHLY_MEASURES.join(', ')}` });
    }
    const imported = importAcledMonthly(tabular, {
      today: deps.today(),
      fileName: input.name,
      ...(measure ? { measure } : {}),
    });
    layout = imported.layout.id;
    const rows: Array<{ value: MonthlyAggregate | null; issues: RowIssue[] }> = [];
    for await (const r of imported.records) rows.push({ value: r.aggregate, issues: r.issues });
    const valid = collect(rows);
    rejectUnlessSkipping();
    const { runId, counts } = await deps.reference.upsertAggregates(valid, summary());
    return report(runId, counts, true);
  } catch (error) {
    if (!isVigieError(error) || error.code !== 'INPUT_REJECTED') throw error;
    issues.add(error.issues);
    const runId = await deps.reference.recordRun(summary(), 'rejected');
    return report(runId, { inserted: 0, updated: 0, unchanged: 0 }, false);
  }
}

/** CSV, or the first sheet named "Data" (ACLED's HDX workbooks) or else the first sheet of an xlsx. */
async function openTabular(source: ByteSource, options: ImportOptions): Promise<TabularInput> {
  const peeked = await peekBytes(source.chunks(), 4);
  const replay: ByteSource = { name: source.name, chunks: () => peeked.stream };
  const zip =
    peeked.head[0] === 0x50 && peeked.head[1] === 0x4b && peeked.head[2] === 0x03 && peeked.head[3] === 0x04;
  if (zip) return openXlsx(replay, { preferSheets: ['Data'] });
  return openCsv(replay, options.encoding ? { encoding: options.encoding } : {});
}
