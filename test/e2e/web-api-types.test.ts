import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_JSON, renderWebApiTypes, WEB_API_SCHEMA } from '../../scripts/write-web-api-types.ts';

describe("the web app's API types", () => {
  it('are generated from the committed docs/openapi.json', async () => {
    const document = JSON.parse(readFileSync(OPENAPI_JSON, 'utf8')) as Parameters<
      typeof renderWebApiTypes
    >[0];
    const committed = readFileSync(WEB_API_SCHEMA, 'utf8');
    // Regenerate with: npm run generate:api (docs/openapi.json, then web/src/lib/api-schema.ts)
    expect(committed === (await renderWebApiTypes(document)), 'web/src/lib/api-schema.ts is stale').toBe(
      true,
    );
  });
});
