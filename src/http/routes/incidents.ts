import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { VigieError } from '../../core/errors.ts';
import { VERIFICATION_STATES } from '../../core/incident.ts';
import { decisionSchema, incidentInputSchema, victimInputSchema } from '../../services/incident-input.ts';
import type { Vigie } from '../../services/vigie.ts';
import { principal } from '../auth.ts';
import {
  custodyLogSchema,
  decisionResultSchema,
  evidenceAddedSchema,
  incidentDetailSchema,
  incidentPageSchema,
  incidentSummarySchema,
  presentCustodyLog,
  presentIncident,
  presentSummary,
  recordedSchema,
  victimsAddedSchema,
} from '../presenters/incidents.ts';
import { okSchema, routeDocsFor, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const idParams = z.object({ id: z.uuid() });
const evidenceParams = z.object({ id: z.uuid(), evidenceId: z.uuid() });
const listQuery = z.object({
  status: z.enum(VERIFICATION_STATES).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  lang: z.enum(['fr', 'en']).optional(),
});
const aggregateQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  status: z.enum(['verified', 'all']).default('all'),
  lang: z.enum(['fr', 'en']).optional(),
});
const aggregateSchema = z.object({
  cells: z.array(
    z.object({
      month: z.string(),
      admin1Pcode: z.string().nullable(),
      harm: z.string(),
      incidents: z.number(),
      victims: z.number(),
    }),
  ),
});
const memberBody = z.object({ userId: z.uuid() }).strict();
const victimsBody = z.object({ victims: z.array(victimInputSchema).min(1).max(500) }).strict();
const linkBody = z.object({ eventId: z.number().int().min(1) }).strict();
const candidateSchema = z.object({
  eventId: z.number(),
  date: z.string(),
  source: z.string(),
  eventType: z.string().nullable(),
  location: z.string().nullable(),
  fatalities: z.number(),
  distanceKm: z.number().nullable(),
  dayGap: z.number(),
  civilianHarm: z.boolean(),
  score: z.number().nullable(),
});

const doc = routeDocsFor('incidents');

export const incidentRouteDocs: RouteDoc[] = [
  doc(
    'get',
    '/api/v1/incidents',
    'Incidents of the organisation the reader may see (summaries; the listing is audited)',
    {
      query: listQuery,
      responses: { 200: { description: 'a page of summaries', schema: incidentPageSchema } },
    },
  ),
  doc(
    'post',
    '/api/v1/incidents',
    'Record an incident (docs/INCIDENTS.md); a repeated clientId returns the first record',
    {
      body: incidentInputSchema,
      responses: {
        201: { description: 'recorded', schema: recordedSchema },
        200: { description: 'already recorded', schema: recordedSchema },
      },
    },
  ),
  doc(
    'get',
    '/api/v1/incidents/:id',
    'One incident, with what the reader’s view allows (the read is audited first)',
    {
      params: idParams,
      responses: { 200: { description: 'the incident', schema: incidentDetailSchema } },
    },
  ),
  doc('post', '/api/v1/incidents/:id/decision', 'Move the verification workflow (reviewer ≠ reporter)', {
    params: idParams,
    body: decisionSchema,
    responses: { 200: { description: 'the new status and version', schema: decisionResultSchema } },
  }),
  doc('get', '/api/v1/review-queue', 'Incidents awaiting a decision that the reader may decide on', {
    responses: {
      200: { description: 'queue', schema: z.object({ incidents: z.array(incidentSummarySchema) }) },
    },
  }),
  doc(
    'get',
    '/api/v1/incident-aggregates',
    'Incident and victim counts by month × admin-1 × harm inside the organisation (not for viewers)',
    {
      query: aggregateQuery,
      responses: { 200: { description: 'cells', schema: aggregateSchema } },
    },
  ),
  doc('post', '/api/v1/incidents/:id/members', 'Add a monitor or admin to the case', {
    params: idParams,
    body: memberBody,
    responses: { 200: { description: 'added (or already a member)', schema: okSchema } },
  }),
  doc('post', '/api/v1/incidents/:id/victims', 'Add individual victim records (case members only)', {
    params: idParams,
    body: victimsBody,
    responses: { 200: { description: 'how many records were added', schema: victimsAddedSchema } },
  }),
  doc(
    'post',
    '/api/v1/incidents/:id/evidence',
    'Add an evidence file (SHA-256 at intake, sealed, custody log)',
    {
      params: idParams,
      upload: { fields: { file: 'the evidence file' } },
      responses: { 201: { description: 'received', schema: evidenceAddedSchema } },
    },
  ),
  doc(
    'get',
    '/api/v1/incidents/:id/evidence/:evidenceId',
    'Download an evidence file (case members; logged)',
    {
      params: evidenceParams,
      responses: { 200: { description: 'the original bytes', contentTypes: ['application/octet-stream'] } },
    },
  ),
  doc(
    'get',
    '/api/v1/incidents/:id/evidence/:evidenceId/custody',
    'The chain of custody of an evidence file',
    {
      params: evidenceParams,
      responses: { 200: { description: 'custody entries, oldest first', schema: custodyLogSchema } },
    },
  ),
  doc(
    'get',
    '/api/v1/incidents/:id/candidates',
    'Imported events that may be this incident (distance, time, kind)',
    {
      params: idParams,
      responses: {
        200: { description: 'candidates', schema: z.object({ candidates: z.array(candidateSchema) }) },
      },
    },
  ),
  doc('post', '/api/v1/incidents/:id/links', 'Confirm that an imported event is this incident', {
    params: idParams,
    body: linkBody,
    responses: { 200: { description: 'linked', schema: okSchema } },
  }),
];

