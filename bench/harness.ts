/**
 * The benchmark harness: every side of a benchmark runs in its own child process (so each peak RSS is that side's
 * alone), several times, interleaved with the reference, and is reported as median and range. The machines are
 * small and noisy (2 cores shared), so absolute times drift between runs; the ratio to the reference measured in
 * the same run is the figure to compare over time (DESIGN §9).
 */
import { spawn } from 'node:child_process';

/** What a child prints as its last stdout line (JSON); extra fields are kept in the results file. */
export interface Measurement {
  ms: number;
  maxRssMb: number;
  rows: number | null;
  [extra: string]: unknown;
}

export interface Side {
  name: string;
  /** The subject is what the goals are about; references are what it is compared with. */
  role: 'subject' | 'reference';
  /** Script and arguments, run as `node [nodeArgs] --import tsx ...script`. */
  script: readonly string[];
  nodeArgs?: readonly string[];
  /** Runs before every measurement, outside the timing (e.g. deleting the previous run's database). */
  before?(): Promise<void>;
  /** Runs after every measurement (e.g. deleting a 1 GB database nobody will read). */
  after?(): Promise<void>;
  /** Rejects a measurement that did not do the work (e.g. rows missing), so a broken run never looks fast. */
  check?(m: Measurement): string | null;
}

export interface Goal {
  label: string;
  /** Null when met, otherwise what was reached. */
  check(summary: BenchSummary): string | null;
}

export interface PreparedBenchmark {
  rows: number;
  input: Record<string, unknown>;
  sides: readonly Side[];
  goals: readonly Goal[];
}

export interface BenchConfig {
  runs: number;
  rows: number;
  seed: number;
  outDir: string;
}

export interface Benchmark {
  name: string;
  description: string;
  prepare(config: BenchConfig): Promise<PreparedBenchmark>;
  /** Lines printed after the table, for figures the table has no column for (latency percentiles, say). */
  report?(summary: BenchSummary): string;
}

export interface SideSummary {
  name: string;
  role: Side['role'];
  runs: Measurement[];
  medianMs: number;
  minMs: number;
  maxMs: number;
  rowsPerSecond: number;
  medianRssMb: number;
  peakRssMb: number;
}

export interface Ratio {
  subject: string;
  reference: string;
  /** Median subject time over median reference time. */
  ofMedians: number;
  /** Median of the per-run ratios: robust to a run where the whole machine was slow. */
  medianPerRun: number;
}

export interface BenchSummary {
  name: string;
  rows: number;
  sides: SideSummary[];
  ratios: Ratio[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Runs one child and returns its last JSON line; its stderr is passed through only when it fails. */
export function runChild(side: Side): Promise<Measurement> {
  const args = [...(side.nodeArgs ?? []), '--import', 'tsx', ...side.script];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8').trim();
      const last = stdout.split('\n').at(-1) ?? '';
      if (code !== 0) {
        reject(
          new Error(`${side.name} exited with ${code}:\n${Buffer.concat(err).toString('utf8').slice(-4000)}`),
        );
        return;
      }
      try {
        const m = JSON.parse(last) as Measurement;
        const problem = side.check?.(m) ?? null;
        if (problem !== null) reject(new Error(`${side.name}: ${problem}`));
        else resolve(m);
      } catch {
        reject(new Error(`${side.name}: no JSON line on stdout:\n${stdout.slice(-2000)}`));
      }
    });
  });
}

export async function runBenchmark(
  bench: Benchmark,
  config: BenchConfig,
  log: (line: string) => void,
): Promise<{ summary: BenchSummary; prepared: PreparedBenchmark }> {
  const prepared = await bench.prepare(config);
  const runs = new Map<string, Measurement[]>(prepared.sides.map((s) => [s.name, []]));
  for (let r = 0; r < config.runs; r++) {
    // Alternate the order so that neither side always runs on a machine warmed (or tired) by the other.
    const order = r % 2 === 0 ? prepared.sides : [...prepared.sides].reverse();
    for (const side of order) {
      await side.before?.();
      const m = await runChild(side);
      await side.after?.();
      runs.get(side.name)?.push(m);
      log(
        `  run ${r + 1}/${config.runs} ${side.name}: ${(m.ms / 1000).toFixed(2)} s, peak RSS ${m.maxRssMb.toFixed(0)} MB`,
      );
    }
  }
  const sides = prepared.sides.map((side) => summarise(side, runs.get(side.name) ?? [], prepared.rows));
  return { summary: { name: bench.name, rows: prepared.rows, sides, ratios: ratios(sides) }, prepared };
}

function summarise(side: Side, runs: Measurement[], rows: number): SideSummary {
  const times = runs.map((m) => m.ms);
  const medianMs = median(times);
  return {
    name: side.name,
    role: side.role,
    runs,
    medianMs,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    rowsPerSecond: rows / (medianMs / 1000),
    medianRssMb: median(runs.map((m) => m.maxRssMb)),
    peakRssMb: Math.max(...runs.map((m) => m.maxRssMb)),
  };
}

function ratios(sides: readonly SideSummary[]): Ratio[] {
  const out: Ratio[] = [];
  for (const subject of sides.filter((s) => s.role === 'subject')) {
    for (const reference of sides.filter((s) => s.role === 'reference')) {
      const perRun = subject.runs.map((m, i) => m.ms / (reference.runs[i]?.ms ?? Number.NaN));
      out.push({
        subject: subject.name,
        reference: reference.name,
        ofMedians: subject.medianMs / reference.medianMs,
        medianPerRun: median(perRun),
      });
    }
  }
  return out;
}

export function formatTable(summary: BenchSummary): string {
  const head = ['side', 'median s', 'min–max s', 'rows/s', 'peak RSS MB (median / max)'];
  const body = summary.sides.map((s) => [
    s.name,
    (s.medianMs / 1000).toFixed(2),
    `${(s.minMs / 1000).toFixed(2)}–${(s.maxMs / 1000).toFixed(2)}`,
    Math.round(s.rowsPerSecond).toLocaleString('en'),
    `${s.medianRssMb.toFixed(0)} / ${s.peakRssMb.toFixed(0)}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const ratioLines = summary.ratios.map(
    (r) =>
      `${r.subject} / ${r.reference}: ${r.ofMedians.toFixed(2)}× (ratio of medians), ${r.medianPerRun.toFixed(2)}× (median of per-run ratios)`,
  );
  return [line(head), rule, ...body.map(line), '', ...ratioLines].join('\n');
}
