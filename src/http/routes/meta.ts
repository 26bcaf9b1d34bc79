import type { FastifyInstance } from 'fastify';
import type { Vigie } from '../../services/vigie.ts';

/** Health for monitors and load balancers, and the API's own description. */
export function registerMetaRoutes(
  app: FastifyInstance,
  vigie: Vigie,
  openApi: Record<string, unknown>,
): void {
  app.get('/healthz', async () => {
    // A health answer that never touches the database would report a dead store as healthy.
    await vigie.stats({ from: '9999-01-01' });
    return { status: 'ok', storage: vigie.storageDescription.split(':')[0] };
  });

  app.get('/api/openapi.json', () => openApi);

  app.get('/api/docs', (_request, reply) => {
    void reply.type('text/html; charset=utf-8').send(docsPage(openApi));
  });
}

/** A self-contained page (no CDN is reachable offline) listing every operation with its parameters. */
function docsPage(openApi: Record<string, unknown>): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const paths = openApi['paths'] as Record<
    string,
    Record<string, { summary: string; parameters: Array<{ name: string; required: boolean }> }>
  >;
  const items = Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) =>
          `<section><h2><code>${method.toUpperCase()} ${escape(path)}</code></h2><p>${escape(op.summary)}</p>` +
          (op.parameters.length > 0
            ? `<ul>${op.parameters.map((p) => `<li><code>${escape(p.name)}</code>${p.required ? ' (required)' : ''}</li>`).join('')}</ul>`
            : '') +
          '</section>',
      ),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vigie API</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2rem}</style>
</head><body><h1>vigie API</h1><p>Machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${items}</body></html>`;
}
