/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) into what limits an import:
 *
 *   tsx bench/profile.ts bench/out/profiles/CPU.*.cpuprofile [--top 25] [--window FROM_US:TO_US]
 *
 * (bench/import/profile-vigie.ts runs an import under the profiler and calls this with the import's window, so
 * module loading before the import is left out.)
 *
 * 1. Stages: each sample goes to the stage of the deepest project frame on its stack (so time in native code —
 *    SQLite, hashing, UTF-8 decoding — counts for the vigie code that called it), stages told apart by path;
 *    a few enclosing stages (rollups, migrations) take everything called under them.
 * 2. The top functions by self time, with their file.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/**
 * Stages that own everything they call, wherever it is: a sample with one of these files anywhere on its stack
 * goes to that stage (the rollup refresh runs its SQL through the import's storage code, for instance).
 */
const ENCLOSING_STAGES: ReadonlyArray<readonly [string, RegExp]> = [
  ['monthly rollups refresh (end of import)', /\/storage\/rollups\.ts/],
  ['DB open + migrations', /\/storage\/migrations\//],
];

/** Otherwise the deepest project frame decides; first match wins, from the most specific path to the most general. */
const STAGES: ReadonlyArray<readonly [string, RegExp]> = [
  ['hashing (SHA-256 of the file)', /\/services\/hashing-source\.ts/],
  ['CSV read: bytes, decoding, scanning', /\/importers\/read\//],
  ['mapping rows → events (importers)', /\/importers\//],
  ['classification (taxonomy)', /\/core\/taxonomy\//],
  ['geo placement (point-in-polygon, H3, PRIO-GRID)', /\/geo\/|\/services\/placement\.ts|\/h3-js\//],
  ['event rows, content hash, diffing', /\/services\/event-row\.ts/],
  ['import loop, report, issues', /\/services\//],
  ['SQLite writes (storage, Kysely, better-sqlite3)', /\/storage\/|\/kysely\/|\/better-sqlite3\//],
  ['CLI, startup', /\/cli\/|\/src\/main\.ts|\/bin\//],
];

function stageOf(url: string): string | null {
  for (const [name, pattern] of STAGES) if (pattern.test(url)) return name;
  return null;
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\//, '').replace(/^.*\/(src|node_modules)\//, '$1/');
}

export interface SummaryOptions {
  top: number;
  /** Keep only samples taken in this window (µs on the profiler's monotonic clock, as hrtime gives it). */
  window?: { fromUs: number; toUs: number };
}

export interface ProfileSummary {
  sampledUs: number;
  idleShare: number;
  text: string;
}

export function summariseProfile(path: string, options: SummaryOptions): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // The enclosing stage of a node: the nearest frame on its stack in an ENCLOSING_STAGES file (memoised).
  const enclosingMemo = new Map<number, string | null>();
  const enclosingOf = (id: number): string | null => {
    const known = enclosingMemo.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    const own = ENCLOSING_STAGES.find(([, pattern]) => pattern.test(url))?.[0] ?? null;
    const up = parent.get(id);
    const stage = own ?? (up !== undefined ? enclosingOf(up) : null);
    enclosingMemo.set(id, stage);
    return stage;
  };

  // The stage of a node: its own if it is project code, otherwise its nearest ancestor's (memoised per node).
  const stageMemo = new Map<number, string>();
  const stageOfNode = (id: number): string => {
    const known = stageMemo.get(id);
    if (known !== undefined) return known;
    const enclosing = enclosingOf(id);
    if (enclosing !== null) {
      stageMemo.set(id, enclosing);
      return enclosing;
    }
    const node = byId.get(id);
    const name = node?.callFrame.functionName ?? '';
    let stage: string;
    if (name === '(garbage collector)') stage = 'garbage collection';
    else if (name === '(idle)') stage = 'idle (waiting for I/O)';
    else if (name === '(program)') stage = 'V8/native, outside JS';
    else {
      const own = node ? stageOf(node.callFrame.url) : null;
      const up = parent.get(id);
      stage = own ?? (up !== undefined ? stageOfNode(up) : 'other (node internals, module loading)');
    }
    stageMemo.set(id, stage);
    return stage;
  };

  const self = new Map<number, number>();
  const stages = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (options.window && (at < options.window.fromUs || at > options.window.toUs)) return;
    total += dt;
    self.set(id, (self.get(id) ?? 0) + dt);
    const stage = stageOfNode(id);
    stages.set(stage, (stages.get(stage) ?? 0) + dt);
  });

  const lines: string[] = [];
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  const sec = (us: number) => `${(us / 1e6).toFixed(2).padStart(7)} s`;
  const scope = options.window ? ' (import window only)' : '';
  lines.push(
    `${path}: ${(total / 1e6).toFixed(2)} s sampled${scope}`,
    '',
    'By stage (deepest project frame on the stack):',
  );
  for (const [stage, us] of [...stages].sort((a, b) => b[1] - a[1]))
    lines.push(`  ${pct(us)} ${sec(us)}  ${stage}`);

  // Self time per function (same name + file + line merged across call paths).
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    const key = `${f.functionName || '(anonymous)'}  ${f.url ? `${shortUrl(f.url)}:${f.lineNumber + 1}` : '(native)'}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  }
  lines.push('', `Top ${options.top} functions by self time:`);
  for (const [key, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, options.top)) {
    lines.push(`  ${pct(us)} ${sec(us)}  ${key}`);
  }
  const idle = stages.get('idle (waiting for I/O)') ?? 0;
  return { sampledUs: total, idleShare: total > 0 ? idle / total : 1, text: lines.join('\n') };
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const top = Number(flag('--top') ?? 25);
  const windowText = flag('--window');
  const [fromUs, toUs] = (windowText ?? '').split(':').map(Number);
  const window = fromUs !== undefined && toUs !== undefined && windowText ? { fromUs, toUs } : undefined;
  if (args.length === 0) {
    console.error('usage: tsx bench/profile.ts FILE.cpuprofile… [--top N] [--window FROM_US:TO_US]');
    process.exit(2);
  }
  for (const file of args) {
    const summary = summariseProfile(file, { top, ...(window ? { window } : {}) });
    // tsx's module-loader thread writes a profile too; it is idle for the whole import, so it is skipped.
    if (summary.idleShare > 0.8)
      console.log(`${file}: ${(summary.idleShare * 100).toFixed(0)}% idle (a loader thread), skipped\n`);
    else console.log(`${summary.text}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
