import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The real datasets live beside the repository, never inside it (ACLED's terms forbid redistribution). */
export const SHARED_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

/**
 * Path of a file under ../shared/data, or null when it is absent. Under CI a missing file is a failure, not a
 * skip: a green run must mean the real-data tests ran.
 */
export function sharedData(relativePath: string): string | null {
  const path = join(SHARED_DATA_DIR, relativePath);
  if (existsSync(path)) return path;
  if (process.env['CI']) throw new Error(`CI is set but the real dataset ${path} is missing`);
  console.warn(`skipping: ${path} is absent (tests on real data need ../shared beside the repository)`);
  return null;
}

/** True when the real data is present; use with `describe.skipIf(!hasSharedData)`. */
export const hasSharedData = ((): boolean => {
  if (existsSync(SHARED_DATA_DIR)) return true;
  if (process.env['CI']) throw new Error(`CI is set but ${SHARED_DATA_DIR} is missing`);
  console.warn(`skipping real-data tests: ${SHARED_DATA_DIR} is absent`);
  return false;
})();
