import { describe, expect, it } from 'vitest';
import { asyncOf } from './byte-source.ts';
import { openCsv } from './csv.ts';
import type { ByteSource, SourceRecord } from './types.ts';

/**
 * A hostile file can hold one field of a gigabyte (an unterminated quote swallows the rest of the file). The
 * reader must keep memory flat: past maxFieldLength it stops keeping the record and only walks it. These tests
 * stream up to 1 GiB from a generator (nothing is stored) and print the peak memory growth seen while reading.
 */

const MiB = 1 << 20;

/** Peak growth of heap + external memory, sampled each time the reader asks the source for another chunk. */
class MemoryWatch {
  private readonly base = process.memoryUsage();
  peak = 0;

  sample(): void {
    const now = process.memoryUsage();
    this.peak = Math.max(this.peak, now.heapUsed + now.external - this.base.heapUsed - this.base.external);
  }

  get peakMiB(): number {
    return Math.round(this.peak / MiB);
  }
}

function streamed(watch: MemoryWatch, head: string, fill: number, mebibytes: number, tail = ''): ByteSource {
  const block = new Uint8Array(MiB).fill(fill);
  return {
    name: 'streamed.csv',
    chunks: () =>
      asyncOf(
        (function* () {
          yield new TextEncoder().encode(head);
          for (let i = 0; i < mebibytes; i++) {
            watch.sample();
            yield block;
          }
          if (tail !== '') yield new TextEncoder().encode(tail);
        })(),
      ),
  };
}

async function readAll(source: ByteSource): Promise<SourceRecord[]> {
  const input = await openCsv(source);
  const records: SourceRecord[] = [];
  for await (const record of input.records) records.push(record);
  return records;
}

describe('a gigabyte in one field', () => {
  it('an unterminated quote: one FILE_TRUNCATED record, flat memory', async () => {
    const watch = new MemoryWatch();
    const start = performance.now();
    const records = await readAll(streamed(watch, 'a,b\n1,2\n3,"', 0x78, 1024));
    console.log(
      `1 GiB unterminated quoted field: peak heap+external growth ${watch.peakMiB} MiB, ${Math.round(performance.now() - start)} ms`,
    );
    expect(records).toEqual([
      { row: 2, values: ['1', '2'] },
      { row: 3, issue: { row: 3, column: null, code: 'FILE_TRUNCATED' } },
    ]);
    expect(watch.peakMiB).toBeLessThan(256); // garbage not yet collected included; a kept field would be ≥ 1 GiB
  });

  it('a closed but huge quoted field, full of line breaks: FIELD_TOO_LONG, then reading goes on at the right line', async () => {
    const watch = new MemoryWatch();
    const records = await readAll(streamed(watch, 'a,b\n1,"', 0x0a, 256, '",x\n4,5\n'));
    console.log(`256 MiB quoted field of line breaks: peak heap+external growth ${watch.peakMiB} MiB`);
    expect(records).toEqual([
      {
        row: 2,
        issue: {
          row: 2,
          column: 'b',
          code: 'FIELD_TOO_LONG',
          params: { length: 256 * MiB, limit: 1_000_000 },
        },
      },
      { row: 2 + 256 * MiB + 1, values: ['4', '5'] },
    ]);
    expect(watch.peakMiB).toBeLessThan(256); // garbage not yet collected included; a kept field would be ≥ 1 GiB
  });

  it('an unquoted field with no line break: FIELD_TOO_LONG, flat memory', async () => {
    const watch = new MemoryWatch();
    const records = await readAll(streamed(watch, 'a,b\n1,', 0x79, 256, '\n6,7\n'));
    console.log(`256 MiB unquoted field: peak heap+external growth ${watch.peakMiB} MiB`);
    expect(records.map((r) => r.issue?.code ?? r.values)).toEqual(['FIELD_TOO_LONG', ['6', '7']]);
    expect(watch.peakMiB).toBeLessThan(256); // garbage not yet collected included; a kept field would be ≥ 1 GiB
  });
});
