import { Option, type Command } from 'commander';
import { statSync } from 'node:fs';
import { VigieError } from '../../core/errors.ts';
import { t } from '../../i18n/t.ts';
import type { ByteSource } from '../../services/vigie.ts';
import type { ImportReport } from '../../services/import-report.ts';
import type { ImportKind, ImportOptions } from '../../services/vigie.ts';
import { withVigie } from '../context.ts';
import { EXIT } from '../exit-codes.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { issuesForJson, printIssues, progressBar, writeJson, type Io } from '../output.ts';
import { fileByteSource, stdinByteSource } from '../sources.ts';

interface ImportCliOptions extends GlobalOptions {
  skipInvalid?: boolean;
  encoding?: ImportOptions['encoding'];
  level?: string;
  set?: string;
  codeField?: string;
  nameField?: string;
  parentField?: string;
  measure?: string;
}

const KINDS: ReadonlyArray<{ kind: ImportKind; description: string; stdin: boolean }> = [
  { kind: 'acled', description: 'ACLED events: CSV in any of its export layouts, or API JSON', stdin: true },
  {
    kind: 'acled-deletions',
    description: 'ACLED deletion list (API JSON or CSV with event_id_cnty): removes events, keeps tombstones',
    stdin: true,
  },
  { kind: 'ucdp', description: 'UCDP GED events: release or web-export CSV, or API JSON', stdin: true },
  { kind: 'acled-monthly', description: 'ACLED/HDX monthly admin2 aggregates (CSV or xlsx)', stdin: false },
  { kind: 'boundaries', description: 'admin boundaries (GeoJSON FeatureCollection)', stdin: false },
  { kind: 'bases', description: 'protection presences (CSV: name, lat, lon, opened, closed)', stdin: false },
];

export function importCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const group = program.command('import').description('import a data file');
  for (const { kind, description, stdin } of KINDS) {
    const command = withGlobalOptions(group.command(`${kind} <file>`))
      .description(`${description}${stdin ? '; "-" reads standard input' : ''}`)
      .option('--skip-invalid', 'store the valid rows and list the rejected ones')
      .addOption(
        new Option('--encoding <encoding>', 'text encoding').choices([
          'auto',
          'utf-8',
          'windows-1252',
          'latin1',
        ]),
      );
    if (kind === 'boundaries') {
      command
        .requiredOption('--level <n>', 'admin level of the features (1, 2 or 3)')
        .option('--set <name>', 'boundary set name, e.g. cod-ab-2017')
        .option('--code-field <property>', 'property holding the P-code')
        .option('--name-field <property>', 'property holding the name')
        .option('--parent-field <property>', "property holding the parent's P-code");
    }
    if (kind === 'acled-monthly')
      command.option('--measure <name>', 'political_violence, civilian_targeting or demonstrations');
    command.action(async (file: string, options: ImportCliOptions) => {
      if (file === '-' && !stdin)
        throw new VigieError('BAD_USAGE', { reason: `import ${kind} needs a file, not standard input` });
      const level = options.level === undefined ? undefined : Number(options.level);
      if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 4)) {
        throw new VigieError('BAD_USAGE', { reason: `--level takes 1–4, not "${options.level}"` });
      }
      const source: ByteSource = file === '-' ? stdinByteSource(io.stdin) : fileByteSource(file);
      const size = file === '-' ? null : statSync(file).size;
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const bar = progressBar(io, size);
        const report = await vigie.importFile(kind, bar.wrap(source), {
          ...pick(options, [
            'skipInvalid',
            'encoding',
            'set',
            'codeField',
            'nameField',
            'parentField',
            'measure',
          ]),
          ...(level === undefined ? {} : { level }),
          onProgress: (n) => bar.records(n),
        });
        bar.done();
        present(io, locale, json, report);
        if (!report.stored) setExitCode(EXIT.rejected);
      });
    });
  }
}

function present(io: Io, locale: 'fr' | 'en', json: boolean, r: ImportReport): void {
  if (json) {
    writeJson(io, {
      source: r.source,
      file: r.file,
      layout: r.layout,
      rowsRead: r.rowsRead,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      deleted: r.deleted,
      stored: r.stored,
      issuesTotal: r.issuesTotal,
      issues: issuesForJson(locale, r.issues),
      warnings: issuesForJson(locale, r.warnings),
    });
    return;
  }
  io.stderr.write(
    `${t(locale, 'cli.import.summary', { file: r.file, rowsRead: r.rowsRead, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected })}\n`,
  );
  if (!r.stored) io.stderr.write(`${t(locale, 'cli.import.rejected')}\n`);
  printIssues(io, locale, r.issues, r.issuesTotal);
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
