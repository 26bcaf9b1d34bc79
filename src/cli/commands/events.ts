import { Option, type Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { t } from '../../i18n/t.ts';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from '../../services/export/event-export.ts';
import type { EventView } from '../../services/ports/event-query-port.ts';
import { withVigie } from '../context.ts';
import {
  filterFrom,
  withFilterOptions,
  withGlobalOptions,
  type FilterOptions,
  type GlobalOptions,
} from '../options.ts';
import type { Io } from '../output.ts';

interface EventsOptions extends GlobalOptions, FilterOptions {
  format?: ExportFormat;
  out?: string;
}

export function eventsCommand(program: Command, io: Io): void {
  withFilterOptions(withGlobalOptions(program.command('events')))
    .description('list or export events matching the filters')
    .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (options: EventsOptions) => {
      const filter = filterFrom(options);
      const format: ExportFormat = options.format ?? (options.json ? 'json' : 'csv');
      await withVigie(io, options, async (vigie, { locale }) => {
        let count = 0;
        const counted = async function* (events: AsyncIterable<EventView>) {
          for await (const e of events) {
            count++;
            yield e;
          }
        };
        const text = Readable.from(exportEvents(counted(vigie.eventsStream(filter)), format));
        if (options.out) {
          await pipeline(text, createWriteStream(options.out));
          io.stderr.write(`${t(locale, 'cli.events.written', { count, file: options.out })}\n`);
        } else {
          await pipeline(text, io.stdout, { end: false });
        }
      });
    });
}
