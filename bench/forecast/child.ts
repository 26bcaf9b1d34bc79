/**
 * One run of bench/forecast: opens the prepared SQLite store (the real Mali ACLED export, imported once by
 * benchmark.ts) and times the full backtest protocol of issue 6 — admin-1, civilian fatalities, origins
 * 2014-01 … 2018-12, horizons 1–6, 1,000 samples, every baseline and the model — through the same service as
 * `vigie forecast backtest`. Prints the measurement (with the headline scores, so a run that did not do the work
 * shows) as its last JSON line.
 */
import { pathToFileURL } from 'node:url';
import { openVigie } from '../../src/main.ts';

async function main(): Promise<void> {
  const db = process.argv[2];
  if (!db) throw new Error('usage: child.ts DB');
  const vigie = await openVigie({ sqlitePath: db });
  try {
    const t = performance.now();
    const r = await vigie.forecastBacktest({
      unit: 'admin1',
      outcome: 'civilian-fatalities',
      source: 'events',
      origins: '2014-01:2018-12',
      horizons: '1-6',
      samples: 1000,
      seed: 1,
      language: 'en',
    });
    const ms = performance.now() - t;
    const cells = Object.values(r.detail).reduce((s, d) => s + d.all.n, 0);
    process.stdout.write(
      `${JSON.stringify({
        ms,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        rows: cells,
        models: Object.keys(r.models).length,
        bestBaseline: r.bestBaseline,
        bestCrps: r.models[r.bestBaseline]?.crps ?? null,
        candidate: r.candidate,
        candidateCrps: r.models[r.candidate]?.crps ?? null,
        candidateIgn: r.models[r.candidate]?.ign ?? null,
        skill: r.skill?.crpsVsBest ?? null,
        ci95: r.skill?.ci95 ?? null,
      })}\n`,
    );
  } finally {
    await vigie.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
