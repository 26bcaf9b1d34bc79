import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/t.ts';
import type { BacktestResponse, DetailedScores } from '../../services/forecast-backtest.ts';
import { parseBacktestParams } from '../../services/forecast-schema.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface BacktestOptions extends GlobalOptions {
  unit?: string;
  outcome?: string;
  origins?: string;
  horizons?: string;
  samples?: string;
  seed?: string;
  country?: string;
}

const defined = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));

export function forecastCommand(program: Command, io: Io): void {
  const forecast = program.command('forecast').description('probabilistic forecasts of civilian harm');
  withGlobalOptions(forecast.command('backtest'))
    .description(
      'rolling-origin backtest of the forecast model against the VIEWS baselines (CRPS, ignorance, interval score, ' +
        'coverage, AP, log-MSE, TADDA), with a block-bootstrap interval of the skill over the best baseline',
    )
    .option('--unit <unit>', 'admin1, admin2 or priogrid (default admin1)')
    .option('--outcome <outcome>', 'civilian-fatalities or civilian-events (default civilian-fatalities)')
    .option('--origins <YYYY-MM:YYYY-MM>', 'first and last forecast origin (default 2014-01:2018-12)')
    .option('--horizons <N-M>', 'months ahead (default 1-6)')
    .option('--samples <N>', 'predictive samples per unit-month (default 1000)')
    .option('--seed <N>', 'random seed (default 1)')
    .option('--country <ISO3>', 'country (default MLI)')
    .action(async (options: BacktestOptions) => {
      const { unit, outcome, origins, horizons, samples, seed, country } = options;
      const params = parseBacktestParams(
        defined({ unit, outcome, origins, horizons, samples, seed, country }),
        'BAD_USAGE',
      );
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const r = await vigie.forecastBacktest({ ...params, language: locale });
        if (json) return writeJson(io, r);
        io.stdout.write(`${backtestTable(r, locale).join('\n')}\n`);
      });
    });
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
    t(locale, 'cli.forecast.title', { outcome: r.outcome, unit: r.unit, country: r.country, origins: r.origins }),
    t(locale, 'cli.forecast.summary', {
      units: r.units,
      horizons: `${r.horizons[0] ?? ''}–${r.horizons[r.horizons.length - 1] ?? ''}`,
      samples: r.samples,
      seed: r.seed,
      seconds: r.seconds.toFixed(1),
    }),
    '',
    `  ${'model'.padEnd(26)}${['CRPS', 'IGN', 'MIS90', 'cov90', 'AP1', 'logMSE', 'TADDA'].map((h) => h.padStart(8)).join('')}`,
  ];
  for (const name of names) {
    const d = r.detail[name];
    if (d) lines.push(row(name, d.all, name === r.bestBaseline));
  }
  lines.push('', `  ${'CRPS by horizon'.padEnd(26)}${r.horizons.map((h) => `h=${h}`.padStart(8)).join('')}`);
  for (const name of names) {
    const d = r.detail[name];
    if (d) lines.push(`  ${name.padEnd(26)}${d.byHorizon.map((s) => num(s.crps, 3, 8)).join('')}`);
  }
  lines.push('', `  ${'CRPS / IGN by units'.padEnd(26)}${'all'.padStart(16)}${'active'.padStart(16)}${'onset'.padStart(16)}`);
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
