import { Option, type Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { t, type Locale } from '../../i18n/t.ts';
import { DRAWDOWN_MEASURES, parseDrawdownParams, type DrawdownResult } from '../../services/drawdown.ts';
import { parseRankingParams, RANKING_SOURCES } from '../../services/presence-ranking.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';
import { rankingTable } from './ranking-table.ts';

interface DrawdownOptions extends GlobalOptions {
  months?: string;
  measure?: string;
  seed?: string;
  radiusKm?: string;
  ranking?: boolean;
  to?: string;
  source?: string;
  permutations?: string;
}

/** Flags given on the command line (absent ones left out, so the shared schema applies its defaults). */
const given = (raw: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));

/** `vigie drawdown`: the /api/v1/drawdown estimates, one per base with a closure date, as a table or JSON. */
export function drawdownCommand(program: Command, io: Io): void {
  withGlobalOptions(program.command('drawdown'))
    .description(
      'change in political violence around each base closure, against admin-2 units with no closure ' +
        '(difference-in-differences, bootstrap 95 % interval)',
    )
    .option('--months <N>', 'months either side of the closure month (default 6)')
    .addOption(new Option('--measure <measure>', 'measure (default events)').choices([...DRAWDOWN_MEASURES]))
    .option('--radius-km <N>', 'count stored events within N km of each base instead of its admin-2 unit')
    .option('--seed <N>', "seed of the bootstrap or of the ranking's Gi* permutations (default 1)")
    .option(
      '--ranking',
      'protection-risk ranking of the presences still open (recent trend, level, Gi* class of the admin-2 ' +
        'unit; forecast weight 0), with its formula',
    )
    .option('--to <YYYY-MM>', 'ranking: last month of the window (default: the last month of the data)')
    .addOption(
      new Option('--source <source>', 'ranking: series source (default auto)').choices([...RANKING_SOURCES]),
    )
    .option('--permutations <N>', 'ranking: Gi* permutations (default 999)')
    .action(async (options: DrawdownOptions) => {
      if (options.ranking) {
        const { months, seed, to, source, permutations } = options;
        if (options.measure !== undefined || options.radiusKm !== undefined)
          throw new VigieError('BAD_USAGE', {
            reason: '--ranking counts events per admin-2 unit: drop --measure and --radius-km',
          });
        const params = parseRankingParams(given({ months, seed, to, source, permutations }), 'BAD_USAGE');
        await withVigie(io, options, async (vigie, { locale, json }) => {
          const r = await vigie.drawdownRanking(params);
          return json ? writeJson(io, r) : io.stdout.write(rankingTable(r, locale));
        });
        return;
      }
      if (options.to !== undefined || options.source !== undefined || options.permutations !== undefined)
        throw new VigieError('BAD_USAGE', { reason: '--to, --source and --permutations need --ranking' });
      const { months, measure, seed, radiusKm } = options;
      const raw = { months, measure, seed, radiusKm };
      // Defaults live in the shared schema: absent flags are left out rather than passed as undefined.
      const params = parseDrawdownParams(given(raw), 'BAD_USAGE');
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
  const radius = rows[0]?.radiusKm;
  const notes = [
    t(locale, 'cli.drawdown.note'),
    ...(radius ? [t(locale, 'cli.drawdown.radiusNote', { km: radius })] : []),
  ];
  return [title, line(header), ...cells.map(line), ...notes, ''].join('\n');
}
