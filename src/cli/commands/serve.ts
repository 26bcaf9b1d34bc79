import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { buildHttpApp } from '../../http/app.ts';
import { t } from '../../i18n/t.ts';
import { openVigie } from '../../main.ts';
import { vigieOptions } from '../context.ts';
import { localeOf, storageTarget, withGlobalOptions, type GlobalOptions } from '../options.ts';
import type { Io } from '../output.ts';

interface ServeOptions extends GlobalOptions {
  host: string;
  port: string;
}

export function serveCommand(program: Command, io: Io): void {
  withGlobalOptions(program.command('serve'))
    .description('run the web application and the HTTP API')
    // Loopback by default: a field laptop must not expose victims' records to the café's Wi-Fi (DESIGN §8).
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', '8080')
    .action(async (options: ServeOptions) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new VigieError('BAD_USAGE', { reason: `--port takes 0–65535, not "${options.port}"` });
      }
      const vigie = await openVigie(storageTarget(options, io.env), vigieOptions(options, io.env));
      const app = await buildHttpApp(vigie);
      const address = await app.listen({ host: options.host, port });
      const locale = localeOf(options, io.env);
      io.stdout.write(`${t(locale, 'cli.serve.listening', { url: address })}\n`);
      if (!(await vigie.protection.accounts.hasUsers()))
        io.stdout.write(`${t(locale, 'cli.serve.noUsers')}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await app.close();
      await vigie.close();
    });
}
