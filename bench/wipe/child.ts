/**
 * One run of bench/wipe: either seeds a store with N incidents (`seed DIR N`, outside the timing) or times
 * `vigie wipe --duress`'s use case on a fresh copy of it (`wipe DIR`): data keys deleted, sealed columns nulled,
 * key file destroyed, VACUUM and WAL truncation. Prints the measurement as its last JSON line.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { openVigie } from '../../src/main.ts';
import { incidentInputSchema } from '../../src/services/incident-input.ts';

async function seed(dir: string, n: number): Promise<void> {
  const vigie = await openVigie({ sqlitePath: join(dir, 'vigie.db') }, { keyFile: join(dir, 'vigie.key') });
  try {
    await vigie.protection.accounts.addUser('cli', {
      email: 'monitor@example.org',
      password: 'bench monitor password',
      role: 'monitor',
      organisation: 'bench',
    });
    const by = await vigie.protection.accounts.authenticate(
      'monitor@example.org',
      'bench monitor password',
      'bench',
    );
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      await vigie.protection.recordIncident(
        by,
        incidentInputSchema.parse({
          date: { from: `2026-0${1 + (i % 9)}-${day}` },
          place: { pcode: i % 2 === 0 ? 'ML0504' : 'ML0701' },
          harmTypes: ['killing', 'injury'],
          narrative: `Récit ${i} : `.padEnd(1500, 'x'),
          sources: [{ kind: 'direct_witness', reliability: 'B', credibility: 2, description: `Témoin ${i}` }],
          victimCounts: [
            { harm: 'killing', sex: 'male', age: 'adult', status: 'civilian', count: 1 + (i % 4) },
          ],
          victims: [
            {
              name: `Nom ${i}`,
              contact: '+223 00 00 00 00',
              testimony: 'Témoignage '.repeat(40),
              harms: ['killing'],
              consent: 'internal_only',
            },
            { name: `Nom ${i}b`, harms: ['injury'], consent: 'public_anonymised' },
          ],
        }),
      );
    }
  } finally {
    await vigie.close();
  }
}

async function wipe(dir: string): Promise<void> {
  const vigie = await openVigie({ sqlitePath: join(dir, 'vigie.db') }, { keyFile: join(dir, 'vigie.key') });
  try {
    const t = performance.now();
    const erased = await vigie.protection.wipe();
    const ms = performance.now() - t;
    process.stdout.write(
      `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: erased.incidents, ...erased })}\n`,
    );
  } finally {
    await vigie.close();
  }
}

async function main(): Promise<void> {
  const [command, dir, n] = process.argv.slice(2);
  if (command === 'seed' && dir && n) return seed(dir, Number(n));
  if (command === 'wipe' && dir) return wipe(dir);
  throw new Error('usage: child.ts seed DIR N | wipe DIR');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
