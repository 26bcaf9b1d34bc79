/**
 * GET /api/v1/alert-rules/evaluation and /api/v1/alert-rules/scan: the same answers as `vigie alert-rules
 * evaluate|scan --json`. The output schemas whitelist the fields (zod drops anything else) and document them.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  evaluationOrder,
  evaluationOrderMessage,
  evaluationParamsObject,
  scanParamsObject,
  tuningOrder,
  tuningOrderMessage,
} from '../../services/alert-rules-schema.ts';
import { FORECAST_OUTCOMES, FORECAST_SOURCES, FORECAST_UNITS } from '../../services/forecast-data.ts';
import type { Vigie } from '../../services/vigie.ts';
import { localeOfRequest } from '../locale.ts';
import { langParam as lang, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const evaluationQuery = evaluationParamsObject
  .extend({ lang })
  .refine(evaluationOrder, evaluationOrderMessage)
  .refine(tuningOrder, tuningOrderMessage);
const scanQuery = scanParamsObject.extend({ lang });

const ratio = z.number().nullable();
const metrics = {
  sensitivity: z.number(),
  alarms: z.number().int(),
  alarmsPerUnitYear: z.number(),
  falseAlarms: z.number().int(),
  falseAlarmsPerUnitYear: z.number(),
  pending: z.number().int(),
  precision: ratio,
  episodes: z.number().int(),
  caught: z.number().int(),
  recall: ratio,
  caughtAhead: z.number().int(),
  recallAhead: ratio,
  leadMean: ratio,
  leadMedian: ratio,
  major: z.object({ episodes: z.number().int(), caught: z.number().int(), caughtAhead: z.number().int() }),
  /** Random alarms at the row's achieved rate. */
  chance: z.object({ recall: z.number(), recallAhead: z.number() }),
};

export const alertEvaluationSchema = z.object({
  country: z.string(),
  unit: z.enum(FORECAST_UNITS),
  outcome: z.enum(FORECAST_OUTCOMES),
  source: z.enum(FORECAST_SOURCES),
  units: z.number().int(),
  history: z.object({ from: z.string(), to: z.string() }),
  window: z.object({ from: z.string(), to: z.string() }),
  tuning: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('in-sample') }),
    z.object({
      mode: z.literal('out-of-sample'),
      from: z.string(),
      to: z.string(),
      unitYears: z.number(),
      episodes: z.number().int(),
    }),
  ]),
  lead: z.number().int(),
  rates: z.array(z.number()),
  episodeDefinition: z.object({
    level: z.number(),
    quantile: z.number(),
    window: z.number(),
    quiet: z.number(),
  }),
  unitYears: z.number(),
  episodes: z.array(z.object({ code: z.string(), name: z.string(), month: z.string(), count: z.number() })),
  rules: z.array(
    z.object({
      rule: z.string(),
      parameter: z.string(),
      description: z.string(),
      atDefault: z.object(metrics),
      atRates: z.array(
        z.object({ ...metrics, target: z.number(), tunedRate: z.number(), reached: z.boolean() }),
      ),
    }),
  ),
  chance: z.array(z.object({ target: z.number(), recall: z.number(), recallAhead: z.number() })),
  forecast: z.object({ model: z.string(), samples: z.number(), seed: z.number() }).nullable(),
  seconds: z.number(),
});

const firing = z.object({
  code: z.string(),
  name: z.string(),
  count: z.number(),
  statistic: z.number().nullable(),
});

export const alertScanSchema = z.object({
  country: z.string(),
  unit: z.enum(FORECAST_UNITS),
  outcome: z.enum(FORECAST_OUTCOMES),
  source: z.enum(FORECAST_SOURCES),
  month: z.string(),
  rules: z.array(
    z.object({
      rule: z.string(),
      parameter: z.string(),
      sensitivity: z.number(),
      description: z.string(),
      firing: z.array(firing),
    }),
  ),
  escalations: z.array(
    z.object({ code: z.string(), name: z.string(), count: z.number(), onset: z.boolean() }),
  ),
});

export const alertRuleRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/alert-rules/evaluation',
    summary:
      'Alert rules (NB CUSUM, NB surprise with Benjamini-Hochberg across units, EARS C1-C3, surge, threshold; ' +
      'with forecast=vigie also the forecast model) scored on escalation episodes: recall, false alarms per unit-year, lead time, at published sensitivity and at equal alarm rates ' +
      '(with tuneTo: sensitivities tuned on from … tuneTo, frozen, scored on the months after tuneTo)',
    tags: ['early-warning'],
    query: evaluationQuery,
    responses: { 200: { description: 'every rule with its metrics', schema: alertEvaluationSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/alert-rules/scan',
    summary:
      'Which units fire under each alert rule at its published sensitivity in one month (default the last month ' +
      'of data); nothing is stored',
    tags: ['early-warning'],
    query: scanQuery,
    responses: { 200: { description: 'the firing units of every rule', schema: alertScanSchema } },
  },
];

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export function registerAlertRuleRoutes(app: FastifyInstance, vigie: Vigie): void {
  app.get('/api/v1/alert-rules/evaluation', async (request) => {
    const { lang: _lang, ...params } = validate(evaluationQuery, request.query);
    const r = await vigie.evaluateAlertRules({ ...params, language: localeOfRequest(request) });
    return alertEvaluationSchema.parse(r);
  });
  app.get('/api/v1/alert-rules/scan', async (request) => {
    const { lang: _lang, ...params } = validate(scanQuery, request.query);
    const r = await vigie.scanAlertRules({ ...params, language: localeOfRequest(request) });
    const rules = r.rules.map((rule) => ({
      ...rule,
      firing: rule.firing.map((f) => ({ ...f, statistic: finiteOrNull(f.statistic) })),
    }));
    return alertScanSchema.parse({ ...r, rules });
  });
}
