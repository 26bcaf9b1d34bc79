import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Vigie } from '../services/vigie.ts';
import { registerAuthentication } from './auth.ts';
import { handleError } from './errors.ts';
import { accountRouteDocs, registerAccountRoutes } from './routes/account.ts';
import { auditRouteDocs, registerAuditRoutes } from './routes/audit.ts';
import { authRouteDocs, registerAuthRoutes } from './routes/auth.ts';
import { incidentRouteDocs, registerIncidentRoutes } from './routes/incidents.ts';
import { alertRouteDocs, registerAlertRoutes } from './routes/alerts.ts';
import { registerSmsRoutes, smsRouteDocs } from './routes/sms.ts';
import { analysisRouteDocs, registerAnalysisRoutes } from './routes/analysis.ts';
import { drawdownRouteDocs, registerDrawdownRoutes } from './routes/drawdown.ts';
import { eventDetailRouteDocs, registerEventDetailRoutes } from './routes/event-detail.ts';
import { eventRouteDocs, registerEventRoutes } from './routes/events.ts';
import { hotspotRouteDocs, registerHotspotRoutes } from './routes/hotspots.ts';
import { alertRuleRouteDocs, registerAlertRuleRoutes } from './routes/alert-rules.ts';
import { forecastRouteDocs, registerForecastRoutes } from './routes/forecast.ts';
import { areaRouteDocs, registerAreaRoutes } from './routes/areas.ts';
import { geographyRouteDocs, registerGeographyRoutes } from './routes/geography.ts';
import { importRouteDocs, registerImportRoutes } from './routes/imports.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { publicRouteDocs, registerPublicRoutes } from './routes/public.ts';
import { registerTrendRoutes, trendRouteDocs } from './routes/trends.ts';
import { openApiDocument, type RouteDoc } from './route-registry.ts';
import { DEFAULT_WEB_DIST, registerWebBundle } from './web-bundle.ts';

export interface HttpOptions {
  /** Largest accepted upload, in bytes (default 1 GiB: a continent of ACLED events is ~0.5 GB). */
  maxUploadBytes?: number;
  logger?: boolean;
  version?: string;
  /** Folder of the built web app served at / (default web/dist of this checkout). */
  webDist?: string;
}

export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...authRouteDocs,
  ...accountRouteDocs,
  ...incidentRouteDocs,
  ...alertRouteDocs,
  ...smsRouteDocs,
  ...auditRouteDocs,
  ...eventRouteDocs,
  ...eventDetailRouteDocs,
  ...analysisRouteDocs,
  ...trendRouteDocs,
  ...hotspotRouteDocs,
  ...alertRuleRouteDocs,
  ...forecastRouteDocs,
  ...areaRouteDocs,
  ...drawdownRouteDocs,
  ...geographyRouteDocs,
  ...importRouteDocs,
  ...publicRouteDocs,
];

/** Builds the Fastify app around the use cases; `app.inject()` drives it in tests without a socket. */
export async function buildHttpApp(vigie: Vigie, options: HttpOptions = {}): Promise<FastifyInstance> {
  const maxUploadBytes = options.maxUploadBytes ?? 1024 ** 3;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: maxUploadBytes });
  app.setErrorHandler(handleError);
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 1, fields: 20 } });
  registerAuthentication(app, vigie);
  registerAuthRoutes(app, vigie);
  registerAccountRoutes(app, vigie);
  registerIncidentRoutes(app, vigie);
  registerAlertRoutes(app, vigie);
  registerSmsRoutes(app, vigie);
  registerAuditRoutes(app, vigie);
  registerEventRoutes(app, vigie);
  registerEventDetailRoutes(app, vigie);
  registerAnalysisRoutes(app, vigie);
  registerTrendRoutes(app, vigie);
  registerHotspotRoutes(app, vigie);
  registerAlertRuleRoutes(app, vigie);
  registerForecastRoutes(app, vigie);
  registerAreaRoutes(app, vigie);
  registerDrawdownRoutes(app, vigie);
  registerGeographyRoutes(app, vigie);
  registerImportRoutes(app, vigie);
  registerPublicRoutes(app, vigie);
  registerMetaRoutes(app, vigie, openApiDocument(ROUTE_DOCS, options.version ?? '0.1.0'));
  await registerWebBundle(app, options.webDist ?? DEFAULT_WEB_DIST);
  // The first overview would otherwise wait for the rollup to load; a failure here only delays that load.
  app.addHook('onReady', () => {
    vigie.warmUp().catch((error: unknown) => app.log.warn({ err: error }, 'warm-up failed'));
    return Promise.resolve();
  });
  return app;
}
