import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/t.ts';
import type { AreaProfile } from '../../services/area-profile.ts';
import { parseAreaParams } from '../../services/area-schema.ts';
import { OUTCOME_HELP } from './forecast.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface AreaOptions extends GlobalOptions {
  outcome?: string;
  months?: string;
  country?: string;
}

const defined = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));

/**
 * `vigie areas show admin1 ML-MO`: the area page of the web app on the terminal. It runs as the local operator
 * with no signed-in user, so it leaves the alerts out (`vigie alerts list --user …` lists them under access rules).
 */
export function areasCommand(program: Command, io: Io): void {
  const areas = program.command('areas').description('one region or cercle: history, stored forecast');
  withGlobalOptions(areas.command('show'))
    .description(
      'monthly civilian fatalities and civilian-harm events of one admin-1 or admin-2 unit, and the newest ' +
        'stored forecast for it (vigie forecast run) with its 90 % interval',
    )
    .argument('<unit>', 'admin1 or admin2')
    .argument('<code>', 'the unit code of /api/v1/boundaries (e.g. ML-MO, or a P-code such as ML0501)')
    .option('--outcome <outcome>', OUTCOME_HELP)
    .option('--months <N>', 'months of history (default 36)')
    .option('--country <ISO3>', 'country (default MLI)')
    .action(async (unit: string, code: string, options: AreaOptions) => {
      const { outcome, months, country } = options;
      const params = parseAreaParams(defined({ unit, code, outcome, months, country }), 'BAD_USAGE');
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const profile = await vigie.area(null, { ...params, language: locale });
        if (json) return writeJson(io, profile);
        io.stdout.write(`${areaLines(profile, locale).join('\n')}\n`);
      });
    });
}

const decimal = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function areaLines(p: AreaProfile, locale: Locale): string[] {
  const violence = p.family === 'political-violence';
  const lines = [
    t(locale, 'cli.areas.title', { name: p.name, code: p.code, unit: p.unit, country: p.country }),
    '',
    t(locale, violence ? 'cli.areas.historyViolence' : 'cli.areas.history', {
      from: p.history[0]?.month ?? '',
      to: p.history.at(-1)?.month ?? '',
    }),
    ...(p.source === 'aggregates' ? [t(locale, 'cli.areas.sourceAggregates')] : []),
    `  ${t(locale, 'cli.areas.month').padEnd(9)}${t(locale, violence ? 'cli.areas.fatalitiesViolence' : 'cli.areas.fatalities').padStart(16)}${t(locale, 'cli.areas.events').padStart(16)}`,
    ...p.history.map(
      (h) => `  ${h.month.padEnd(9)}${String(h.fatalities).padStart(16)}${String(h.events).padStart(16)}`,
    ),
    '',
  ];
  if (!p.forecast) {
    const source = p.source === 'aggregates' ? ' --source aggregates' : '';
    lines.push(t(locale, 'cli.areas.noForecast', { unit: p.unit, outcome: p.outcome, source }));
    return lines;
  }
  const { run, values } = p.forecast;
  lines.push(
    t(locale, 'cli.areas.forecast', {
      outcome: p.outcome,
      origin: run.origin,
      model: run.model,
      at: run.createdAt,
    }),
    `  ${t(locale, 'cli.areas.month').padEnd(9)}${'h'.padStart(3)}${'median'.padStart(8)}${'50 %'.padStart(14)}${'90 %'.padStart(14)}${'mean'.padStart(8)}${'P(≥1)'.padStart(8)}${'P(≥25)'.padStart(8)}`,
    ...values.map(
      (v) =>
        `  ${v.targetMonth.padEnd(9)}${String(v.horizon).padStart(3)}${decimal(v.median).padStart(8)}` +
        `${(v.lower50 === null || v.upper50 === null ? '—' : `${decimal(v.lower50)}–${decimal(v.upper50)}`).padStart(14)}` +
        `${`${decimal(v.lower90)}–${decimal(v.upper90)}`.padStart(14)}${v.mean.toFixed(1).padStart(8)}` +
        `${v.pAny.toFixed(2).padStart(8)}${v.pMass.toFixed(2).padStart(8)}`,
    ),
    t(locale, 'cli.areas.backtest'),
  );
  return lines;
}
