import { Command, CommanderError } from 'commander';
import { isVigieError } from '../core/errors.ts';
import { t } from '../i18n/t.ts';
import { drawdownCommand } from './commands/drawdown.ts';
import { eventsCommand } from './commands/events.ts';
import { exportCommand } from './commands/export.ts';
import { hotspotsCommand } from './commands/hotspots.ts';
import { forecastCommand } from './commands/forecast.ts';
import { areasCommand } from './commands/areas.ts';
import { alertRulesCommand } from './commands/alert-rules.ts';
import { alertsCommand } from './commands/alerts.ts';
import { incidentsCommand } from './commands/incidents.ts';
import { securityCommands } from './commands/keys.ts';
import { usersCommand } from './commands/users.ts';
import { importCommand } from './commands/import.ts';
import { serveCommand } from './commands/serve.ts';
import { smsCommand } from './commands/sms.ts';
import { statsCommand } from './commands/stats.ts';
import { trendsCommand } from './commands/trends.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { localeOf } from './options.ts';
import { processIo, writeJson, type Io } from './output.ts';

/** Parses argv, runs one command and returns the exit code (DESIGN §6); never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('vigie')
    .description('vigie — protection of civilians: conflict events, civilian harm, early warning')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();
  importCommand(program, io, (code) => (exitCode = code));
  statsCommand(program, io);
  eventsCommand(program, io);
  exportCommand(program, io);
  trendsCommand(program, io);
  hotspotsCommand(program, io);
  forecastCommand(program, io);
  areasCommand(program, io);
  alertRulesCommand(program, io);
  drawdownCommand(program, io);
  serveCommand(program, io);
  usersCommand(program, io);
  incidentsCommand(program, io);
  alertsCommand(program, io);
  smsCommand(program, io);
  securityCommands(program, io, (code) => (exitCode = code));
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const json = argv.includes('--json');
    const langIndex = argv.indexOf('--lang');
    const locale = localeOf({ lang: langIndex >= 0 ? argv[langIndex + 1] : undefined }, io.env);
    if (isVigieError(error)) {
      const message = t(locale, `error.${error.code}`, stringParams(error.details));
      if (json)
        writeJson(io, { error: { code: error.code, message, details: error.details, issues: error.issues } });
      io.stderr.write(`vigie: ${message}\n`);
      for (const i of error.issues.slice(0, 50)) {
        io.stderr.write(
          `  ${i.row > 0 ? `${i.row}: ` : ''}${t(locale, `issue.${i.code}`, i.params ?? {})} [${i.code}]\n`,
        );
      }
      return exitCodeFor(error.code);
    }
    io.stderr.write(
      `vigie: ${t(locale, 'error.INTERNAL')} ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.failure;
  }
}

function stringParams(details: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(details))
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return out;
}
