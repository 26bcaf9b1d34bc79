import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApp } from '../../src/http/app.ts';
import { signedInApp } from '../support/http.ts';
import { openVigie } from '../../src/main.ts';
import type { Vigie } from '../../src/services/vigie.ts';
import { sqliteDatabase, type TestDatabase } from '../support/databases.ts';

/** A fresh install: the map already knows Mali's regions and the 2023 withdrawal; the web app is served at /. */
describe('fresh install over HTTP', () => {
  let database: TestDatabase;
  let vigie: Vigie;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  const dist = mkdtempSync(join(tmpdir(), 'vigie-dist-'));

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>vigie app</title>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    database = sqliteDatabase();
    vigie = await openVigie({ sqlitePath: database.cliArgs[1]! });
    app = await signedInApp(vigie, { webDist: dist });
    bare = await buildHttpApp(vigie, { webDist: join(dist, 'not-built') });
  });
  afterAll(async () => {
    await app.close();
    await bare.close();
    await vigie.close();
    await database.drop();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('shows Mali’s Natural Earth regions at level 1 and no level 2, with cache headers', async () => {
    const res = await get('/api/v1/boundaries?level=1&country=mli&lang=fr');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(9);
    const timbuktu = body.features.find(
      (f: { properties: { code: string } }) => f.properties.code === 'ML-TT',
    );
    expect(timbuktu.properties).toEqual({
      code: 'ML-TT',
      name: 'Tombouctou',
      level: 1,
      set: 'ne-admin1',
      parentCode: 'MLI',
    });
    // Rounded to 4 decimals.
    const first = timbuktu.geometry.coordinates.flat(3)[0] as number;
    expect(Math.round(first * 1e4) / 1e4).toBe(first);
    const again = await get('/api/v1/boundaries?level=1&country=MLI&lang=fr', {
      'if-none-match': String(res.headers['etag']),
    });
    expect(again.statusCode).toBe(304);
    expect((await get('/api/v1/boundaries?level=2')).json()).toEqual({
      type: 'FeatureCollection',
      features: [],
    });
  });

  it('shows the 2023 MINUSMA sites when no bases were imported', async () => {
    const { bases } = (await get('/api/v1/bases')).json();
    expect(bases).toHaveLength(16);
    expect(bases.filter((b: { withdrawal2023: boolean }) => b.withdrawal2023)).toHaveLength(13);
    expect(bases.find((b: { name: string }) => b.name === 'Kidal')).toMatchObject({
      closedOn: '2023-10-31',
      dateQuality: 'reported',
      origin: 'facts',
    });
  });

  it('answers empty aggregates, maps, points and coverage on an empty store', async () => {
    expect((await get('/api/v1/aggregates?by=month&group=perpetrator&civilianOnly=true')).json()).toEqual({
      by: 'month',
      group: 'perpetrator',
      answeredBy: 'rollup',
      series: [],
      keys: [],
      periods: [],
    });
    expect((await get('/api/v1/map?unit=h3:6')).json()).toMatchObject({ cells: [], excludedCoarse: 0 });
    expect((await get('/api/v1/events/points')).json()).toMatchObject({
      type: 'FeatureCollection',
      features: [],
      truncated: false,
    });
    expect((await get('/api/v1/coverage')).json()).toEqual({ sources: [], aggregates: [] });
  });

  it('rejects bad parameters with coded errors and unknown events with NOT_FOUND', async () => {
    for (const url of [
      '/api/v1/aggregates?by=week',
      '/api/v1/aggregates?group=actor',
      '/api/v1/map?unit=h3:9',
      '/api/v1/map?measure=deaths',
      '/api/v1/boundaries?level=3',
      '/api/v1/events/points?limit=20001',
      '/api/v1/events/abc',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    const missing = await get('/api/v1/events/424242?lang=en');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'NOT_FOUND', message: 'Not found.' });
  });

  it('serves the web app at / with a fallback to index.html for client-side routes', async () => {
    const index = await get('/');
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('vigie app');
    expect(index.headers['cache-control']).toBe('no-cache');
    const route = await get('/map?from=2019-01');
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
    expect(route.body).toContain('vigie app');
    const asset = await get('/assets/app-1234.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await get('/assets/missing-5678.js')).statusCode).toBe(404);
    const api = await get('/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('NOT_FOUND');
    expect((await app.inject({ method: 'POST', url: '/map' })).statusCode).toBe(404);
  });

  it('explains how to build the web app when its bundle is missing', async () => {
    const res = await bare.inject({ method: 'GET', url: '/events', headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('npm run build:web');
    expect((await bare.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('asks anonymous callers to sign in, except for public geography, the public release and sign-in', async () => {
    for (const url of [
      '/api/v1/stats',
      '/api/v1/events',
      '/api/v1/incidents',
      '/api/v1/aggregates',
      '/api/v1/nothing-here',
    ]) {
      const res = await bare.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    for (const url of [
      '/api/v1/boundaries?level=1',
      '/api/v1/bases',
      '/api/v1/public/incidents',
      '/api/v1/auth/me',
    ])
      expect((await bare.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    expect((await bare.inject({ method: 'GET', url: '/api/v1/auth/me' })).json()).toEqual({
      user: null,
      setupNeeded: false,
    });
  });
});
