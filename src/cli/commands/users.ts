import { Option, type Command } from 'commander';
import { ROLES, type Role } from '../../core/access.ts';
import { VigieError } from '../../core/errors.ts';
import { t } from '../../i18n/t.ts';
import { withVigie } from '../context.ts';
import { readPassword } from '../credentials.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface UsersAddOptions extends GlobalOptions {
  email: string;
  admin?: boolean;
  role?: Role;
  organisation?: string;
  name?: string;
  regions?: string;
  password?: string;
}

/**
 * `vigie users add`: the way the first administrator is created (`--admin --email E`), and any user after.
 * Whoever runs it holds the database and its key file, so the command line acts with full rights.
 */
export function usersCommand(program: Command, io: Io): void {
  const users = program.command('users').description('people and access');
  withGlobalOptions(users.command('add'))
    .description(
      'add a user (the first one with --admin); the password comes from a prompt, stdin or --password',
    )
    .requiredOption('--email <email>', 'e-mail, used to sign in')
    .option('--admin', 'administrator (same as --role admin)')
    .addOption(new Option('--role <role>', 'role').choices([...ROLES]))
    .option('--organisation <name>', 'organisation (created if new; default "vigie")')
    .option('--name <name>', 'display name')
    .option('--regions <codes>', 'comma-separated admin-1 codes the user works on (default: all)')
    .option(
      '--password <password>',
      'password (prefer the prompt or stdin: command lines end up in shell history)',
    )
    .action(async (options: UsersAddOptions) => {
      const role: Role = options.admin ? 'admin' : (options.role ?? 'viewer');
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const password = await readPassword(io, options.password, t(locale, 'cli.users.passwordPrompt'));
        const regions = (options.regions ?? '')
          .split(',')
          .map((r) => r.trim())
          .filter((r) => r !== '');
        const user = await vigie.protection.accounts.addUser('cli', {
          email: options.email,
          password,
          role,
          organisation: options.organisation ?? 'vigie',
          regions,
          ...(options.name ? { displayName: options.name } : {}),
        });
        if (json) return writeJson(io, user);
        io.stdout.write(
          `${t(locale, 'cli.users.added', { email: user.email, role: user.role, organisation: user.organisationName })}\n`,
        );
      });
    });

  withGlobalOptions(users.command('list'))
    .description('every user, with organisation, role, regions and whether disabled')
    .action(async (options: GlobalOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const all = await vigie.protection.accountAdmin.users('cli');
        if (json) return writeJson(io, all);
        for (const u of all)
          io.stdout.write(
            `${u.email}  ${u.role}  ${u.organisationName}  ${u.regions.join(',') || t(locale, 'cli.users.allRegions')}${u.disabled ? `  (${t(locale, 'cli.users.disabled')})` : ''}\n`,
          );
      });
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    withGlobalOptions(users.command(name))
      .description(
        disabled
          ? 'disable a user now: their sessions end and their tokens stop working'
          : 'enable a disabled user',
      )
      .requiredOption('--email <email>', 'the user')
      .action(async (options: GlobalOptions & { email: string }) => {
        await withVigie(io, options, async (vigie, { locale, json }) => {
          const user = (await vigie.protection.accountAdmin.users('cli')).find(
            (u) => u.email === options.email.trim().toLowerCase(),
          );
          if (!user) throw new VigieError('NOT_FOUND');
          const updated = await vigie.protection.accountAdmin.updateUser('cli', user.id, { disabled });
          if (json) return writeJson(io, updated);
          io.stdout.write(
            `${t(locale, disabled ? 'cli.users.disabledDone' : 'cli.users.enabledDone', { email: updated.email })}\n`,
          );
        });
      });
  }
}
