import { Option, type Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { t, type Locale } from '../../i18n/t.ts';
import {
  parsePublicReleaseParams,
  PUBLIC_FORMATS,
  type PublicReleaseResult,
} from '../../services/public-release.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import type { Io } from '../output.ts';

interface ExportPublicOptions extends GlobalOptions {
  k?: string;
  format?: string;
  out?: string;
}

/**
 * `vigie export public`: the redacted release of verified incidents (the same as GET /api/v1/public/incidents),
 * as CSV with an HXL hashtag row by default, or plain CSV or JSON, to stdout or a file. What was left out is
 * summarised on stderr, so stdout stays the release alone.
 */
export function exportCommand(program: Command, io: Io): void {
  const group = program.command('export').description('export redacted data for publication');
  withGlobalOptions(group.command('public'))
    .description(
      'verified incidents by admin-2 × month × harm × perpetrator category; cells under k incidents, or with ' +
        '1 … k−1 victims, left out; no identifiers, no totals',
    )
    .option(
      '--k <N>',
      'smallest number of incidents (and of victims, unless 0) a cell may show (default 5, at least 3)',
    )
    .addOption(
      new Option('--format <format>', 'output format (default hxl, or json with --json)').choices([
        ...PUBLIC_FORMATS,
      ]),
    )
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: ExportPublicOptions) => {
      const raw = { k: options.k, format: options.format ?? (options.json ? 'json' : 'hxl') };
      const params = parsePublicReleaseParams(
        Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
        'BAD_USAGE',
      );
      await withVigie(io, options, async (vigie, { locale }) => {
        const result = await vigie.publicRelease(params);
        if (options.out) await writeFile(options.out, result.body);
        else io.stdout.write(result.body);
        io.stderr.write(summary(result, options.out ?? null, locale));
      });
    });
}

function summary(result: PublicReleaseResult, file: string | null, locale: Locale): string {
  const { cells, notes } = result.release;
  const lines = [
    file === null
      ? t(locale, 'cli.export.public.done', { cells: cells.length, k: notes.k })
      : t(locale, 'cli.export.public.written', { cells: cells.length, k: notes.k, file }),
    t(locale, 'cli.export.public.suppressed', { count: notes.suppressedCells }),
  ];
  const counted = ['coarsenedToAdmin1', 'droppedWithoutLocation', 'droppedInvalid'] as const;
  for (const key of counted) {
    const value = notes[key];
    if (value === 0) continue;
    const count = value ?? t(locale, 'cli.export.public.fewerThanK', { k: notes.k });
    lines.push(t(locale, `cli.export.public.${key}`, { count }));
  }
  lines.push(t(locale, 'cli.export.public.overlap'));
  return `${lines.join('\n')}\n`;
}
