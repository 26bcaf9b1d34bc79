import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Vigie } from '../services/vigie.ts';
import { handleError } from './errors.ts';
import { eventRouteDocs, registerEventRoutes } from './routes/events.ts';
import { importRouteDocs, registerImportRoutes } from './routes/imports.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { openApiDocument, type RouteDoc } from './route-registry.ts';

export interface HttpOptions {
  /** Largest accepted upload, in bytes (default 1 GiB: a continent of ACLED events is ~0.5 GB). */
  maxUploadBytes?: number;
  logger?: boolean;
  version?: string;
}

export const ROUTE_DOCS: readonly RouteDoc[] = [...eventRouteDocs, ...importRouteDocs];

/** Builds the Fastify app around the use cases; `app.inject()` drives it in tests without a socket. */
export async function buildHttpApp(vigie: Vigie, options: HttpOptions = {}): Promise<FastifyInstance> {
  const maxUploadBytes = options.maxUploadBytes ?? 1024 ** 3;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: maxUploadBytes });
  app.setErrorHandler(handleError);
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 20 } });
  registerEventRoutes(app, vigie);
  registerImportRoutes(app, vigie);
  registerMetaRoutes(app, vigie, openApiDocument(ROUTE_DOCS, options.version ?? '0.1.0'));
  return app;
}
