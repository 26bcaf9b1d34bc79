import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../core/access.ts';
import { VigieError } from '../core/errors.ts';
import type { Vigie } from '../services/vigie.ts';

export const SESSION_COOKIE = 'vigie_session';
/** Readable by the page's script (double-submit): sent back in `x-csrf-token` and checked against the session. */
export const CSRF_COOKIE = 'vigie_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/**
 * What anyone may reach without signing in: the redacted public release, public geography, sign-in, health,
 * and the SMS gateways' webhooks, which carry no session but must present the gateway's shared secret (checked
 * in constant time by the service before anything is read or stored).
 */
const PUBLIC_PATHS = [
  /^\/api\/v1\/sms\/(rapidpro|africastalking)$/,
  /^\/api\/v1\/public\//,
  /^\/api\/v1\/auth\/login$/,
  /^\/api\/v1\/auth\/me$/,
  /^\/api\/v1\/boundaries$/,
  /^\/api\/v1\/bases$/,
];

export function isPublicPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return !path.startsWith('/api/v1/') || PUBLIC_PATHS.some((p) => p.test(path));
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every /api/v1 request except the public ones carries a session cookie or a bearer API token. Changes made
 * with a cookie must also carry the CSRF token (a cross-site form can send the cookie, never the header);
 * bearer tokens are not sent by browsers on their own, so they need no CSRF token.
 */
export function registerAuthentication(app: FastifyInstance, vigie: Vigie): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const principal = await principalOf(vigie, request);
    request.principal = principal;
    if (principal === null && !isPublicPath(request.url)) throw new VigieError('UNAUTHENTICATED');
  });
}

async function principalOf(vigie: Vigie, request: FastifyRequest): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const found = await vigie.protection.accounts.token(authorization.slice(7).trim());
    if (!found) throw new VigieError('UNAUTHENTICATED', { reason: 'bad-token' });
    return found.principal;
  }
  const sessionId = parseCookies(request.headers.cookie).get(SESSION_COOKIE);
  if (!sessionId) return null;
  const session = await vigie.protection.accounts.session(sessionId);
  if (!session) return null;
  if (CHANGES.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !session.csrfMatches(sent)) throw new VigieError('CSRF_FAILED');
  }
  return session.principal;
}

/** The principal of a route that needs one (the hook has already refused anonymous calls to private paths). */
export function principal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new VigieError('UNAUTHENTICATED');
  return request.principal;
}

export function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  sessionId: string,
  csrfToken: string,
): void {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  void reply.header('set-cookie', [
    `${SESSION_COOKIE}=${encodeURIComponent(sessionId)}; Path=/; HttpOnly; SameSite=Strict${secure}`,
    `${CSRF_COOKIE}=${encodeURIComponent(csrfToken)}; Path=/; SameSite=Strict${secure}`,
  ]);
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.header('set-cookie', [
    `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`,
    `${CSRF_COOKIE}=; Path=/; SameSite=Strict; Max-Age=0`,
  ]);
}
