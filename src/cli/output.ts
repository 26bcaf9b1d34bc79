import type { RowIssue } from '../core/issues.ts';
import { t, type Locale } from '../i18n/t.ts';
import type { ByteSource } from '../services/vigie.ts';

/** Where a command writes: results to stdout, progress and messages to stderr (DESIGN §6). */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal: progress bars redraw in place only then. */
  interactive: boolean;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    interactive: Boolean(process.stderr.isTTY),
  };
}

export function writeJson(io: Io, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function issueMessage(locale: Locale, i: RowIssue): string {
  return t(locale, `issue.${i.code}`, i.params ?? {});
}

/** Issues as the JSON contract prints them: row, column, code and the localised message. */
export function issuesForJson(locale: Locale, issues: readonly RowIssue[]) {
  return issues.map((i) => ({
    row: i.row,
    column: i.column,
    code: i.code,
    message: issueMessage(locale, i),
  }));
}

export function printIssues(
  io: Io,
  locale: Locale,
  issues: readonly RowIssue[],
  total: number,
  limit = 50,
): void {
  for (const i of issues.slice(0, limit)) {
    io.stderr.write(
      `  ${t(locale, 'cli.import.issue', { row: i.row, column: i.column ?? '—', message: issueMessage(locale, i), code: i.code })}\n`,
    );
  }
  if (total > limit) io.stderr.write(`  ${t(locale, 'cli.import.moreIssues', { count: total - limit })}\n`);
}

/**
 * A progress bar on stderr, by bytes read when the file's size is known: redrawn in place on a terminal, one
 * line every few seconds otherwise (so logs of CI or a cron job stay short).
 */
export function progressBar(io: Io, totalBytes: number | null) {
  let bytes = 0;
  let records = 0;
  let last = 0;
  const draw = (force: boolean) => {
    const now = Date.now();
    if (!force && now - last < (io.interactive ? 200 : 5000)) return;
    last = now;
    const share = totalBytes ? Math.min(1, bytes / totalBytes) : null;
    const bar =
      share === null
        ? ''
        : `[${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}] ${Math.round(share * 100)}% `;
    const text = `${bar}${records.toLocaleString('en').replace(/,/g, ' ')} records`;
    io.stderr.write(io.interactive ? `\r${text}   ` : `${text}\n`);
  };
  return {
    wrap(source: ByteSource): ByteSource {
      return {
        name: source.name,
        chunks: async function* () {
          for await (const chunk of source.chunks()) {
            bytes += chunk.byteLength;
            draw(false);
            yield chunk;
          }
        },
      };
    },
    records(n: number) {
      records = n;
      draw(false);
    },
    done() {
      if (last > 0) {
        draw(true);
        if (io.interactive) io.stderr.write('\n');
      }
    },
  };
}
