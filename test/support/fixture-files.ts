import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILES as ACLED } from './fixtures/acled.ts';
import { FILES as HOSTILE } from './fixtures/hostile.ts';
import { FILES as UCDP } from './fixtures/ucdp.ts';

/**
 * Small hand-made inputs (invented rows in ACLED's and UCDP's layouts, hostile files). They live as code and are
 * written to a temporary folder when a test asks for a path, so that the repository holds no file that looks like
 * a source's data export (ACLED forbids redistribution; real data is read from ../shared/data).
 */
const GROUPS = { acled: ACLED, ucdp: UCDP, hostile: HOSTILE } as const;
export type FixtureGroup = keyof typeof GROUPS;

let root: string | null = null;

export function fixtureDir(group: FixtureGroup): string {
  root ??= mkdtempSync(join(tmpdir(), 'vigie-fixtures-'));
  const dir = join(root, group);
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(GROUPS[group])) writeFileSync(join(dir, name), bytes);
  return dir;
}

export function fixturePath(group: FixtureGroup, name: string): string {
  if (!(name in GROUPS[group])) throw new Error(`no ${group} fixture named ${name}`);
  return join(fixtureDir(group), name);
}

export function fixtureText(group: FixtureGroup, name: string): string {
  const bytes = GROUPS[group][name];
  if (bytes === undefined) throw new Error(`no ${group} fixture named ${name}`);
  return new TextDecoder().decode(bytes);
}
