import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../core/access.ts';
import { VigieError } from '../../core/errors.ts';
import type { Vigie } from '../../services/vigie.ts';
import { clearSessionCookies, parseCookies, principal, SESSION_COOKIE, setSessionCookies } from '../auth.ts';
import { presentUser, userSchema } from '../presenters/incidents.ts';
import { okSchema, type RouteDoc } from '../route-registry.ts';
import { validate } from '../validate.ts';

const loginBody = z
  .object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) })
  .strict();
const tokenBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    canWrite: z.boolean().default(false),
    days: z.number().int().min(1).max(366).nullable().default(90),
  })
  .strict();
const userBody = z
  .object({
    email: z.string().min(3).max(320),
    password: z.string().min(1).max(1024),
    displayName: z.string().trim().min(1).max(200).optional(),
    role: z.enum(ROLES),
    regions: z
      .array(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3}|\d{2})$/))
      .max(50)
      .default([]),
  })
  .strict();
const meSchema = z.object({ user: userSchema.nullable(), setupNeeded: z.boolean() });
const createdToken = z.object({ id: z.string(), token: z.string() });

export const authRouteDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/v1/auth/login',
    summary:
      'Sign in: sets the HttpOnly session cookie and the CSRF cookie; returns the user and the CSRF token',
    tags: ['access'],
    body: loginBody,
    responses: {
      200: { description: 'signed in', schema: z.object({ user: userSchema, csrfToken: z.string() }) },
    },
  },
  {
    method: 'post',
    path: '/api/v1/auth/logout',
    summary: 'Sign out (ends the session)',
    tags: ['access'],
    responses: { 200: { description: 'signed out', schema: okSchema } },
  },
  {
    method: 'get',
    path: '/api/v1/auth/me',
    summary: 'The signed-in user, or null',
    tags: ['access'],
    responses: { 200: { description: 'user', schema: meSchema } },
  },
  {
    method: 'post',
    path: '/api/v1/auth/tokens',
    summary: 'Create an API token for scripts (shown once; read-only unless canWrite)',
    tags: ['access'],
    body: tokenBody,
    responses: { 201: { description: 'token', schema: createdToken } },
  },
  {
    method: 'get',
    path: '/api/v1/users',
    summary: 'Users of the organisation (admins)',
    tags: ['access'],
    responses: { 200: { description: 'users', schema: z.object({ users: z.array(userSchema) }) } },
  },
  {
    method: 'post',
    path: '/api/v1/users',
    summary: 'Add a user to the organisation (admins)',
    tags: ['access'],
    body: userBody,
    responses: { 201: { description: 'user', schema: userSchema } },
  },
];

export function registerAuthRoutes(app: FastifyInstance, vigie: Vigie): void {
  const accounts = vigie.protection.accounts;
  app.post('/api/v1/auth/login', async (request, reply) => {
    const { email, password } = validate(loginBody, request.body);
    const signedIn = await accounts.login(email, password, request.ip);
    setSessionCookies(request, reply, signedIn.sessionId, signedIn.csrfToken);
    return { user: presentUser(signedIn.user), csrfToken: signedIn.csrfToken };
  });

  app.post('/api/v1/auth/logout', async (request, reply) => {
    const sessionId = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
    if (sessionId) await accounts.logout(sessionId);
    clearSessionCookies(reply);
    return { ok: true };
  });

  app.get('/api/v1/auth/me', async (request) => {
    // A fresh install (no account at all) tells the sign-in page to show how to create the first admin.
    if (request.principal === null) return { user: null, setupNeeded: !(await accounts.hasUsers()) };
    const user = await accounts.user(request.principal.userId);
    return { user: user ? presentUser(user) : null, setupNeeded: false };
  });

  app.post('/api/v1/auth/tokens', async (request, reply) => {
    const by = principal(request);
    // A token cannot mint tokens: a leaked script token must not multiply itself.
    if (by.via === 'token') throw new VigieError('FORBIDDEN');
    const body = validate(tokenBody, request.body);
    const created = await accounts.createToken(by, body.name, body.canWrite, body.days);
    return reply.status(201).send(createdToken.parse(created));
  });

  app.get('/api/v1/users', async (request) => ({
    users: (await accounts.users(principal(request))).map(presentUser),
  }));

  app.post('/api/v1/users', async (request, reply) => {
    const by = principal(request);
    const body = validate(userBody, request.body);
    const me = await accounts.user(by.userId);
    if (!me) throw new VigieError('UNAUTHENTICATED');
    const user = await accounts.addUser(by, { ...body, organisation: me.organisationName });
    return reply.status(201).send(presentUser(user));
  });
}
