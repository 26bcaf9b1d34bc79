import { createHash } from 'node:crypto';
import type { ByteSource } from '../importers/read/types.ts';

/** Passes the bytes through and hashes them on the way, so the import run records which file it read. */
export function hashingSource(source: ByteSource): { source: ByteSource; sha256: () => string | null } {
  const hash = createHash('sha256');
  let finished = false;
  return {
    source: {
      name: source.name,
      chunks: async function* () {
        for await (const chunk of source.chunks()) {
          hash.update(chunk);
          yield chunk;
        }
        finished = true;
      },
    },
    // A file the importer stopped reading early (rejected at its header) has no meaningful digest.
    sha256: () => (finished ? hash.copy().digest('hex') : null),
  };
}
