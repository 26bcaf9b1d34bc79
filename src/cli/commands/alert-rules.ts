import type { Command } from 'commander';
import { t, type Locale } from '../../i18n/t.ts';
import type { AlertEvaluationResponse, AlertScanResponse } from '../../services/alert-rules.ts';
import { parseEvaluationParams, parseScanParams } from '../../services/alert-rules-schema.ts';
import { OUTCOME_HELP, SOURCE_HELP } from './forecast.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface CommonOptions extends GlobalOptions {
  unit?: string;
  outcome?: string;
  source?: string;
  country?: string;
  forecast?: string;
  samples?: string;
  seed?: string;
}

interface EvaluateOptions extends CommonOptions {
  from?: string;
  to?: string;
  tuneTo?: string;
  lead?: string;
  rates?: string;
}

interface ScanOptions extends CommonOptions {
  month?: string;
}

const defined = (raw: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));

export function alertRulesCommand(program: Command, io: Io): void {
  const group = program
    .command('alert-rules')
    .description('early-warning rules (NB CUSUM, NB surprise with FDR, EARS C1-C3, surge, threshold)');
  const common = (c: Command) =>
    withGlobalOptions(c)
      .option('--unit <unit>', 'admin1, admin2 or priogrid (default admin1)')
      .option('--outcome <outcome>', OUTCOME_HELP)
      .option('--source <source>', SOURCE_HELP)
      .option('--country <ISO3>', 'country (default MLI)')
      .option('--forecast <model>', 'none or vigie: add the forecast model as a rule (default none)')
      .option('--samples <N>', 'with --forecast vigie: predictive samples per unit-month (default 500)')
      .option('--seed <N>', 'with --forecast vigie: random seed (default 1)');
  common(group.command('evaluate'))
    .description(
      'score every rule on escalation episodes (recall, false alarms per unit-year, lead time), at its published ' +
        'sensitivity and tuned to equal alarm rates (in sample, or on earlier months with --tune-to)',
    )
    .option(
      '--from <YYYY-MM>',
      'first month scored, or tuned with --tune-to (default: the first month that can hold an episode)',
    )
    .option('--to <YYYY-MM>', 'last month scored (default: the last month of data)')
    .option(
      '--tune-to <YYYY-MM>',
      'tune each sensitivity on --from … this month, freeze it, score on the months after (out of sample)',
    )
    .option(
      '--lead <K>',
      'an episode is caught by an alarm in its month or up to K months before (default 3)',
    )
    .option('--rates <R,…>', 'alarm rates per unit-year to compare the rules at (default 0.5,1,2)')
    .action(async (o: EvaluateOptions) => {
      const params = parseEvaluationParams(
        defined({
          unit: o.unit,
          outcome: o.outcome,
          source: o.source,
          country: o.country,
          forecast: o.forecast,
          samples: o.samples,
          seed: o.seed,
          from: o.from,
          to: o.to,
          tuneTo: o.tuneTo,
          lead: o.lead,
          rates: o.rates,
        }),
        'BAD_USAGE',
      );
      await withVigie(io, o, async (vigie, { locale, json }) => {
        const r = await vigie.evaluateAlertRules({ ...params, language: locale });
        if (json) return writeJson(io, r);
        io.stdout.write(`${evaluationTable(r, locale).join('\n')}\n`);
      });
    });
  common(group.command('scan'))
    .description('which units fire under each rule (published sensitivity) in one month; stores nothing')
    .option('--month <YYYY-MM>', 'month to scan (default: the last month of data)')
    .action(async (o: ScanOptions) => {
      const params = parseScanParams(
        defined({
          unit: o.unit,
          outcome: o.outcome,
          source: o.source,
          country: o.country,
          forecast: o.forecast,
          samples: o.samples,
          seed: o.seed,
          month: o.month,
        }),
        'BAD_USAGE',
      );
      await withVigie(io, o, async (vigie, { locale, json }) => {
        const r = await vigie.scanAlertRules({ ...params, language: locale });
        if (json) return writeJson(io, r);
        io.stdout.write(`${scanLines(r, locale).join('\n')}\n`);
      });
    });
}

const num = (x: number | null, digits: number, width: number) =>
  (x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits)).padStart(width);

const sens = (x: number) =>
  x !== 0 && (Math.abs(x) < 0.01 || Math.abs(x) >= 1000) ? x.toExponential(1) : x.toFixed(2);

/**
 * The readable report: one block at the published sensitivities, one per target rate with random alarms below.
 * Out of sample (`tuning.mode`), each tuned row also shows the rate reached on the tuning months.
 */
