import { issue } from '../../core/issues.ts';
import { rejectInput } from './reject.ts';
import type { ByteSource } from './types.ts';

/**
 * All bytes of a source, for formats that cannot be streamed (a zip's directory is at its end; JSON.parse wants
 * one string). The limit is checked while reading, so an endless stdin or a huge upload stops at the limit
 * instead of exhausting memory.
 */
export async function readAllBytes(source: ByteSource, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const iterator = source.chunks()[Symbol.asyncIterator]();
  try {
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      length += next.value.length;
      if (length > maxBytes)
        throw rejectInput(source.name, issue(0, null, 'FILE_TOO_LARGE', { limit: maxBytes }));
      chunks.push(next.value);
    }
  } finally {
    await iterator.return?.();
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, length);
}
