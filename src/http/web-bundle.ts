import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorBody } from './errors.ts';
import { localeOfRequest } from './locale.ts';

/** Where `vite build web` writes the single-page app (scripts/build-web.mjs). */
export const DEFAULT_WEB_DIST = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

/**
 * Serves the web app from `dist` at /, with the single-page fallback: a GET outside /api and /healthz that names
 * no file gets index.html, and the client-side router takes it from there. Files are looked up per request, so
 * a bundle built while the server runs is served without a restart. Hashed assets are cached for a year;
 * index.html is revalidated every time, so a new build reaches browsers at once.
 */
export async function registerWebBundle(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: true,
    // The folder may appear later (the bundle is built after the server starts): no warning at start-up.
    suppressWarning: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      const hashed = path.startsWith(join(dist, 'assets'));
      void res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const api = path === '/api' || path.startsWith('/api/') || path === '/healthz';
    const read = request.method === 'GET' || request.method === 'HEAD';
    // A path whose last segment has an extension names a file: missing, it is a 404, not the app.
    const file = /\.[A-Za-z0-9]+$/.test(path.split('/').pop() ?? '');
    // A synchronous handler that returns nothing: returning the (thenable) reply would make Fastify await it.
    if (api || !read || file) {
      void reply.status(404).send(errorBody(localeOfRequest(request), 'NOT_FOUND', { path }));
    } else if (!existsSync(join(dist, 'index.html'))) {
      notBuilt(request, reply, dist);
    } else {
      void reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
  });
}

/** An operational answer, not a placeholder: the API works, the browser app has not been built here yet. */
function notBuilt(request: FastifyRequest, reply: FastifyReply, dist: string): void {
  const french = localeOfRequest(request) === 'fr';
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const body = french
    ? `<h1>L’application web n’est pas construite</h1>
<p>Le serveur et l’API fonctionnent (<a href="/api/docs">/api/docs</a>), mais le dossier
<code>${escape(dist)}</code> ne contient pas l’application. Construisez-la depuis le dépôt avec
<code>npm run build:web</code> (ou <code>node scripts/build-web.mjs</code>), puis rechargez cette page.</p>`
    : `<h1>The web application is not built</h1>
<p>The server and the API are running (<a href="/api/docs">/api/docs</a>), but
<code>${escape(dist)}</code> holds no application. Build it from the repository with
<code>npm run build:web</code> (or <code>node scripts/build-web.mjs</code>), then reload this page.</p>`;
  void reply
    .status(503)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="${french ? 'fr' : 'en'}"><head><meta charset="utf-8"><title>vigie</title>` +
        `<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}` +
        `code{background:#f3f3f3;padding:0 .2rem}</style></head><body>${body}</body></html>`,
    );
}
