import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { VigieError } from '../../core/errors.ts';
import type { Vigie } from '../../services/vigie.ts';
import { principal } from '../auth.ts';
import type { RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const verifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().optional(),
  problem: z.object({ seq: z.number(), kind: z.string() }).optional(),
});
const entriesSchema = z.object({
  entries: z.array(
    z.object({
      seq: z.number(),
      at: z.string(),
      actorId: z.string().nullable(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
});
const recentQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  target: z.string().max(100).optional(),
});

export const auditRouteDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/v1/audit/verify',
    summary: 'Check the audit chain (admins)',
    tags: ['audit'],
    responses: { 200: { description: 'result', schema: verifySchema } },
  },
  {
    method: 'get',
    path: '/api/v1/audit',
    summary: 'Recent audit entries (admins)',
    tags: ['audit'],
    query: recentQuery,
    responses: { 200: { description: 'entries, newest first', schema: entriesSchema } },
  },
];

export function registerAuditRoutes(app: FastifyInstance, vigie: Vigie): void {
  const adminOnly = (request: Parameters<typeof principal>[0]) => {
    if (principal(request).role !== 'admin') throw new VigieError('FORBIDDEN');
  };
  app.get('/api/v1/audit/verify', async (request) => {
    adminOnly(request);
    return verifySchema.parse(await vigie.protection.audit.verify());
  });
  app.get('/api/v1/audit', async (request) => {
    adminOnly(request);
    const { limit, target } = validate(recentQuery, request.query);
    const entries = await vigie.protection.audit.recent(
      limit,
      target ?? null,
      principal(request).organisationId,
    );
    // The whitelist leaves the chain's MACs (and anything added to the record later) out of the answer.
    return entriesSchema.parse({ entries });
  });
}
