/**
 * vigie answering the aggregates over real HTTP, alone in its process:
 *
 *   node --import tsx bench/aggregate/vigie-child.ts DBPATH [REPEATS]
 *
 * Opens the cached database, starts the same Fastify app `vigie serve` runs on 127.0.0.1 (a free port), times the
 * first overview request (cold: it waits for the rollup to load into memory), then sends every query REPEATS times
 * (default 60), round-robin, one at a time, after 5 untimed rounds. A time runs from sending the request to the
 * last byte of the answer. Prints one JSON line: { ms (overview p50), p95Ms, coldMs, queries: { name: { p50Ms,
 * p95Ms, maxMs, answeredBy, checksum } }, … }.
 */
import { buildHttpApp } from '../../src/http/app.ts';
import { openVigie } from '../../src/main.ts';
import { median } from '../harness.ts';
import { QUERIES, type Checksum } from './queries.ts';

interface Answer {
  answeredBy: string;
  series: Array<{ events: number; fatalities: number }>;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] as number;
}

async function main(): Promise<void> {
  const [dbPath, repeatsArg = '60'] = process.argv.slice(2);
  if (dbPath === undefined)
    throw new Error('usage: node --import tsx bench/aggregate/vigie-child.ts DBPATH [REPEATS]');
  const repeats = Number(repeatsArg);
  const t0 = performance.now();
  const vigie = await openVigie({ sqlitePath: dbPath });
  const app = await buildHttpApp(vigie);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const listenMs = performance.now() - t0;
  const request = async (url: string): Promise<{ ms: number; text: string }> => {
    const start = performance.now();
    const res = await fetch(base + url);
    const text = await res.text();
    const ms = performance.now() - start;
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 300)}`);
    return { ms, text };
  };

  const overview = QUERIES[0]!;
  const coldMs = (await request(overview.url)).ms;
  for (let round = 0; round < 5; round++) for (const q of QUERIES) await request(q.url);

  const times = new Map<string, number[]>(QUERIES.map((q) => [q.name, []]));
  const answers = new Map<string, Answer>();
  for (let round = 0; round < repeats; round++) {
    for (const q of QUERIES) {
      const { ms, text } = await request(q.url);
      times.get(q.name)?.push(ms);
      if (round === 0) answers.set(q.name, JSON.parse(text) as Answer);
    }
  }
  const queries: Record<
    string,
    { p50Ms: number; p95Ms: number; maxMs: number; answeredBy: string; checksum: Checksum }
  > = {};
  for (const q of QUERIES) {
    const ts = times.get(q.name) ?? [];
    const answer = answers.get(q.name);
    queries[q.name] = {
      p50Ms: median(ts),
      p95Ms: percentile(ts, 0.95),
      maxMs: Math.max(...ts),
      answeredBy: answer?.answeredBy ?? '?',
      checksum: [
        answer?.series.length ?? 0,
        answer?.series.reduce((n, p) => n + p.events, 0) ?? 0,
        answer?.series.reduce((n, p) => n + p.fatalities, 0) ?? 0,
      ],
    };
  }
  // Events in the store, so the harness can check the whole file was there.
  const total = await vigie.aggregates({ by: 'year', group: null, filter: {}, language: 'en' });
  const rows = total.series.reduce((n, p) => n + p.events, 0);
  await app.close();
  await vigie.close();
  const head = queries[overview.name]!;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    `${JSON.stringify({ ms: head.p50Ms, p95Ms: head.p95Ms, coldMs, listenMs, maxRssMb, rows, repeats, queries })}\n`,
  );
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
