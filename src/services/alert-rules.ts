/**
 * `vigie alert-rules evaluate|scan` and GET /api/v1/alert-rules/{evaluation,scan}: the alert rules of
 * analysis/alerts run on the store's zero-filled unit × month counts, read by the forecast's history loader
 * (forecast-data.ts), so rules, forecasts and backtests see the same series.
 *
 * - evaluate: every rule at its published sensitivity and tuned to common alarm rates, scored on the issue's
 *   escalation episodes over a window (default: the first month that can hold an episode … the last month);
 *   optionally the forecast model as a rule (forecast = "vigie": one horizon-1 forecast per month). With
 *   `tuneTo`, the sensitivities for equal rates are tuned on from … tuneTo, frozen, and scored on the months
 *   after tuneTo (analysis/alerts/tuning.ts); without it, on the scored months themselves (in sample).
 * - scan: which units fire under each rule, at its published sensitivity, in one month (default the last month
 *   of data): data the alert → response loop turns into alerts; this service stores nothing.
 */
import { escalationEpisodes } from '../analysis/alerts/episodes.ts';
import { escalationProbabilities, forecastRule } from '../analysis/alerts/forecast-rule.ts';
import { ALERT_RULES } from '../analysis/alerts/registry.ts';
import { evaluateRules, type RuleEvaluation } from '../analysis/alerts/report.ts';
import type { AlertRule } from '../analysis/alerts/rule.ts';
import { VIGIE_MODEL, vigieForecaster } from '../analysis/forecast/model/vigie-model.ts';
import { VigieError } from '../core/errors.ts';
import type { EvaluationParams, ScanParams } from './alert-rules-schema.ts';
import { loadForecastData, type ForecastData, type ForecastDataDeps } from './forecast-data.ts';
import type { Language } from './place-names.ts';

export const EPISODE_DEFINITION = { level: 25, quantile: 0.95, window: 24, quiet: 3 } as const;
const FORECAST_RULE = `forecast-${VIGIE_MODEL}`;

export type AlertEvaluationRequest = EvaluationParams & { language: Language };
export type AlertScanRequest = ScanParams & { language: Language };

export interface EpisodeView {
  code: string;
  name: string;
  month: string;
  count: number;
}

export interface AlertEvaluationResponse {
  country: string;
  unit: EvaluationParams['unit'];
  outcome: EvaluationParams['outcome'];
  source: EvaluationParams['source'];
  units: number;
  history: { from: string; to: string };
  /** The months scored (after `tuning.to` when tuned out of sample). */
  window: { from: string; to: string };
  /** Where the sensitivities for equal rates were tuned: the scored months themselves, or earlier months. */
  tuning:
    | { mode: 'in-sample' }
    | { mode: 'out-of-sample'; from: string; to: string; unitYears: number; episodes: number };
  lead: number;
  rates: number[];
  episodeDefinition: typeof EPISODE_DEFINITION;
  unitYears: number;
  episodes: EpisodeView[];
  rules: RuleEvaluation[];
  chance: { target: number; recall: number; recallAhead: number }[];
  forecast: { model: string; samples: number; seed: number } | null;
  seconds: number;
}

export interface ScanFiring {
  code: string;
  name: string;
  count: number;
  statistic: number;
}

export interface AlertScanResponse {
  country: string;
  unit: ScanParams['unit'];
  outcome: ScanParams['outcome'];
  source: ScanParams['source'];
  month: string;
  rules: {
    rule: string;
    parameter: string;
    sensitivity: number;
    description: string;
    firing: ScanFiring[];
  }[];
  /** Units whose month is an escalation month by the episode definition, and whether it starts an episode. */
  escalations: { code: string; name: string; count: number; onset: boolean }[];
}

function monthIndex(data: ForecastData, month: string, what: string): number {
  const i = data.months.indexOf(month);
  if (i < 0) {
    throw new VigieError('BAD_USAGE', {
      reason: `${what} ${month} is outside the data (${data.months[0] ?? '—'} … ${data.months.at(-1) ?? '—'})`,
    });
  }
  return i;
}

function withForecast(
  data: ForecastData,
  origins: number[],
  req: { samples: number; seed: number },
): AlertRule {
  const probabilities = escalationProbabilities({
    history: data.history,
    neighbours: data.neighbours,
    covariates: data.covariates,
    forecaster: vigieForecaster({ seed: req.seed }),
    origins,
    samples: req.samples,
    seed: req.seed,
    episode: EPISODE_DEFINITION,
  });
  return forecastRule(FORECAST_RULE, probabilities);
}

