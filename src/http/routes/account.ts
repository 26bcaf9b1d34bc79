import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../core/access.ts';
import type { Vigie } from '../../services/vigie.ts';
import { clearSessionCookies, principal } from '../auth.ts';
import { presentUser, userSchema } from '../presenters/incidents.ts';
import { okSchema, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const idParams = z.object({ id: z.uuid() });
const userChange = z
  .object({
    role: z.enum(ROLES).optional(),
    regions: z
      .array(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3}|\d{2})$/))
      .max(50)
      .optional(),
    disabled: z.boolean().optional(),
    displayName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
const passwordBody = z
  .object({ current: z.string().min(1).max(1024), next: z.string().min(1).max(1024) })
  .strict();
const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  canWrite: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const accountRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/users/:id',
    summary: 'Change a user’s role, regions, name, or disable them (admins; ends their sessions)',
    tags: ['access'],
    params: idParams,
    body: userChange,
    responses: { 200: { description: 'user', schema: userSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/auth/password',
    summary: 'Change one’s own password (ends every session, this one included)',
    tags: ['access'],
    body: passwordBody,
    responses: { 200: { description: 'changed', schema: okSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/auth/tokens',
    summary: 'One’s own API tokens (never the secrets)',
    tags: ['access'],
    responses: { 200: { description: 'tokens', schema: z.object({ tokens: z.array(tokenSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/auth/tokens/:id/revoke',
    summary: 'Revoke one of one’s own API tokens',
    tags: ['access'],
    params: idParams,
    responses: { 200: { description: 'revoked', schema: okSchema } },
  },
];

export function registerAccountRoutes(app: FastifyInstance, vigie: Vigie): void {
  const admin = vigie.protection.accountAdmin;
  app.post('/api/v1/users/:id', async (request) => {
    const { id } = validate(idParams, request.params);
    return presentUser(await admin.updateUser(principal(request), id, validate(userChange, request.body)));
  });
  app.post('/api/v1/auth/password', async (request, reply) => {
    const { current, next } = validate(passwordBody, request.body);
    await admin.changePassword(principal(request), current, next);
    clearSessionCookies(reply);
    return { ok: true };
  });
  app.get('/api/v1/auth/tokens', async (request) => ({
    tokens: (await admin.tokens(principal(request))).map((t) => tokenSchema.parse(t)),
  }));
  app.post('/api/v1/auth/tokens/:id/revoke', async (request) => {
    const { id } = validate(idParams, request.params);
    await admin.revokeToken(principal(request), id);
    return { ok: true };
  });
}
