import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/output.ts';
import { sharedData } from './shared-data.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process (fast: no tsx start-up), with captured streams. */
export async function cli(args: string[], stdin = ''): Promise<CliResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  const io: Io = {
    stdout: out,
    stderr: err,
    stdin: Readable.from([Buffer.from(stdin)]),
    env: { ...process.env, VIGIE_LANG: 'en' },
    interactive: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** Runs `bin/vigie.mjs` as a real subprocess, as a user would. */
export function cliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [resolve(REPO_ROOT, 'bin/vigie.mjs'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, VIGIE_LANG: 'en', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

/** The real Mali ACLED export most real-data tests start from (../shared/data; never copied into the repo). */
export const MALI_ACLED = 'acled-mali/smose94_acled_mali_1997-01_to_2019-06.csv';

/** Imports the real Mali export into the store named by `cliArgs` (`--db FILE` or `--database-url URL`). */
export async function importMaliAcled(cliArgs: readonly string[]): Promise<void> {
  const path = sharedData(MALI_ACLED);
  if (path === null)
    throw new Error(`${MALI_ACLED} is absent: guard the suite with describe.skipIf(!hasSharedData)`);
  const result = await cli(['import', 'acled', path, ...cliArgs]);
  if (result.code !== 0) throw new Error(`importing ${MALI_ACLED} failed (${result.code}): ${result.stderr}`);
}
