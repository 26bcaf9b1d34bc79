import type { FastifyInstance } from 'fastify';
import { canRecordIncidents } from '../../core/access.ts';
import { VigieError } from '../../core/errors.ts';
import { parseScanParams, scanParamsObject } from '../../services/alert-rules-schema.ts';
import { firingsOfScan } from '../../services/alert-scan.ts';
import { localeOfRequest } from '../locale.ts';
import { z } from 'zod';
import { ALERT_STATES } from '../../core/alert.ts';
import { alertInputSchema, closeSchema } from '../../services/alerts-input.ts';
import type { Vigie } from '../../services/vigie.ts';
import { principal } from '../auth.ts';
import {
  alertDetailSchema,
  alertPageSchema,
  alertSchema,
  metricsSchema,
  presentAlert,
  presentAlertDetail,
  presentTriage,
  triageResolutionSchema,
  triageSchema,
} from '../presenters/alerts.ts';
import { routeDocsFor, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const idParams = z.object({ id: z.uuid() });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const listQuery = z.object({
  state: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(ALERT_STATES)))
    .optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  lang: z.enum(['fr', 'en']).optional(),
});
const periodQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  lang: z.enum(['fr', 'en']).optional(),
});
const triageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  lang: z.enum(['fr', 'en']).optional(),
});
const triageDecision = z.discriminatedUnion('action', [
  z.object({ action: z.literal('dismiss') }).strict(),
  z.object({ action: z.literal('alert'), alert: alertInputSchema }).strict(),
]);
const created = z.object({ created: z.boolean(), alert: alertSchema });
const scanned = z.object({
  month: z.string(),
  created: z.array(alertSchema),
  existing: z.array(alertSchema),
});

const doc = routeDocsFor('alerts');
const move = (action: string, what: string, body?: z.ZodType) =>
  doc('post', `/api/v1/alerts/:id/${action}`, what, {
    params: idParams,
    ...(body ? { body } : {}),
    responses: { 200: { description: 'the alert', schema: alertSchema } },
  });

export const alertRouteDocs: RouteDoc[] = [
  doc('get', '/api/v1/alerts', 'Alerts of the organisation in the reader’s scope, newest first', {
    query: listQuery,
    responses: { 200: { description: 'a page of alerts', schema: alertPageSchema } },
  }),
  doc('post', '/api/v1/alerts', 'Raise an alert (a repeated sourceKey returns the first)', {
    body: alertInputSchema,
    responses: {
      201: { description: 'created', schema: created },
      200: { description: 'already raised', schema: created },
    },
  }),
  doc(
    'post',
    '/api/v1/alerts/scan',
    'Run the alert rules on a month and open one alert per unit that fires',
    {
      query: scanParamsObject,
      responses: { 200: { description: 'opened and already open alerts', schema: scanned } },
    },
  ),
  doc(
    'get',
    '/api/v1/alerts/metrics',
    'Median time to acknowledge and to respond over alerts raised in a period',
    {
      query: periodQuery,
      responses: { 200: { description: 'medians in seconds', schema: metricsSchema } },
    },
  ),
  doc(
    'get',
    '/api/v1/alerts/triage',
    'Community messages that did not parse (monitors and admins; the read is audited)',
    {
      query: triageQuery,
      responses: { 200: { description: 'the queue', schema: triageSchema } },
    },
  ),
  doc('post', '/api/v1/alerts/triage/:id', 'Resolve a queued message into an alert, or dismiss it', {
    params: idParams,
    body: triageDecision,
    responses: {
      200: { description: 'resolved (with the new alert) or dismissed', schema: triageResolutionSchema },
    },
  }),
  doc('get', '/api/v1/alerts/:id', 'One alert with its timeline, timings, evidence and notifications', {
    params: idParams,
    responses: { 200: { description: 'the alert', schema: alertDetailSchema } },
  }),
  move('acknowledge', 'Acknowledge (the first to do so owns an unowned alert)'),
  move('respond', 'Start the response'),
  move('close', 'Close with an outcome', closeSchema),
];

export function registerAlertRoutes(app: FastifyInstance, vigie: Vigie): void {
  const a = vigie.alerts;
  // While the server runs, notifications left queued (a retry cut short by a restart, a CLI that exited) go out
  // within a minute.
  let sweeper: NodeJS.Timeout | null = null;
  app.addHook('onReady', () => {
    const sweep = () =>
      void a.sendDue().catch((error: unknown) => app.log.warn({ err: error }, 'notification sweep failed'));
    sweep();
    sweeper = setInterval(sweep, 60_000);
    sweeper.unref();
    return Promise.resolve();
  });
  app.addHook('onClose', () => {
    if (sweeper) clearInterval(sweeper);
    return Promise.resolve();
  });
  app.get('/api/v1/alerts', async (request) => {
    const { lang: _lang, state, from, to, ...rest } = validate(listQuery, request.query);
    const page = await a.list(principal(request), {
      ...rest,
      ...(state ? { states: state } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    return { alerts: page.alerts.map((x) => presentAlert(x)), nextCursor: page.nextCursor };
  });
  app.post('/api/v1/alerts', async (request, reply) => {
    const result = await a.create(principal(request), validate(alertInputSchema, request.body));
    return reply
      .status(result.created ? 201 : 200)
      .send({ created: result.created, alert: presentAlert(result.alert) });
  });
  app.post('/api/v1/alerts/scan', async (request) => {
    const by = principal(request);
    if (!canRecordIncidents(by)) throw new VigieError('FORBIDDEN');
    const params = parseScanParams(request.query, 'VALIDATION_FAILED');
    const scan = await vigie.scanAlertRules({ ...params, language: localeOfRequest(request) });
    const result = await a.createAlertsFromFirings(by, firingsOfScan(scan));
    return {
      month: scan.month,
      created: result.created.map((x) => presentAlert(x)),
      existing: result.existing.map((x) => presentAlert(x)),
    };
  });
  app.get('/api/v1/alerts/metrics', async (request) => {
    const { from, to } = validate(periodQuery, request.query);
    return metricsSchema.parse(
      await a.metrics(principal(request), { ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    );
  });
  app.get('/api/v1/alerts/triage', async (request) => {
    const { limit } = validate(triageQuery, request.query);
    return presentTriage(await a.triage(principal(request), limit));
  });
  app.post('/api/v1/alerts/triage/:id', async (request) => {
    const { id } = validate(idParams, request.params);
    return triageResolutionSchema.parse(
      await a.resolveTriage(principal(request), id, validate(triageDecision, request.body)),
    );
  });
  app.get('/api/v1/alerts/:id', async (request) => {
    const { id } = validate(idParams, request.params);
    return presentAlertDetail(await a.show(principal(request), id));
  });
  for (const action of ['acknowledge', 'respond', 'close'] as const) {
    app.post(`/api/v1/alerts/:id/${action}`, async (request) => {
      const { id } = validate(idParams, request.params);
      const close = action === 'close' ? validate(closeSchema, request.body) : undefined;
      return presentAlert(await a.move(principal(request), id, action, close));
    });
  }
}
