import type { Command } from 'commander';
import { VigieError } from '../../core/errors.ts';
import { t, type Locale } from '../../i18n/t.ts';
import { parseScanParams } from '../../services/alert-rules-schema.ts';
import { firingsOfScan } from '../../services/alert-scan.ts';
import { alertInputSchema, closeSchema } from '../../services/alerts-input.ts';
import type { AlertDetail } from '../../services/alerts-detail.ts';
import { parseInput } from '../../services/parse-input.ts';
import type { AlertRecord } from '../../services/ports/alert-port.ts';
import type { Vigie } from '../../services/vigie.ts';
import { withVigie } from '../context.ts';
import { readPassword } from '../credentials.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

interface AsUserOptions extends GlobalOptions {
  user?: string;
  password?: string;
}

/** Alert commands act as a signed-in user (`--user`), like `vigie incidents`: same access rules and audit. */
async function signIn(vigie: Vigie, io: Io, options: AsUserOptions, locale: Locale) {
  const email = options.user ?? io.env['VIGIE_USER'];
  if (!email) throw new VigieError('BAD_USAGE', { reason: '--user EMAIL (or VIGIE_USER)' });
  const password = await readPassword(io, options.password, t(locale, 'cli.users.passwordPrompt'));
  return vigie.protection.accounts.authenticate(email, password, 'cli');
}

const asUser = (c: Command) =>
  withGlobalOptions(c)
    .option('--user <email>', 'act as this user (or VIGIE_USER)')
    .option('--password <password>', 'password (or VIGIE_PASSWORD, a prompt, or stdin)');

const hours = (seconds: number | null) => (seconds === null ? '—' : `${(seconds / 3600).toFixed(1)} h`);

function line(locale: Locale, a: AlertRecord): string {
  const area = a.placeName ?? a.placeCode ?? a.admin2Pcode ?? a.admin1Pcode ?? '—';
  return `${a.reference}  ${t(locale, `alert.state.${a.state}`)}  ${t(locale, `alert.severity.${a.severity}`)}  ${area}  ${a.deadline}  ${a.id}`;
}

function detailLines(locale: Locale, d: AlertDetail): string[] {
  const a = d.alert;
  const harm =
    a.harm === 'armed_attack' || a.harm === 'unspecified'
      ? `alert.harm.${a.harm}`
      : `incident.harm.${a.harm}`;
  return [
    line(locale, a),
    `  ${t(locale, harm)}${a.peopleCount !== null ? ` (${a.peopleCount})` : ''}`,
    `  ${t(locale, 'cli.alerts.response')}: ${a.requiredResponse}`,
    `  ${t(locale, 'cli.alerts.owner')}: ${a.ownerId ?? '—'}  ${t(locale, 'cli.alerts.deadline')}: ${a.deadline}`,
    `  ${t(locale, 'cli.alerts.timings', { ack: hours(d.timings.toAcknowledge), respond: hours(d.timings.toRespond) })}`,
    `  ${t(locale, 'cli.alerts.timeline')}:`,
    ...d.timeline.map(
      (s) => `    ${s.at}  ${s.action} → ${t(locale, `alert.state.${s.state}`)}  ${s.by ?? 'sms'}`,
    ),
    ...(d.evidenceText ? ['', d.evidenceText] : []),
    ...d.messages.filter((m) => m.text !== null).map((m) => `  SMS ${m.receivedAt}: ${m.text}`),
  ];
}

