import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source.ts';
import { chooseEncoding, completeLength, decodeText, EncodingFailure, firstInvalidUtf8 } from './decode.ts';
import type { TextEncoding } from './decode.ts';
import { concat, utf16 } from './hostile-corpus-cases.ts';

async function decodeAll(
  bytes: Uint8Array,
  encoding: TextEncoding,
  skip = 0,
  chunkBytes = 1 << 20,
): Promise<string> {
  let text = '';
  for await (const piece of decodeText(bufferSource('t', bytes, { chunkBytes }).chunks(), encoding, skip))
    text += piece;
  return text;
}

async function failure(
  bytes: Uint8Array,
  encoding: TextEncoding,
  chunkBytes = 1 << 20,
): Promise<[EncodingFailure, string]> {
  let text = '';
  try {
    for await (const piece of decodeText(bufferSource('t', bytes, { chunkBytes }).chunks(), encoding))
      text += piece;
  } catch (error) {
    if (error instanceof EncodingFailure) return [error, text];
    throw error;
  }
  throw new Error('expected an EncodingFailure');
}

const sample = 'lieu,note\nMénaka,"Kidal – Gao ’24 😀"\nTombouctou,ok\n';

describe('decodeText', () => {
  it('decodes UTF-8 whatever the chunk boundaries, including inside multibyte characters', async () => {
    const bytes = new TextEncoder().encode(sample);
    for (let chunk = 1; chunk <= 9; chunk++) expect(await decodeAll(bytes, 'utf-8', 0, chunk)).toBe(sample);
  });

  it('drops a UTF-8 BOM even when it is split across chunks', async () => {
    const bytes = concat([0xef, 0xbb, 0xbf], sample);
    const [encoding, skip] = chooseEncoding('auto', { kind: 'text', bom: 'utf-8' });
    expect(await decodeAll(bytes, encoding, skip, 1)).toBe(sample);
    expect(await decodeAll(bytes, encoding, skip, 2)).toBe(sample);
  });

  it('decodes UTF-16 LE and BE after their BOM', async () => {
    for (const endian of ['le', 'be'] as const) {
      const [encoding, skip] = chooseEncoding('auto', { kind: 'text', bom: `utf-16${endian}` });
      for (const chunk of [1, 3, 1024])
        expect(await decodeAll(utf16(sample, endian), encoding, skip, chunk)).toBe(sample);
    }
  });

  it('reads windows-1252 when asked, with its curly quotes (as in the ACLED 2016 export)', async () => {
    const bytes = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x92, 0x96, 0xa0]);
    for (const choice of ['windows-1252', 'latin1'] as const) {
      const [encoding] = chooseEncoding(choice, { kind: 'text', bom: null });
      expect(await decodeAll(bytes, encoding)).toBe('café \u2019\u2013\u00a0');
    }
  });

  it('maps all of 0x80–0x9F as windows-1252 does, in any chunking', async () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const expected = new TextDecoder('windows-1252').decode(bytes, { stream: true }); // ICU's table
    expect(expected.charCodeAt(0x92)).toBe(0x2019);
    for (const chunk of [1, 7, 256]) expect(await decodeAll(bytes, 'windows-1252', 0, chunk)).toBe(expected);
  });

  it('lets a BOM win over the encoding asked for', () => {
    expect(chooseEncoding('windows-1252', { kind: 'text', bom: 'utf-8' })).toEqual(['utf-8', 3]);
    expect(chooseEncoding('utf-8', { kind: 'text', bom: 'utf-16be' })).toEqual(['utf-16be', 2]);
  });

  it('yields the text before an invalid byte, then fails with its file offset', async () => {
    const bytes = concat('a,b\n1,2\n3,caf', [0xe9], '\n');
    for (const chunk of [1, 2, 5, 100]) {
      const [error, before] = await failure(bytes, 'utf-8', chunk);
      expect(error.byteOffset).toBe(13);
      expect(before).toBe('a,b\n1,2\n3,caf');
    }
  });

  it('fails on a multibyte character cut by the end of the file', async () => {
    const [error] = await failure(concat('ab', [0xe2, 0x82]), 'utf-8', 1);
    expect(error.byteOffset).toBe(2);
  });

  it('fails on UTF-16 with an odd number of bytes', async () => {
    const [error] = await failure(concat(utf16('a,b', 'le').subarray(2), [0x41]), 'utf-16le');
    expect(error.encoding).toBe('utf-16le');
  });
});

describe('UTF-8 helpers', () => {
  it('firstInvalidUtf8 agrees with buffer.isUtf8 on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(isUtf8(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('firstInvalidUtf8 finds the byte that breaks otherwise valid text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const bytes = concat(a, [0xff], b);
        expect(firstInvalidUtf8(bytes)).toBe(new TextEncoder().encode(a).length);
      }),
    );
  });

  it('completeLength never cuts a valid text inside a character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.nat(), (text, cut) => {
        const bytes = new TextEncoder().encode(text);
        const prefix = bytes.subarray(0, cut % (bytes.length + 1));
        expect(isUtf8(prefix.subarray(0, completeLength(prefix)))).toBe(true);
      }),
    );
  });
});