export function evaluationTable(r: AlertEvaluationResponse, locale: Locale): string[] {
  const oos = r.tuning.mode === 'out-of-sample' ? r.tuning : null;
  const months = { from: r.window.from, to: r.window.to, tuneFrom: oos?.from ?? '', tuneTo: oos?.to ?? '' };
  const header =
    `  ${'rule'.padEnd(26)}${'param'.padStart(12)}` +
    (oos ? t(locale, 'cli.alertRules.tunedRate').padStart(10) : '') +
    `${'alarms/uy'.padStart(10)}${'false/uy'.padStart(10)}` +
    `${'precision'.padStart(10)}${'recall'.padStart(8)}${'ahead'.padStart(8)}${'lead'.padStart(7)}${'median'.padStart(7)}` +
    `${t(locale, 'cli.alertRules.major').padStart(11)}${t(locale, 'cli.alertRules.random').padStart(8)}` +
    `${t(locale, 'cli.alertRules.randomAhead').padStart(9)}`;
  type Row = AlertEvaluationResponse['rules'][number]['atDefault'] & { tunedRate?: number };
  const line = (name: string, parameter: string, m: Row, mark = '') =>
    `  ${(name + mark).padEnd(26)}${`${parameter}=${sens(m.sensitivity)}`.padStart(12)}` +
    (oos ? num(m.tunedRate ?? null, 2, 10) : '') +
    `${num(m.alarmsPerUnitYear, 2, 10)}${num(m.falseAlarmsPerUnitYear, 2, 10)}${num(m.precision, 2, 10)}` +
    `${num(m.recall, 2, 8)}${num(m.recallAhead, 2, 8)}${num(m.leadMean, 2, 7)}${num(m.leadMedian, 1, 7)}` +
    `${`${m.major.caught}/${m.major.episodes} (${m.major.caughtAhead})`.padStart(11)}` +
    `${num(m.chance.recall, 2, 8)}${num(m.chance.recallAhead, 2, 9)}`;
  const lines = [
    t(locale, 'cli.alertRules.title', {
      outcome: r.outcome,
      unit: r.unit,
      country: r.country,
      from: r.window.from,
      to: r.window.to,
    }),
    t(locale, 'cli.alertRules.summary', {
      episodes: r.episodes.length,
      unitYears: r.unitYears.toFixed(1),
      units: r.units,
      lead: r.lead,
      seconds: r.seconds.toFixed(1),
    }),
    oos
      ? t(locale, 'cli.alertRules.outOfSample', {
          ...months,
          unitYears: oos.unitYears.toFixed(1),
          episodes: oos.episodes,
        })
      : t(locale, 'cli.alertRules.inSample'),
    '',
    oos ? t(locale, 'cli.alertRules.atDefaultScored', months) : t(locale, 'cli.alertRules.atDefault'),
    header,
    ...r.rules.map((rule) => line(rule.rule, rule.parameter, rule.atDefault)),
  ];
  r.rates.forEach((target, i) => {
    const title = oos
      ? t(locale, 'cli.alertRules.atRateTuned', { ...months, rate: target })
      : t(locale, 'cli.alertRules.atRate', { rate: target });
    lines.push('', title, header);
    for (const rule of r.rules) {
      const m = rule.atRates[i];
      if (m) lines.push(line(rule.rule, rule.parameter, m, m.reached ? '' : ' †'));
    }
    const c = r.chance[i];
    if (c) {
      lines.push(
        `  ${t(locale, 'cli.alertRules.chance').padEnd(38)}${oos ? num(target, 2, 10) : ''}${num(target, 2, 10)}` +
          `${''.padStart(20)}${num(c.recall, 2, 8)}${num(c.recallAhead, 2, 8)}`,
      );
    }
  });
  lines.push('', t(locale, 'cli.alertRules.legend'), t(locale, 'cli.alertRules.legendRandom'));
  if (oos) lines.push(t(locale, 'cli.alertRules.legendTuned'));
  return lines;
}

export function scanLines(r: AlertScanResponse, locale: Locale): string[] {
  const lines = [t(locale, 'cli.alertRules.scanTitle', { outcome: r.outcome, unit: r.unit, month: r.month })];
  for (const rule of r.rules) {
    const who = rule.firing.map((f) => `${f.name} (${f.count})`).join(', ');
    lines.push(`  ${rule.rule.padEnd(26)}${who || t(locale, 'cli.alertRules.scanNone')}`);
  }
  const esc = r.escalations.map((e) => `${e.name} (${e.count}${e.onset ? ', onset' : ''})`).join(', ');
  lines.push('', t(locale, 'cli.alertRules.escalations', { units: esc || '—' }));
  return lines;
}
