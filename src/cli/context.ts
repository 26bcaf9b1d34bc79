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

/** Opens the store named by the global options, runs the command, and always closes the store. */
export async function withVigie<T>(
  io: Io,
  options: GlobalOptions,
  run: (vigie: Vigie, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  const keyFile = options.keyFile ?? io.env['VIGIE_KEY_FILE'];
  const vigie = await openVigie(storageTarget(options, io.env), keyFile ? { keyFile } : {});
  try {
    return await run(vigie, { io, locale: localeOf(options, io.env), json: options.json === true });
  } finally {
    await vigie.close();
  }
}
