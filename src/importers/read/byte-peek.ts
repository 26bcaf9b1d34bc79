/**
 * Reads the first bytes of a stream without losing them: format sniffing needs a look at the start, and stdin
 * cannot be read twice.
 */
export interface Peeked {
  /** The first bytes (at least `want` of them unless the input is shorter). */
  head: Uint8Array;
  /** True when `head` is the whole input. */
  complete: boolean;
  /** Every byte of the input, the peeked ones included. Iterate it at most once. */
  stream: AsyncIterable<Uint8Array>;
  /** Releases the input (closes the file) when the stream will not be read. */
  close(): Promise<void>;
}

export async function peekBytes(chunks: AsyncIterable<Uint8Array>, want: number): Promise<Peeked> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  let complete = false;
  while (length < want) {
    const next = await iterator.next();
    if (next.done === true) {
      complete = true;
      break;
    }
    if (next.value.length === 0) continue;
    seen.push(next.value);
    length += next.value.length;
  }
  const head = seen.length === 1 ? (seen[0] as Uint8Array) : Buffer.concat(seen);
  async function* replay(): AsyncGenerator<Uint8Array> {
    try {
      // Hand the peeked chunks over and forget them, so they are not kept for the whole read.
      for (let chunk = seen.shift(); chunk !== undefined; chunk = seen.shift()) yield chunk;
      if (complete) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done === true) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  return {
    head,
    complete,
    stream: replay(),
    close: async () => {
      await iterator.return?.();
    },
  };
}
