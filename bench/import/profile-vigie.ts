/**
 * Where vigie's import spends its time: runs one import under V8's CPU profiler and summarises the samples taken
 * between the start and the end of the import (module loading left out), by stage and by function.
 *
 *   tsx bench/import/profile-vigie.ts [FILE]      (default: the cached BENCH_ROWS file, generated if missing)
 *   BENCH_MEM_TRACE=1 tsx bench/import/profile-vigie.ts     (adds RSS / JS heap every 2 s)
 *
 * The profiler slows the run by ~10–20%: shares are meaningful, absolute times less so.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runChild, type BenchConfig } from '../harness.ts';
import { summariseProfile } from '../profile.ts';
import { cachedInput } from './benchmark.ts';

const outDir = 'bench/out';
const config: BenchConfig = {
  runs: 1,
  rows: Number(process.env['BENCH_ROWS'] ?? 1_000_000),
  seed: Number(process.env['BENCH_SEED'] ?? 1),
  outDir,
};
const file = process.argv[2] ?? (await cachedInput(config, (l) => console.error(l)));
const profileDir = join(outDir, 'profiles', `vigie-${Date.now()}`);
const db = join(outDir, 'db', 'vigie-profile.db');

for (const suffix of ['', '-wal', '-shm']) await rm(`${db}${suffix}`, { force: true });
const m = await runChild({
  name: 'vigie (profiled)',
  role: 'subject',
  script: ['bench/import/vigie-child.ts', file, db],
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
});
const window = m['window'] as { fromUs: number; toUs: number } | undefined;
console.log(
  `${file}: ${String(m.rows)} rows in ${(m.ms / 1000).toFixed(2)} s (profiled), peak RSS ${m.maxRssMb.toFixed(0)} MB\n`,
);
// With BENCH_MEM_TRACE=1 the child samples its memory every 2 s: print about a dozen of the samples.
const memory = (m['memory'] as Array<Record<string, number>> | undefined) ?? [];
const step = Math.max(1, Math.ceil(memory.length / 12));
for (const [i, sample] of memory.entries())
  if (i % step === 0) console.log(`  memory MB ${JSON.stringify(sample)}`);
if (memory.length > 0) console.log('');

// One profile per thread: the main thread is the busy one (tsx's loader thread idles through the import).
const summaries = (await readdir(profileDir))
  .filter((f) => f.endsWith('.cpuprofile'))
  .map((f) => summariseProfile(join(profileDir, f), { top: 30, ...(window ? { window } : {}) }))
  .sort((a, b) => a.idleShare - b.idleShare);
console.log(summaries[0]?.text ?? 'no profile written');
