import type { Command } from 'commander';
import { t } from '../../i18n/t.ts';
import { withVigie } from '../context.ts';
import {
  filterFrom,
  withFilterOptions,
  withGlobalOptions,
  type FilterOptions,
  type GlobalOptions,
} from '../options.ts';
import { writeJson, type Io } from '../output.ts';

export function statsCommand(program: Command, io: Io): void {
  withFilterOptions(withGlobalOptions(program.command('stats')))
    .description('counts, fatalities, civilian harm, date range, per source, unassigned places')
    .action(async (options: GlobalOptions & FilterOptions) => {
      const filter = filterFrom(options);
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const s = await vigie.stats(filter);
        if (json) return writeJson(io, s);
        const n = (v: number) => v.toLocaleString(locale);
        const lines = [
          t(locale, 'cli.stats.title'),
          `  ${t(locale, 'cli.stats.events')}: ${n(s.events)}`,
          `  ${t(locale, 'cli.stats.fatalities')}: ${n(s.fatalities)}`,
          `  ${t(locale, 'cli.stats.civilianEvents')}: ${n(s.civilianEvents)}`,
          `  ${t(locale, 'cli.stats.civilianFatalities')}: ${n(s.civilianFatalities)}`,
          `  ${t(locale, 'cli.stats.dates')}: ${s.firstDate ?? '—'} → ${s.lastDate ?? '—'}`,
          `  ${t(locale, 'cli.stats.bySource')}:`,
          ...Object.entries(s.bySource).map(
            ([source, b]) => `    ${source}: ${n(b.events)} (${b.firstDate ?? '—'} → ${b.lastDate ?? '—'})`,
          ),
          `  ${t(locale, 'cli.stats.unassigned')}: admin1 ${n(s.unassigned.admin1)}, admin2 ${n(s.unassigned.admin2)}`,
        ];
        if (s.events === 0) lines.push('', t(locale, 'cli.stats.empty'));
        io.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
