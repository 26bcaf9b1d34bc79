import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acknowledgementText } from '../../services/sms-outbound.ts';
import { fromAfricasTalking, fromRapidPro } from '../../services/sms-gateways.ts';
import type { SmsReceipt } from '../../services/sms.ts';
import type { Vigie } from '../../services/vigie.ts';
import { principal } from '../auth.ts';
import type { RouteDoc } from '../route-registry.ts';

/** Where gateways post; listed as public paths in auth.ts: no session, the gateway's shared secret instead. */
export const SMS_PATHS = ['/api/v1/sms/rapidpro', '/api/v1/sms/africastalking'] as const;
export const SMS_SECRET_HEADER = 'x-vigie-sms-secret';

const rapidProBody = z.object({
  contact: z.object({ uuid: z.string().optional(), name: z.string().optional(), urn: z.string() }).optional(),
  input: z
    .object({ uuid: z.string().optional(), urn: z.string().optional(), text: z.string().optional() })
    .optional(),
  run: z.object({ uuid: z.string() }).optional(),
});
const atForm = z.object({
  from: z.string(),
  to: z.string().optional(),
  text: z.string().optional(),
  id: z.string(),
  date: z.string().optional(),
  linkId: z.string().optional(),
});
const rapidProReply = z.object({
  status: z.enum(['alert', 'triage']),
  duplicate: z.boolean(),
  reference: z.string().nullable(),
  message: z.string(),
});
const secretQuery = z.object({ secret: z.string().optional() });
const ackStatus = z.object({
  configured: z.boolean(),
  pending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  oldestPendingAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
/** Admins' view of the acknowledgement outbox; a private route (auth.ts opens only the two webhooks). */
export const SMS_ACK_STATUS_PATH = '/api/v1/sms/acknowledgements';

export const smsRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: SMS_PATHS[0],
    summary: 'RapidPro "Call webhook" (JSON); shared secret in X-Vigie-SMS-Secret (or ?secret=)',
    tags: ['sms'],
    query: secretQuery,
    body: rapidProBody,
    responses: {
      200: { description: 'acknowledgement for the flow (@webhook.json.message)', schema: rapidProReply },
    },
  },
  {
    method: 'post',
    path: SMS_PATHS[1],
    summary: "Africa's Talking incoming-message callback (form-encoded); shared secret as ?secret= or header",
    tags: ['sms'],
    query: secretQuery,
    body: atForm,
    responses: {
      200: {
        description: 'acknowledgement in French (text/plain)',
        schema: z.string(),
        contentTypes: ['text/plain'],
      },
    },
  },
  {
    method: 'get',
    path: SMS_ACK_STATUS_PATH,
    summary:
      "Acknowledgements to Africa's Talking senders in the organisation's outbox: pending, sent, failed (admins)",
    tags: ['sms'],
    responses: { 200: { description: 'counts', schema: ackStatus } },
  },
];

/** The French acknowledgement the sender gets: the same text the outbound SMS carries (one source). */
export function acknowledgement(r: SmsReceipt): string {
  return acknowledgementText(r);
}

function presentedSecret(request: FastifyRequest): string | undefined {
  const header = request.headers[SMS_SECRET_HEADER];
  if (typeof header === 'string') return header;
  const query = secretQuery.safeParse(request.query);
  return query.success ? query.data.secret : undefined;
}

export function registerSmsRoutes(app: FastifyInstance, vigie: Vigie): void {
  // The acknowledgement worker runs with the server: it resumes what a restart left pending, and stops on close
  // (a send still in flight after 1 s is cut short and stays pending for the next start).
  app.addHook('onReady', () => {
    vigie.alerts.startAcknowledgements();
    return Promise.resolve();
  });
  app.addHook('onClose', () => vigie.alerts.stopAcknowledgements(1000));
  app.get(SMS_ACK_STATUS_PATH, async (request) =>
    ackStatus.parse(await vigie.alerts.acknowledgementStatus(principal(request))),
  );
  void app.register((scope, _options, done) => {
    // Form bodies only here (Africa's Talking); the rest of the API takes JSON.
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, parsed) => parsed(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    scope.post(SMS_PATHS[0], { bodyLimit: 256 * 1024 }, async (request) => {
      const receipt = await vigie.alerts.receiveSms(fromRapidPro(request.body), presentedSecret(request));
      return rapidProReply.parse({
        status: receipt.outcome,
        duplicate: receipt.duplicate,
        reference: receipt.reference,
        message: acknowledgement(receipt),
      });
    });
    scope.post(SMS_PATHS[1], async (request, reply) => {
      const receipt = await vigie.alerts.receiveSms(
        fromAfricasTalking(request.body),
        presentedSecret(request),
      );
      return reply.type('text/plain; charset=utf-8').send(acknowledgement(receipt));
    });
    done();
  });
}
