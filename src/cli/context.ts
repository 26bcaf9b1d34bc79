import { openVigie } from '../main.ts';
import type { Vigie } from '../services/vigie.ts';
import { localeOf, storageTarget, type GlobalOptions } from './options.ts';
import type { Io } from './output.ts';
import type { Locale } from '../i18n/t.ts';

export interface CommandContext {
  io: Io;
  locale: Locale;
  json: boolean;
}

/** The key file from --key-file or VIGIE_KEY_FILE (else openVigie's default beside the SQLite file). */
export function vigieOptions(options: GlobalOptions, env: NodeJS.ProcessEnv): { keyFile?: string } {
  const keyFile = options.keyFile ?? env['VIGIE_KEY_FILE'];
  return keyFile ? { keyFile } : {};
}

/** Opens the store named by the global options, runs the command, and always closes the store. */
export async function withVigie<T>(
  io: Io,
  options: GlobalOptions,
  run: (vigie: Vigie, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  const vigie = await openVigie(storageTarget(options, io.env), vigieOptions(options, io.env));
  try {
    return await run(vigie, { io, locale: localeOf(options, io.env), json: options.json === true });
  } finally {
    await vigie.close();
  }
}
