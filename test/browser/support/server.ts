import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { DIST_DIR } from '../../../scripts/build-web.mjs';
import { buildHttpApp } from '../../../src/http/app.ts';
import { fileSource } from '../../../src/importers/read/byte-source.ts';
import { openVigie, type VigieOptions } from '../../../src/main.ts';
import type { Vigie } from '../../../src/services/vigie.ts';
import { REPO_ROOT } from '../../support/cli.ts';
import { sharedData } from '../../support/shared-data.ts';

export const MALI_ACLED = 'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv';
export const MALI_ADM2 = 'mali-boundaries-ocha/mali_adm2.geojson';
export const MINUSMA_BASES = 'minusma-bases/minusma_bases_2023.csv';

/** The administrator every test server starts with (created as `vigie users add --admin` would). */
export const TEST_ADMIN = { email: 'admin@vigie.test', password: 'browser-tests-admin-password' };
export const TEST_ORGANISATION = 'Vigie test organisation';

export interface TestServer {
  url: string;
  vigie: Vigie;
  /** Headers for the tests' own API calls: the admin's bearer token (every /api/v1 path needs one now). */
  auth: Record<string, string>;
  /** Signs a browser context in (the admin by default) through POST /api/v1/auth/login, setting its cookies. */
  signIn(context: BrowserContext, who?: { email: string; password: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real server (the same Fastify app `vigie serve` runs) on a fresh SQLite file and a free port, with the web
 * bundle built. With `realData`, the Mali ACLED export, OCHA cercles and MINUSMA bases are imported first.
 */
export async function startServer(options: {
  realData: boolean;
  /** e.g. `alerts`: SMS gateway secrets, so tests can post to the SMS webhooks. */
  vigie?: VigieOptions;
}): Promise<TestServer> {
  await buildWebBundle();
  const dir = mkdtempSync(join(tmpdir(), 'vigie-browser-'));
  const vigie = await openVigie({ sqlitePath: join(dir, 'vigie.db') }, options.vigie ?? {});
  if (options.realData) await importMaliData(vigie);
  const accounts = vigie.protection.accounts;
  await accounts.addUser('cli', { ...TEST_ADMIN, role: 'admin', organisation: TEST_ORGANISATION });
  const admin = await accounts.authenticate(TEST_ADMIN.email, TEST_ADMIN.password, '127.0.0.1');
  const { token } = await accounts.createToken(admin, 'browser tests', true, 1);
  const app = await buildHttpApp(vigie, { webDist: DIST_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    vigie,
    auth: { authorization: `Bearer ${token}` },
    signIn: (context, who = TEST_ADMIN) => signIn(url, context, who),
    async close() {
      await app.close();
      await vigie.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The session and CSRF cookies of a real sign-in, handed to the browser context. */
async function signIn(
  url: string,
  context: BrowserContext,
  who: { email: string; password: string },
): Promise<void> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${who.email} answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((line) => {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    return {
      name: pair.slice(0, eq),
      value: decodeURIComponent(pair.slice(eq + 1)),
      url,
      httpOnly: /;\s*HttpOnly/i.test(line),
      sameSite: 'Strict' as const,
    };
  });
  await context.clearCookies();
  await context.addCookies(cookies);
}

/**
 * `node scripts/build-web.mjs --if-stale` in its own process, as `npm start` runs it: the bundle under test is
 * the production build, whatever this process's NODE_ENV (vitest's is "test").
 */
async function buildWebBundle(): Promise<void> {
  const env = { ...process.env };
  delete env['NODE_ENV'];
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts/build-web.mjs'), '--if-stale'], {
    cwd: REPO_ROOT,
    env,
    timeout: 240_000,
  });
}

async function importMaliData(vigie: Vigie): Promise<void> {
  const acled = await vigie.importFile('acled', fileSource(sharedData(MALI_ACLED)!), {});
  if (!acled.stored) throw new Error(`ACLED import rejected: ${JSON.stringify(acled.issues.slice(0, 3))}`);
  const adm2 = await vigie.importFile('boundaries', fileSource(sharedData(MALI_ADM2)!), {
    level: 2,
    set: 'cod-ab-2017',
  });
  if (!adm2.stored) throw new Error(`boundaries import rejected: ${JSON.stringify(adm2.issues.slice(0, 3))}`);
  const bases = await vigie.importFile('bases', fileSource(sharedData(MINUSMA_BASES)!), {});
  if (!bases.stored) throw new Error(`bases import rejected: ${JSON.stringify(bases.issues.slice(0, 3))}`);
}
