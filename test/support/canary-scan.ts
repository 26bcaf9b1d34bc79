import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Looks for canary strings in raw bytes: as UTF-8 plaintext, as plain base64 of their UTF-8 bytes at each of
 * the three alignments (so an unsealed base64 copy, e.g. of an evidence file, is caught wherever it starts),
 * and as lowercase hex (how PostgreSQL dumps bytea). Sealed values (AES-GCM) contain none of these.
 */
export interface Needle {
  canary: string;
  encoding: 'utf8' | 'base64@0' | 'base64@1' | 'base64@2' | 'hex';
  bytes: Buffer;
}

export function needlesFor(canary: string): Needle[] {
  const raw = Buffer.from(canary, 'utf8');
  const needles: Needle[] = [
    { canary, encoding: 'utf8', bytes: raw },
    { canary, encoding: 'hex', bytes: Buffer.from(raw.toString('hex')) },
  ];
  for (const k of [0, 1, 2] as const) {
    // If the canary starts k bytes into a 3-byte group... its groups from byte (3 - k) % 3 on are whole, and
    // encode to the same base64 characters whatever came before.
    const skip = (3 - k) % 3;
    const whole = Math.floor((raw.length - skip) / 3) * 3;
    const part = raw.subarray(skip, skip + whole).toString('base64');
    needles.push({ canary, encoding: `base64@${k}`, bytes: Buffer.from(part) });
  }
  return needles;
}

export interface Hit {
  where: string;
  canary: string;
  encoding: Needle['encoding'];
  offset: number;
}

export function scanBytes(where: string, bytes: Buffer, needles: readonly Needle[]): Hit[] {
  const hits: Hit[] = [];
  for (const n of needles) {
    const offset = bytes.indexOf(n.bytes);
    if (offset >= 0) hits.push({ where, canary: n.canary, encoding: n.encoding, offset });
  }
  return hits;
}

export function scanFile(path: string, needles: readonly Needle[]): Hit[] {
  if (!existsSync(path)) return [];
  return scanBytes(path, readFileSync(path), needles);
}

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    try {
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    } catch {
      return []; // removed meanwhile by its suite
    }
  });
}
