/**
 * One vigie import, alone in its process so that its peak RSS is vigie's and not the harness's:
 *
 *   node --import tsx bench/import/vigie-child.ts FILE DBPATH
 *
 * Goes through the public CLI entry (`vigie import acled FILE --db DBPATH --json`), so the time covers what a user
 * waits for: opening and migrating the database, building the placer, reading, mapping, placing and storing.
 * Prints one JSON line: { ms, maxRssMb, rssBeforeMb, rows, window, report }.
 */
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';
import type { Io } from '../../src/cli/output.ts';

function collect(stream: PassThrough): () => string {
  const parts: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => parts.push(chunk));
  return () => Buffer.concat(parts).toString('utf8');
}

const [file, dbPath] = process.argv.slice(2);
if (file === undefined || dbPath === undefined) {
  process.stderr.write('usage: node --import tsx bench/import/vigie-child.ts FILE DBPATH\n');
  process.exit(2);
}

const stdout = new PassThrough();
const stderr = new PassThrough();
const out = collect(stdout);
const err = collect(stderr);
// Not interactive: progress goes to the collected stderr at most every few seconds, and costs nothing measurable.
const io: Io = { stdout, stderr, stdin: process.stdin, env: process.env, interactive: false };

const rssBeforeMb = process.memoryUsage().rss / 1048576;
// BENCH_MEM_TRACE=1: memory every 2 s, to tell a JS heap that grows with the rows from native memory (SQLite).
const memory: Array<Record<string, number>> = [];
const mb = (bytes: number) => Math.round(bytes / 1048576);
const trace =
  process.env['BENCH_MEM_TRACE'] === '1'
    ? setInterval(() => {
        const m = process.memoryUsage();
        memory.push({
          s: Math.round(process.uptime()),
          rss: mb(m.rss),
          heapUsed: mb(m.heapUsed),
          heapTotal: mb(m.heapTotal),
          external: mb(m.external),
        });
      }, 2000)
    : undefined;
// hrtime and V8's CPU profiler read the same monotonic clock: bench/profile.ts keeps only samples in this window.
const fromUs = Number(process.hrtime.bigint() / 1000n);
const t0 = performance.now();
const code = await runCli(['import', 'acled', file, '--db', dbPath, '--json'], io);
const ms = performance.now() - t0;
const toUs = Number(process.hrtime.bigint() / 1000n);
clearInterval(trace);
// maxRSS is in kilobytes (kibibytes on Linux).
const maxRssMb = process.resourceUsage().maxRSS / 1024;

let report: Record<string, unknown> | null = null;
try {
  report = JSON.parse(out()) as Record<string, unknown>;
} catch {
  report = null;
}
if (code !== 0 || report === null) {
  process.stderr.write(`vigie exited with ${code}\n${err().slice(0, 4000)}\n${out().slice(0, 4000)}\n`);
  process.exit(1);
}
// The issue lists can be long; the harness needs the counts and a sample.
const { issues, warnings, ...counts } = report as { issues?: unknown[]; warnings?: unknown[] } & Record<
  string,
  unknown
>;
const summary = {
  ...counts,
  issuesSample: issues?.slice(0, 5) ?? [],
  warningsSample: warnings?.slice(0, 5) ?? [],
};
const rows = typeof counts['inserted'] === 'number' ? counts['inserted'] : null;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb, rssBeforeMb, rows, window: { fromUs, toUs }, report: summary, ...(trace ? { memory } : {}) })}\n`,
);
