#!/usr/bin/env node
/* global process, console, setTimeout */
/**
 * Builds the web app (web/ → web/dist) with Vite.
 *
 *   node scripts/build-web.mjs              build now
 *   node scripts/build-web.mjs --if-stale   build only when web/dist is missing or older than its sources
 *
 * `npm start` runs the second form first, so a checkout serves an up-to-date app without a manual step; the
 * browser tests call ensureWebBundle() for the same reason. The bundle is written to a temporary folder and
 * moved into place, so a running server never serves half a build, and a lock folder keeps two processes
 * (two test workers, a test and `npm start`) from building at once.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../web');
export const DIST_DIR = join(WEB_DIR, 'dist');
const LOCK_DIR = join(WEB_DIR, '.build-lock');
const LOCK_STALE_MS = 5 * 60_000;
const SOURCES = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json', 'public'];

function newestSource(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, entry)));
  return newest;
}

/** True when web/dist is missing or any source file is newer than its index.html. */
export function webBundleIsStale() {
  const index = join(DIST_DIR, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newestSource(join(WEB_DIR, s)) > built);
}

async function withLock(action) {
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      if (
        Date.now() - statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs > LOCK_STALE_MS ||
        Date.now() > deadline
      )
        rmSync(LOCK_DIR, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await action();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** Builds web/dist when asked to (force) or when it is stale; returns whether it built. */
export async function ensureWebBundle({ force = false, quiet = false } = {}) {
  if (!force && !webBundleIsStale()) return { built: false, dir: DIST_DIR };
  return withLock(async () => {
    // Another process may have built it while this one waited for the lock.
    if (!force && !webBundleIsStale()) return { built: false, dir: DIST_DIR };
    const { build } = await import('vite');
    const temporary = join(WEB_DIR, `.dist-${process.pid}`);
    rmSync(temporary, { recursive: true, force: true });
    // Vite builds React's development version when NODE_ENV says so (vitest sets it to "test").
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: WEB_DIR,
        configFile: join(WEB_DIR, 'vite.config.ts'),
        mode: 'production',
        logLevel: quiet ? 'warn' : 'info',
        build: { outDir: temporary, emptyOutDir: true },
      });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    rmSync(DIST_DIR, { recursive: true, force: true });
    renameSync(temporary, DIST_DIR);
    return { built: true, dir: DIST_DIR };
  });
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    const { built } = await ensureWebBundle({ force: !ifStale });
    if (!built) console.error('web/dist is up to date');
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
