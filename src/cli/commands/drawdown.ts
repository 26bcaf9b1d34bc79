import { Option, type Command } from 'commander';
import { t, type Locale } from '../../i18n/t.ts';
import { DRAWDOWN_MEASURES, parseDrawdownParams, type DrawdownResult } from '../../services/drawdown.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface DrawdownOptions extends GlobalOptions {
  months?: string;
  measure?: string;
  seed?: string;
}

/** `vigie drawdown`: the /api/v1/drawdown estimates, one per base with a closure date, as a table or JSON. */
export function drawdownCommand(program: Command, io: Io): void {
  withGlobalOptions(program.command('drawdown'))
    .description(
      'change in political violence around each base closure, against admin-2 units with no closure ' +
        '(difference-in-differences, bootstrap 95 % interval)',
    )
    .option('--months <N>', 'months either side of the closure month (default 6)')
    .addOption(new Option('--measure <measure>', 'measure (default events)').choices([...DRAWDOWN_MEASURES]))
    .option('--seed <N>', 'seed of the bootstrap (default 1)')
    .action(async (options: DrawdownOptions) => {
      const raw = { months: options.months, measure: options.measure, seed: options.seed };
      // Defaults live in the shared schema: absent flags are left out rather than passed as undefined.
      const params = parseDrawdownParams(
        Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
        'BAD_USAGE',
      );
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const bases = await vigie.drawdown(params);
        return json ? writeJson(io, bases) : io.stdout.write(table(bases, params.measure, locale));
      });
    });
}

function table(rows: readonly DrawdownResult[], measure: string, locale: Locale): string {
  const title = t(locale, 'cli.drawdown.title', { measure: t(locale, `cli.drawdown.measure.${measure}`) });
  if (rows.length === 0) return `${title}\n${t(locale, 'cli.drawdown.empty')}\n`;
  const n = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const header = ['base', 'closedOn', 'admin2', 'treated', 'comparison', 'did', 'ci95'].map((k) =>
    t(locale, `cli.drawdown.${k}`),
  );
  const cells = rows.map((r) => [
    r.base,
    r.closedOn,
    `${r.admin2} ${r.admin2Name}`,
    `${n(r.treated.before)} → ${n(r.treated.after)}`,
    `${n(r.comparison.before)} → ${n(r.comparison.after)} (${r.comparison.units})`,
    n(r.did),
    `[${n(r.ci95[0])}, ${n(r.ci95[1])}]`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => (i < 3 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [title, line(header), ...cells.map(line), t(locale, 'cli.drawdown.note'), ''].join('\n');
}