export function registerIncidentRoutes(app: FastifyInstance, vigie: Vigie): void {
  const p = vigie.protection;
  app.get('/api/v1/incidents', async (request) => {
    const { lang: _lang, ...query } = validate(listQuery, request.query);
    const page = await p.listIncidents(principal(request), query);
    return { incidents: page.incidents.map(presentSummary), nextCursor: page.nextCursor };
  });
  app.post('/api/v1/incidents', async (request, reply) => {
    const result = await p.recordIncident(principal(request), validate(incidentInputSchema, request.body));
    return reply.status(result.created ? 201 : 200).send(recordedSchema.parse(result));
  });
  app.get('/api/v1/incidents/:id', async (request) => {
    const { id } = validate(idParams, request.params);
    return presentIncident(await p.showIncident(principal(request), id));
  });
  app.post('/api/v1/incidents/:id/decision', async (request) => {
    const { id } = validate(idParams, request.params);
    return decisionResultSchema.parse(
      await p.decide(principal(request), id, validate(decisionSchema, request.body)),
    );
  });
  app.get('/api/v1/review-queue', async (request) => ({
    incidents: (await p.reviewQueue(principal(request))).map(presentSummary),
  }));
  app.get('/api/v1/incident-aggregates', async (request) => {
    const { from, to, status } = validate(aggregateQuery, request.query);
    const cells = await p.incidentAggregates(principal(request), {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      verifiedOnly: status === 'verified',
    });
    return aggregateSchema.parse({ cells });
  });
  app.post('/api/v1/incidents/:id/members', async (request) => {
    const { id } = validate(idParams, request.params);
    await p.addMember(principal(request), id, validate(memberBody, request.body).userId);
    return { ok: true };
  });
  app.post('/api/v1/incidents/:id/victims', async (request) => {
    const { id } = validate(idParams, request.params);
    return victimsAddedSchema.parse(
      await p.addVictims(principal(request), id, validate(victimsBody, request.body).victims),
    );
  });
  app.post('/api/v1/incidents/:id/evidence', async (request, reply) => {
    const { id } = validate(idParams, request.params);
    if (!request.isMultipart())
      throw new VigieError('UNSUPPORTED_FORMAT', { format: request.headers['content-type'] ?? 'none' });
    const part = await request.file();
    if (part === undefined || part.fieldname !== 'file')
      throw new VigieError('VALIDATION_FAILED', { reason: 'multipart field "file" missing' });
    const bytes = await part.toBuffer();
    const added = await p.addEvidence(principal(request), id, {
      name: part.filename,
      mediaType: part.mimetype,
      bytes,
    });
    return reply.status(201).send(evidenceAddedSchema.parse(added));
  });
  app.get('/api/v1/incidents/:id/evidence/:evidenceId', async (request, reply) => {
    const { id, evidenceId } = validate(evidenceParams, request.params);
    const file = await p.downloadEvidence(principal(request), id, evidenceId);
    // The original name may carry a person's name: it stays out of the URL and headers; the hash names the file.
    return reply
      .header('content-type', 'application/octet-stream')
      .header('content-disposition', `attachment; filename="evidence-${file.sha256.slice(0, 16)}"`)
      .header('x-content-sha256', file.sha256)
      .send(file.bytes);
  });
  app.get('/api/v1/incidents/:id/evidence/:evidenceId/custody', async (request) => {
    const { id, evidenceId } = validate(evidenceParams, request.params);
    return presentCustodyLog(await p.custodyLog(principal(request), id, evidenceId));
  });
  app.get('/api/v1/incidents/:id/candidates', async (request) => {
    const { id } = validate(idParams, request.params);
    return {
      candidates: (await p.eventCandidates(principal(request), id)).map((c) => candidateSchema.parse(c)),
    };
  });
  app.post('/api/v1/incidents/:id/links', async (request) => {
    const { id } = validate(idParams, request.params);
    await p.linkEvent(principal(request), id, validate(linkBody, request.body).eventId);
    return { ok: true };
  });
}
