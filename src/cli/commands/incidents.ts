import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { VigieError } from '../../core/errors.ts';
import { t } from '../../i18n/t.ts';
import { incidentInputSchema } from '../../services/incident-input.ts';
import { parseInput } from '../../services/parse-input.ts';
import type { Vigie } from '../../services/vigie.ts';
import { withVigie } from '../context.ts';
import { readPassword } from '../credentials.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface AsUserOptions extends GlobalOptions {
  user?: string;
  password?: string;
}

/** Incident commands act as a signed-in user (`--user`), so the same access rules and audit apply as on the web. */
async function signIn(vigie: Vigie, io: Io, options: AsUserOptions, prompt: string) {
  const email = options.user ?? io.env['VIGIE_USER'];
  if (!email) throw new VigieError('BAD_USAGE', { reason: '--user EMAIL (or VIGIE_USER)' });
  const password = await readPassword(io, options.password, prompt);
  return vigie.protection.accounts.authenticate(email, password, 'cli');
}

const asUser = (c: Command) =>
  withGlobalOptions(c)
    .option('--user <email>', 'act as this user (or VIGIE_USER)')
    .option('--password <password>', 'password (or VIGIE_PASSWORD, a prompt, or stdin)');

export function incidentsCommand(program: Command, io: Io): void {
  const incidents = program.command('incidents').description('documented incidents of civilian harm');

  asUser(incidents.command('add <file>'))
    .description('record an incident from a JSON file (format: docs/INCIDENTS.md)')
    .action(async (file: string, options: AsUserOptions) => {
      let raw: unknown;
      try {
        raw = JSON.parse(await readFile(file, 'utf8'));
      } catch (error) {
        throw new VigieError('INPUT_REJECTED', {
          file,
          reason: error instanceof SyntaxError ? 'invalid JSON' : 'unreadable',
        });
      }
      const input = parseInput(incidentInputSchema, raw, 'VALIDATION_FAILED');
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const by = await signIn(vigie, io, options, t(locale, 'cli.users.passwordPrompt'));
        const result = await vigie.protection.recordIncident(by, input);
        if (json) return writeJson(io, result);
        io.stdout.write(
          `${t(locale, result.created ? 'cli.incidents.added' : 'cli.incidents.existing', { reference: result.reference, id: result.id })}\n`,
        );
      });
    });

  asUser(incidents.command('show <id>'))
    .description('one incident, as much as your role allows (the read is audited)')
    .action(async (id: string, options: AsUserOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const by = await signIn(vigie, io, options, t(locale, 'cli.users.passwordPrompt'));
        const detail = await vigie.protection.showIncident(by, id);
        if (json) return writeJson(io, detail);
        const lines = [
          `${detail.reference}  ${detail.date.from}${detail.date.to ? ` → ${detail.date.to}` : ''}  ${t(locale, `incident.status.${detail.status}`)}`,
          `  ${t(locale, 'cli.incidents.place')}: ${[detail.place.locationName, detail.place.admin2Pcode ?? detail.place.admin1Pcode].filter(Boolean).join(', ')}`,
          `  ${t(locale, 'cli.incidents.harms')}: ${detail.harmTypes.map((h) => t(locale, `incident.harm.${h}`)).join(', ')}`,
          `  ${t(locale, 'cli.incidents.victims')}: ${detail.victimCounts.reduce((s, c) => s + c.count, 0)}`,
        ];
        if (detail.narrative) lines.push('', detail.narrative);
        io.stdout.write(`${lines.join('\n')}\n`);
      });
    });

  asUser(incidents.command('list'))
    .description('incidents you may see, newest first')
    .option('--status <status>', 'reported, under_review, verified, not_verified or dismissed')
    .option('--limit <n>', 'at most n (default 50)', '50')
    .action(async (options: AsUserOptions & { status?: string; limit: string }) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const by = await signIn(vigie, io, options, t(locale, 'cli.users.passwordPrompt'));
        const page = await vigie.protection.listIncidents(by, {
          ...(options.status ? { status: options.status as never } : {}),
          limit: Math.min(500, Math.max(1, Number(options.limit) || 50)),
        });
        if (json) return writeJson(io, page);
        for (const i of page.incidents)
          io.stdout.write(
            `${i.reference}  ${i.date.from}  ${i.place.admin2Pcode ?? i.place.admin1Pcode ?? '—'}  ${t(locale, `incident.status.${i.status}`)}  ${i.id}\n`,
          );
        if (page.incidents.length === 0) io.stdout.write(`${t(locale, 'cli.incidents.none')}\n`);
      });
    });
}
