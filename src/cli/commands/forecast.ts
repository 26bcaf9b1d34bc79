import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/t.ts';
import type { BacktestResponse, DetailedScores } from '../../services/forecast-backtest.ts';
import { parseBacktestParams, parseRunParams } from '../../services/forecast-schema.ts';
import type { ForecastSet } from '../../services/forecast-run.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface BacktestOptions extends GlobalOptions {
  unit?: string;
  outcome?: string;
  source?: string;
  origins?: string;
  horizons?: string;
  samples?: string;
  seed?: string;
  country?: string;
}

const defined = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));

/** The help of --outcome and --source, the same wherever a command reads monthly counts per unit. */
export const OUTCOME_HELP =
  'civilian-fatalities, civilian-events, or all political-violence fatalities or events (default civilian-fatalities)';
export const SOURCE_HELP =
  'events (the event store, default) or aggregates (ACLED monthly admin-2 aggregates: outcome fatalities or events)';

/** What a forecast reads and how it samples: the flags `backtest` and `run` share. */
function forecastDataOptions(command: Command): Command {
  return command
    .option('--unit <unit>', 'admin1, admin2 or priogrid (default admin1)')
    .option('--outcome <outcome>', OUTCOME_HELP)
    .option('--source <source>', SOURCE_HELP)
    .option('--horizons <N-M>', 'months ahead (default 1-6)')
    .option('--samples <N>', 'predictive samples per unit-month (default 1000)')
    .option('--seed <N>', 'random seed (default 1)')
    .option('--country <ISO3>', 'country (default MLI)');
}

export function forecastCommand(program: Command, io: Io): void {
  const forecast = program.command('forecast').description('probabilistic forecasts of civilian harm');
  forecastDataOptions(withGlobalOptions(forecast.command('backtest')))
    .description(
      'rolling-origin backtest of the forecast model against the VIEWS baselines (CRPS, ignorance, interval score, ' +
        'coverage, AP, log-MSE, TADDA), with a block-bootstrap interval of the skill over the best baseline',
    )
    .option('--origins <YYYY-MM:YYYY-MM>', 'first and last forecast origin (default 2014-01:2018-12)')
    .action(async (options: BacktestOptions) => {
      const { unit, outcome, source, origins, horizons, samples, seed, country } = options;
      const params = parseBacktestParams(
        defined({ unit, outcome, source, origins, horizons, samples, seed, country }),
        'BAD_USAGE',
      );
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const r = await vigie.forecastBacktest({ ...params, language: locale });
        if (json) return writeJson(io, r);
        io.stdout.write(`${backtestTable(r, locale).join('\n')}\n`);
      });
    });
  forecastDataOptions(withGlobalOptions(forecast.command('run')))
    .description(
      'forecast the months after an origin for every unit with the backtested model, and store them',
    )
    .option('--origin <YYYY-MM>', 'last month the forecast reads (default the last month with data)')
    .action(async (options: BacktestOptions & { origin?: string }) => {
      const { unit, outcome, source, origin, horizons, samples, seed, country } = options;
      const params = parseRunParams(
        defined({ unit, outcome, source, origin, horizons, samples, seed, country }),
        'BAD_USAGE',
      );
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const r = await vigie.forecastRun({ ...params, language: locale });
        if (json) return writeJson(io, r);
        io.stdout.write(`${runTable(r, locale).join('\n')}\n`);
      });
    });
}