export async function evaluateAlertRules(
  deps: ForecastDataDeps,
  req: AlertEvaluationRequest,
): Promise<AlertEvaluationResponse> {
  const started = performance.now();
  const data = await loadForecastData(deps, req);
  const firstOnset = EPISODE_DEFINITION.window + EPISODE_DEFINITION.quiet;
  const last = data.months.length - 1;
  if (last < firstOnset) {
    throw new VigieError('BAD_USAGE', {
      reason: `the evaluation needs more than ${firstOnset} months of data (${data.months.length} found)`,
    });
  }
  // Months before the first that can hold an episode are judged by no rule: the window starts there at the earliest.
  const start = Math.max(firstOnset, req.from ? monthIndex(data, req.from, 'from') : firstOnset);
  const to = req.to ? monthIndex(data, req.to, 'to') : last;
  const tuneTo = req.tuneTo === undefined ? null : monthIndex(data, req.tuneTo, 'tuneTo');
  if (start > to || (tuneTo !== null && (tuneTo < start || tuneTo >= to))) {
    throw new VigieError('BAD_USAGE', {
      reason:
        tuneTo === null
          ? `no month to evaluate: episodes start at ${data.months[firstOnset]}`
          : `tuneTo must leave months to tune (from ${data.months[start]}) and months to score (to ${data.months[to]})`,
    });
  }
  const tuning = tuneTo === null ? undefined : { from: start, to: tuneTo };
  const from = tuneTo === null ? start : tuneTo + 1;
  const rules: AlertRule[] = [...ALERT_RULES];
  if (req.forecast === 'vigie') {
    const origins: number[] = [];
    for (let t = Math.max(12, start - req.lead); t <= to; t++) origins.push(t);
    rules.push(withForecast(data, origins, req));
  }
  const report = evaluateRules({
    history: data.history,
    rules,
    window: { from, to },
    lead: req.lead,
    targets: req.rates,
    episode: EPISODE_DEFINITION,
    ...(tuning ? { tuning } : {}),
  });
  const episodes = escalationEpisodes(data.history, EPISODE_DEFINITION);
  const T = data.months.length;
  const list: EpisodeView[] = [];
  let tuningEpisodes = 0;
  for (let t = start; t <= to; t++) {
    data.codes.forEach((code, u) => {
      if (episodes.onset[u * T + t] && t < from) tuningEpisodes++;
      else if (episodes.onset[u * T + t]) {
        list.push({
          code,
          name: data.names[u] ?? code,
          month: data.months[t] ?? '',
          count: data.history.counts[u * T + t] ?? 0,
        });
      }
    });
  }
  return {
    country: data.country,
    unit: req.unit,
    outcome: req.outcome,
    source: req.source,
    units: data.codes.length,
    history: { from: data.months[0] ?? '', to: data.months[last] ?? '' },
    window: { from: data.months[from] ?? '', to: data.months[to] ?? '' },
    tuning: tuning
      ? {
          mode: 'out-of-sample',
          from: data.months[tuning.from] ?? '',
          to: data.months[tuning.to] ?? '',
          unitYears: report.tuning?.unitYears ?? 0,
          episodes: tuningEpisodes,
        }
      : { mode: 'in-sample' },
    lead: req.lead,
    rates: req.rates,
    episodeDefinition: EPISODE_DEFINITION,
    unitYears: report.unitYears,
    episodes: list,
    rules: report.rules,
    chance: report.chance,
    forecast: req.forecast === 'vigie' ? { model: VIGIE_MODEL, samples: req.samples, seed: req.seed } : null,
    seconds: (performance.now() - started) / 1000,
  };
}

export async function scanAlertRules(
  deps: ForecastDataDeps,
  req: AlertScanRequest,
): Promise<AlertScanResponse> {
  const data = await loadForecastData(deps, req);
  const t = req.month ? monthIndex(data, req.month, 'month') : data.months.length - 1;
  const T = data.months.length;
  const rules: AlertRule[] = [...ALERT_RULES];
  if (req.forecast === 'vigie') rules.push(withForecast(data, [t], req));
  const firingAt = (flag: (i: number) => boolean, stat: (i: number) => number): ScanFiring[] =>
    data.codes.flatMap((code, u) =>
      flag(u * T + t)
        ? [
            {
              code,
              name: data.names[u] ?? code,
              count: data.history.counts[u * T + t] ?? 0,
              statistic: stat(u * T + t),
            },
          ]
        : [],
    );
  const episodes = escalationEpisodes(data.history, EPISODE_DEFINITION);
  return {
    country: data.country,
    unit: req.unit,
    outcome: req.outcome,
    source: req.source,
    month: data.months[t] ?? '',
    rules: rules.map((rule) => {
      const out = rule.run(data.history, rule.default);
      return {
        rule: rule.name,
        parameter: rule.parameter,
        sensitivity: rule.default,
        description: rule.description,
        firing: firingAt(
          (i) => out.alarm[i] === 1,
          (i) => out.statistic[i] ?? NaN,
        ),
      };
    }),
    escalations: data.codes.flatMap((code, u) =>
      episodes.escalation[u * T + t] === 1
        ? [
            {
              code,
              name: data.names[u] ?? code,
              count: data.history.counts[u * T + t] ?? 0,
              onset: episodes.onset[u * T + t] === 1,
            },
          ]
        : [],
    ),
  };
}
