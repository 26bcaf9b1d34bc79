/** Writes docs/openapi.json from the route schemas; the HTTP test fails when the committed copy is stale. */
import { writeFileSync } from 'node:fs';
import { ROUTE_DOCS } from '../src/http/app.ts';
import { openApiDocument } from '../src/http/route-registry.ts';

writeFileSync(
  new URL('../docs/openapi.json', import.meta.url),
  `${JSON.stringify(openApiDocument(ROUTE_DOCS, '0.1.0'), null, 2)}\n`,
);