function runTable({ run, values }: ForecastSet, locale: Locale): string[] {
  const lines = [
    t(locale, 'cli.forecast.runTitle', {
      outcome: run.outcome,
      unit: run.unit,
      country: run.country,
      origin: run.origin,
      model: run.model,
      id: run.id,
    }),
    `  ${'unit'.padEnd(28)}${'month'.padEnd(9)}${'mean'.padStart(8)}${'90 %'.padStart(14)}${'P(≥1)'.padStart(8)}${'P(≥25)'.padStart(8)}`,
  ];
  for (const v of values) {
    const name = v.unitCode === v.unitName ? v.unitCode : `${v.unitName} (${v.unitCode})`;
    lines.push(
      `  ${name.slice(0, 27).padEnd(28)}${v.targetMonth.padEnd(9)}${v.mean.toFixed(1).padStart(8)}` +
        `${`${v.lower90}–${v.upper90}`.padStart(14)}${v.pAny.toFixed(2).padStart(8)}${v.pMass.toFixed(2).padStart(8)}`,
    );
  }
  return lines;
}

const num = (x: number | null, digits: number, width: number) =>
  (x === null ? '—' : x.toFixed(digits)).padStart(width);

function row(name: string, s: DetailedScores, best: boolean): string {
  return (
    `  ${(best ? `${name} *` : name).padEnd(26)}${num(s.crps, 3, 8)}${num(s.ign, 3, 8)}${num(s.mis90, 1, 8)}` +
    `${num(s.coverage90, 3, 8)}${num(s.ap1, 3, 8)}${num(s.logmse, 3, 8)}${num(s.tadda, 3, 8)}`
  );
}

/** The readable report: pooled scores of every model, per-horizon CRPS, the active and onset subsets, the skill. */
export function backtestTable(r: BacktestResponse, locale: Locale): string[] {
  const names = [...r.baselines, r.candidate];
  const lines = [
    t(locale, 'cli.forecast.title', {
      outcome: r.outcome,
      unit: r.unit,
      country: r.country,
      origins: r.origins,
    }),
    t(locale, 'cli.forecast.summary', {
      units: r.units,
      horizons:
        r.horizons.length === 1
          ? String(r.horizons[0])
          : `${r.horizons[0] ?? ''}–${r.horizons[r.horizons.length - 1] ?? ''}`,
      samples: r.samples,
      seed: r.seed,
      seconds: r.seconds.toFixed(1),
    }),
    t(locale, `cli.forecast.source.${r.source}`, { from: r.history.from, to: r.history.to }),
    '',
    `  ${t(locale, 'cli.forecast.model').padEnd(26)}${['CRPS', 'IGN', 'MIS90', 'cov90', 'AP1', 'logMSE', 'TADDA'].map((h) => h.padStart(8)).join('')}`,
  ];
  for (const name of names) {
    const d = r.detail[name];
    if (d) lines.push(row(name, d.all, name === r.bestBaseline));
  }
  lines.push(
    '',
    `  ${t(locale, 'cli.forecast.byHorizon').padEnd(26)}${r.horizons.map((h) => `h=${h}`.padStart(8)).join('')}`,
  );
  for (const name of names) {
    const d = r.detail[name];
    if (d) lines.push(`  ${name.padEnd(26)}${d.byHorizon.map((s) => num(s.crps, 3, 8)).join('')}`);
  }
  lines.push('', `  ${t(locale, 'cli.forecast.bySubset').padEnd(26)}${t(locale, 'cli.forecast.subsets')}`);
  for (const name of names) {
    const d = r.detail[name];
    if (!d) continue;
    const pair = (s: DetailedScores) => `${num(s.crps, 3, 8)}${num(s.ign, 3, 8)}`;
    lines.push(`  ${name.padEnd(26)}${pair(d.all)}${pair(d.active)}${pair(d.onset)}`);
  }
  lines.push('');
  if (r.skill && r.skill.crpsVsBest !== null) {
    const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
    lines.push(
      t(locale, 'cli.forecast.skill', {
        model: r.candidate,
        best: r.bestBaseline,
        skill: pct(r.skill.crpsVsBest),
        lo: pct(r.skill.ci95[0]),
        hi: pct(r.skill.ci95[1]),
        block: r.skill.blockLength,
      }),
    );
  } else lines.push(t(locale, 'cli.forecast.noSkill'));
  return lines;
}
