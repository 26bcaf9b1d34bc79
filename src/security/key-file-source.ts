import { dirname, join } from 'node:path';
import { VigieError } from '../core/errors.ts';
import { destroyKekFile, loadOrCreateKek, writeKekFile } from './key-file.ts';

/** The key-encryption key as a file: created on first use (mode 0600), replaced on rotation, destroyed on duress. */
export function keyFileSource(path: string) {
  return {
    // Never create a new key over a database that already holds keys wrapped by the old one: that would make
    // every protected field unreadable. A missing file is then an error the operator must see.
    load: async (mayCreate: () => Promise<boolean>) => {
      try {
        return (await loadOrCreateKek(path, { create: false })).kek;
      } catch (error) {
        if (!(error instanceof VigieError && error.details['reason'] === 'missing') || !(await mayCreate()))
          throw error;
        return (await loadOrCreateKek(path, { create: true })).kek;
      }
    },
    replace: (kek: Buffer) => writeKekFile(path, kek),
    destroy: () => destroyKekFile(path),
    describe: () => path,
  };
}

/**
 * Beside the SQLite file by default (a laptop install works with no setup); deployments point --key-file or
 * VIGIE_KEY_FILE at removable media or a secret mount so that a copy of the database alone opens nothing.
 */
export function defaultKeyFile(target: { sqlitePath?: string; databaseUrl?: string }): string {
  if (target.databaseUrl) return './vigie-data/vigie.key';
  return join(dirname(target.sqlitePath ?? './vigie-data/vigie.db'), 'vigie.key');
}
