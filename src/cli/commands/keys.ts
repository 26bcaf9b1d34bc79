import type { Command } from 'commander';
import { t } from '../../i18n/t.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';
import { EXIT } from '../exit-codes.ts';

/** `vigie audit verify`, `vigie keys rotate`, `vigie wipe --duress`: the operator's security commands. */
export function securityCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  const audit = program.command('audit').description('the hash-chained audit log');
  withGlobalOptions(audit.command('verify'))
    .description('check the audit chain: any edit, deletion, insertion or reordering is found (exit 1 if so)')
    .action(async (options: GlobalOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const result = await vigie.protection.audit.verify();
        if (!result.ok) setExit(EXIT.failure);
        if (json) return writeJson(io, result);
        io.stdout.write(
          result.ok
            ? `${t(locale, 'cli.audit.ok', { entries: result.entries })}\n`
            : `${t(locale, 'cli.audit.broken', { seq: result.problem.seq, kind: t(locale, `cli.audit.kind.${result.problem.kind}`) })}\n`,
        );
      });
    });

  const keys = program.command('keys').description('the key-encryption key');
  withGlobalOptions(keys.command('rotate'))
    .description('new key-encryption key: every data key rewrapped, the key file replaced (back it up again)')
    .action(async (options: GlobalOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const result = await vigie.protection.rotateKeys();
        if (json) return writeJson(io, result);
        io.stdout.write(`${t(locale, 'cli.keys.rotated', { count: result.rewrapped })}\n`);
      });
    });

  withGlobalOptions(program.command('wipe'))
    .description(
      'crypto-erase every protected field now (keys and key file destroyed); counts and dates stay',
    )
    .requiredOption('--duress', 'confirm: this cannot be undone')
    .action(async (options: GlobalOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const result = await vigie.protection.wipe();
        if (json) return writeJson(io, result);
        io.stdout.write(`${t(locale, 'cli.wipe.done', result)}\n`);
      });
    });
}
