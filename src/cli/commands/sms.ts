import type { Command } from 'commander';
import { t } from '../../i18n/t.ts';
import { withVigie } from '../context.ts';
import { withGlobalOptions, type GlobalOptions } from '../options.ts';
import { writeJson, type Io } from '../output.ts';

/**
 * `vigie sms send-pending`: one pass over the acknowledgement outbox, for deployments that run it from cron
 * rather than (or beside) `vigie serve`, whose worker does the same continuously. Rows another process is
 * sending are left to it; retries not yet due wait for a later run. Needs the Africa's Talking API settings.
 */
export function smsCommand(program: Command, io: Io): void {
  const sms = program
    .command('sms')
    .description("community SMS: acknowledgements to Africa's Talking senders");
  withGlobalOptions(sms.command('send-pending'))
    .description('send the acknowledgements that are due (pending and retries), once')
    .action(async (options: GlobalOptions) => {
      await withVigie(io, options, async (vigie, { locale, json }) => {
        const report = await vigie.alerts.sendPendingAcknowledgements();
        if (json) return writeJson(io, report);
        io.stdout.write(
          `${t(locale, 'cli.sms.sendPending', {
            attempted: report.attempted,
            sent: report.sent,
            retrying: report.retrying,
            failed: report.failed,
          })}\n`,
        );
        io.stdout.write(
          `${t(locale, 'cli.sms.outbox', {
            pending: report.totals.pending,
            sent: report.totals.sent,
            failed: report.totals.failed,
          })}\n`,
        );
      });
    });
}