export function alertsCommand(program: Command, io: Io): void {
  const alerts = program.command('alerts').description('alerts and the response loop; community SMS triage');

  asUser(alerts.command('list'))
    .description('alerts you may see, newest first')
    .option('--state <states>', 'comma-separated: open, acknowledged, responding, closed')
    .option('--limit <n>', 'at most n (default 50)', '50')
    .action(async (options: AsUserOptions & { state?: string; limit: string }) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const by = await signIn(vigie, io, options, locale);
        const states = options.state?.split(',') as never;
        const page = await vigie.alerts.list(by, {
          ...(states ? { states } : {}),
          limit: Math.min(500, Math.max(1, Number(options.limit) || 50)),
        });
        if (json) return writeJson(io, page);
        for (const a of page.alerts) io.stdout.write(`${line(locale, a)}\n`);
        if (page.alerts.length === 0) io.stdout.write(`${t(locale, 'cli.alerts.none')}\n`);
      });
    });

  asUser(alerts.command('show <id>'))
    .description('one alert with its timeline and timings (evidence for monitors and admins; audited)')
    .action(async (id: string, options: AsUserOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const detail = await vigie.alerts.show(await signIn(vigie, io, options, locale), id);
        if (json) return writeJson(io, detail);
        io.stdout.write(`${detailLines(locale, detail).join('\n')}\n`);
      });
    });

  for (const [name, action, description] of [
    ['ack', 'acknowledge', 'acknowledge an alert (you become its owner if it has none)'],
    ['respond', 'respond', 'record that the response has started'],
    ['close', 'close', 'close an alert with its outcome'],
  ] as const) {
    const command = asUser(alerts.command(`${name} <id>`)).description(description);
    if (action === 'close')
      command
        .requiredOption(
          '--outcome <outcome>',
          'action_taken, referred, no_action_possible, false_alarm or duplicate',
        )
        .option('--note <text>', 'a closing note (sealed; monitors and admins read it)');
    command.action(async (id: string, options: AsUserOptions & { outcome?: string; note?: string }) => {
      const close =
        action === 'close'
          ? parseInput(
              closeSchema,
              { outcome: options.outcome, ...(options.note ? { note: options.note } : {}) },
              'BAD_USAGE',
            )
          : undefined;
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const alert = await vigie.alerts.move(await signIn(vigie, io, options, locale), id, action, close);
        if (json) return writeJson(io, alert);
        io.stdout.write(
          `${t(locale, 'cli.alerts.moved', { reference: alert.reference, state: t(locale, `alert.state.${alert.state}`) })}\n`,
        );
      });
    });
  }

  asUser(alerts.command('create'))
    .description('raise an alert by hand')
    .requiredOption('--pcode <pcode>', 'the area: admin-1/2/3 P-code (e.g. ML0704)')
    .option('--area-name <name>', 'the area as people call it')
    .requiredOption('--severity <severity>', 'low, medium, high or critical')
    .requiredOption('--response <text>', 'the response required')
    .option('--harm <code>', 'what happened (incident harm codes, armed_attack, unspecified)', 'unspecified')
    .option('--count <n>', 'people affected')
    .option('--deadline <iso>', 'respond by (default by severity: 6 h critical … 7 days low)')
    .option('--owner <userId>', 'who must act')
    .option('--evidence <text>', 'what is known (sealed)')
    .option('--event <ids>', 'comma-separated event ids as evidence')
    .action(async (o: AsUserOptions & Record<string, string | undefined>) => {
      const input = parseInput(
        alertInputSchema,
        {
          area: { pcode: o['pcode'], ...(o['areaName'] ? { name: o['areaName'] } : {}) },
          severity: o['severity'],
          harm: o['harm'],
          requiredResponse: o['response'],
          ...(o['count'] ? { peopleCount: Number(o['count']) } : {}),
          ...(o['deadline'] ? { deadline: o['deadline'] } : {}),
          ...(o['owner'] ? { ownerId: o['owner'] } : {}),
          evidence: {
            ...(o['evidence'] ? { text: o['evidence'] } : {}),
            events: o['event'] ? o['event'].split(',').map(Number) : [],
          },
        },
        'BAD_USAGE',
      );
      await withVigie(io, o, async (vigie, { locale, json }) => {
        const r = await vigie.alerts.create(await signIn(vigie, io, o, locale), input);
        if (json) return writeJson(io, r);
        const key = r.created ? 'cli.alerts.created' : 'cli.alerts.existing';
        io.stdout.write(`${t(locale, key, { reference: r.alert.reference, id: r.alert.id })}\n`);
      });
    });

  asUser(alerts.command('triage'))
    .description('community messages that did not parse (monitors and admins; audited)')
    .option('--dismiss <id>', 'dismiss this message')
    .action(async (options: AsUserOptions & { dismiss?: string }) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const by = await signIn(vigie, io, options, locale);
        if (options.dismiss)
          return writeJson(io, await vigie.alerts.resolveTriage(by, options.dismiss, { action: 'dismiss' }));
        const items = await vigie.alerts.triage(by, 200);
        if (json) return writeJson(io, items);
        for (const m of items)
          io.stdout.write(
            `${m.receivedAt}  ${m.sender}  [${m.parse.reasons.join(',')}]  ${m.text ?? '—'}  ${m.id}\n`,
          );
        if (items.length === 0) io.stdout.write(`${t(locale, 'cli.alerts.triageEmpty')}\n`);
      });
    });

  withGlobalOptions(alerts.command('notify'))
    .description('send the notifications that are due (retries of failed webhooks and e-mails)')
    .action(async (options: GlobalOptions) => {
      await withVigie(io, options, async (vigie, { locale }) => {
        await vigie.alerts.sendDue();
        io.stderr.write(`${t(locale, 'cli.alerts.notified')}\n`);
      });
    });

  asUser(alerts.command('scan'))
    .description(
      'run the alert rules on the latest month (or --month) and open one alert per unit that fires',
    )
    .option('--month <YYYY-MM>', 'month to scan (default: the last month with data)')
    .option('--unit <unit>', 'admin1 (default) or admin2')
    .option(
      '--outcome <outcome>',
      'civilian-fatalities (default), civilian-events, or all political-violence fatalities or events',
    )
    .option('--source <source>', 'events (default) or aggregates (ACLED monthly admin-2 aggregates)')
    .action(
      async (
        options: AsUserOptions & { month?: string; unit?: string; outcome?: string; source?: string },
      ) => {
        const { month, unit, outcome, source } = options;
        const params = parseScanParams(
          Object.fromEntries(
            Object.entries({ month, unit, outcome, source }).filter(([, v]) => v !== undefined),
          ),
          'BAD_USAGE',
        );
        await withVigie(io, options, async (vigie, { locale, json }) => {
          const by = await signIn(vigie, io, options, locale);
          const scan = await vigie.scanAlertRules({ ...params, language: locale });
          const result = await vigie.alerts.createAlertsFromFirings(by, firingsOfScan(scan));
          if (json)
            return writeJson(io, { month: scan.month, created: result.created, existing: result.existing });
          for (const a of result.created) io.stdout.write(`${line(locale, a)}\n`);
          io.stdout.write(
            `${t(locale, 'cli.alerts.scanned', { month: scan.month, created: result.created.length, existing: result.existing.length })}\n`,
          );
        });
      },
    );
}
