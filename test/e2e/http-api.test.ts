import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/http.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { REPO_ROOT } from '../support/cli.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';
import { hasSharedData, sharedData } from '../support/shared-data.ts';

function multipart(fileName: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----vigietest';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('HTTP API', () => {
  let database: TestDatabase;
  let vigie: Vigie;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = sqliteDatabase();
    const [sqlitePath] = database.cliArgs.slice(1);
    vigie = await openVigie({ sqlitePath: sqlitePath! });
    app = await signedInApp(vigie);
  });
  afterAll(async () => {
    await app.close();
    await vigie.close();
    await database.drop();
  });

  it('answers /healthz from the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', storage: 'sqlite' });
  });

  it('serves an OpenAPI document that matches the committed one', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/events', '/api/v1/stats', '/api/v1/imports']),
    );
    const committed = JSON.parse(readFileSync(resolve(REPO_ROOT, 'docs/openapi.json'), 'utf8'));
    // Regenerate with: npx tsx scripts/write-openapi.ts
    expect(doc).toEqual(committed);
  });

  it('rejects bad filters with a coded error', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/events?from=yesterday&lang=en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects a spreadsheet uploaded as CSV with its issue list and stores nothing', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Buffer.from('[Content_Types].xml xl/workbook.xml')]);
    const { payload, headers } = multipart('events.csv', zip);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=acled&lang=en',
      payload,
      headers,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.stored).toBe(false);
    expect(body.issues[0].code).toMatch(/FILE_IS_(SPREADSHEET|ZIP)/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/stats' })).json().events).toBe(0);
  });

  describe.skipIf(!hasSharedData)('with the real Mali file uploaded', () => {
    beforeAll(async () => {
      const csv = readFileSync(sharedData('acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv')!);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/imports?kind=acled',
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ inserted: 2916, stored: true });
    });

    it('pages through events with a cursor', async () => {
      const first = (await app.inject({ method: 'GET', url: '/api/v1/events?limit=1000' })).json();
      expect(first.events).toHaveLength(1000);
      const second = (
        await app.inject({ method: 'GET', url: `/api/v1/events?limit=1000&cursor=${first.nextCursor}` })
      ).json();
      expect(second.events[0].id).toBeGreaterThan(first.events[999].id);
    });

    it('filters by region name and civilian harm, and agrees with /stats', async () => {
      const stats = (
        await app.inject({ method: 'GET', url: '/api/v1/stats?admin1=Mopti&civilianOnly=true' })
      ).json();
      expect(stats.events).toBeGreaterThan(100);
      const csv = await app.inject({
        method: 'GET',
        url: '/api/v1/events?admin1=Mopti&civilianOnly=true&format=csv',
      });
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toContain('source_id');
      expect(csv.body.match(/^acled,/gm)).toHaveLength(stats.events);
    });

    it('downloads HXL-tagged CSV and GeoJSON', async () => {
      const hxl = await app.inject({ method: 'GET', url: '/api/v1/events?format=hxl&from=2019-06-01' });
      expect(hxl.body.split('\r\n')[1]).toContain('#event+id');
      const geo = (
        await app.inject({ method: 'GET', url: '/api/v1/events?format=geojson&from=2019-06-01' })
      ).json();
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features[0].geometry.type).toBe('Point');
    });

    it('lists the import in the history', async () => {
      const runs = (await app.inject({ method: 'GET', url: '/api/v1/imports' })).json().imports;
      expect(runs[0]).toMatchObject({ kind: 'events', status: 'committed', inserted: 2916 });
      expect(runs[0].fileSha256).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
