import { concat, handMadeCases, rejectCase, textCase, utf16 } from './hostile-corpus-cases.ts';
import type { HostileCase } from './hostile-corpus-cases.ts';
import { acledLikeRow, ACLED_LIKE_HEADER, csvField, prng } from './synthetic-csv.ts';

export type { HostileCase } from './hostile-corpus-cases.ts';

/**
 * The hostile-input corpus: ≥ 200 named inputs, hand-made and generated (deterministically, from fixed seeds),
 * each with the outcome openCsv must give. The readers' tests run all of them; the importers and the end-to-end
 * tests reuse them to show that no input crashes an import or leaves half of it stored.
 */
export function hostileCorpus(): HostileCase[] {
  const cases = [...handMadeCases(), ...generatedCases()];
  const names = new Set<string>();
  for (const c of cases) {
    if (names.has(c.name)) throw new Error(`duplicate hostile case name ${c.name}`);
    names.add(c.name);
  }
  return cases;
}

/** A small ACLED-like file: quoted notes with commas, one with doubled quotes, one with a line break. */
export function acledLikeSample(rows = 8, seed = 7): string {
  const random = prng(seed);
  const lines = [ACLED_LIKE_HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    // Row indices 0 and 97 give notes with doubled quotes, 0 and 211 notes with a line break (see synthetic-csv).
    const row = acledLikeRow(random, i === 3 ? 211 : i * 97);
    if (i === 5) row[27] = `${row[27] ?? ''}\nSecond paragraph, after a line break.`;
    lines.push(row.map(csvField).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function generatedCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const random = prng(2024);
  const int = (max: number): number => Math.floor(random() * max);

  // Random binary: a NUL early on marks it as not text whatever else it holds.
  for (let k = 0; k < 20; k++) {
    const bytes = Uint8Array.from({ length: 2 + int(4000) }, () => int(256));
    bytes[0] = 0x61; // no magic number, no BOM
    bytes[1 + int(Math.min(bytes.length - 1, 60000))] = 0;
    cases.push(rejectCase(`random-binary-${k}`, bytes, 'FILE_NOT_TEXT'));
  }

  // Valid-looking text with one stray continuation byte: never valid UTF-8.
  for (let k = 0; k < 10; k++) {
    const text = acledLikeSample(3, k);
    const at = text.indexOf('\n') + 1 + int(text.length - text.indexOf('\n') - 2);
    cases.push(
      rejectCase(
        `stray-byte-${k}`,
        concat(text.slice(0, at), [0x80 + int(64)], text.slice(at)),
        'ENCODING_INVALID',
      ),
    );
  }

  // CSV-shaped noise from the characters that matter to the syntax.
  const alphabet = ['a', 'b', ',', ',', '"', '\n', '\r', '\r\n', ' ', '\t', ';', '#', 'é'];
  for (let k = 0; k < 60; k++) {
    let text = '';
    const length = int(120);
    for (let i = 0; i < length; i++) text += alphabet[int(alphabet.length)];
    cases.push(textCase(`noise-${k}`, text));
  }

  // An ACLED-like file cut short at many offsets: in the header, between fields, inside quoted notes.
  const sample = acledLikeSample();
  for (let at = 0; at < sample.length; at += 37)
    cases.push(textCase(`truncated-at-${at}`, sample.slice(0, at)));

  // Whole-file variants of the same sample.
  cases.push(textCase('acled-like', sample));
  cases.push(textCase('acled-like-crlf', sample.replaceAll('\n', '\r\n')));
  cases.push(textCase('acled-like-cr', sample.replaceAll('\n', '\r')));
  cases.push({ ...textCase('acled-like-bom', sample), bytes: concat([0xef, 0xbb, 0xbf], sample) });
  cases.push({ ...textCase('acled-like-utf16le', sample), bytes: utf16(sample, 'le') });
  cases.push({ ...textCase('acled-like-utf16be', sample), bytes: utf16(sample, 'be') });
  cases.push(textCase('acled-like-semicolon', sample.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';')));
  cases.push(textCase('acled-like-tab', sample.replaceAll(',', '\t')));
  cases.push(
    rejectCase(
      'acled-like-latin1',
      concat(sample.slice(0, 600), [0xe9], sample.slice(600)),
      'ENCODING_INVALID',
    ),
  );
  cases.push(textCase('acled-like-blank-lines', sample.replaceAll('\n', '\n\n  \n')));
  cases.push(
    textCase(
      'acled-like-hxl',
      sample.replace('\n', `\n${ACLED_LIKE_HEADER.map((h) => `#${h}`).join(',')}\n`),
    ),
  );

  // Mutations: a comma dropped or added, a quote thrown in, a line break inserted.
  const lineStarts = [...sample.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1);
  for (let k = 0; k < 24; k++) {
    const at = (lineStarts[1 + int(lineStarts.length - 2)] ?? 0) + int(60);
    const kind = k % 4;
    const insert = kind === 0 ? '' : kind === 1 ? ',' : kind === 2 ? '"' : '\n';
    const cut = kind === 0 ? sample.indexOf(',', at) : at;
    const text = sample.slice(0, cut) + insert + sample.slice(kind === 0 ? cut + 1 : cut);
    cases.push(
      textCase(`mutation-${['drop-comma', 'add-comma', 'add-quote', 'add-break'][kind]}-${k}`, text),
    );
  }

  // Sizes: huge fields (the default limit is 1,000,000 characters), ten thousand columns, many blank lines.
  const huge = 'x'.repeat(1_200_000);
  cases.push(textCase('huge-quoted-field', `a,b\n1,"${huge}"\n2,3\n`));
  cases.push(textCase('huge-unquoted-field', `a,b\n1,${huge}\n2,3\n`));
  cases.push(textCase('huge-header-field', `a,${huge}\n1,2\n`));
  cases.push(textCase('huge-unterminated-quote', `a,b\n1,"${huge}`));
  cases.push(textCase('field-at-limit', `a,b\n1,${'y'.repeat(1_000_000)}\n`));
  const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`);
  cases.push(textCase('ten-thousand-columns', `${wide.join(',')}\n${wide.map((_, i) => i).join(',')}\n`));
  cases.push(textCase('ten-thousand-columns-short-row', `${wide.join(',')}\n1,2,3\n`));
  cases.push(textCase('many-blank-lines', `a,b\n${'\n'.repeat(100_000)}1,2\n`));
  cases.push(textCase('many-short-rows', `a,b\n${'1,2\n'.repeat(50_000)}`));
  return cases;
}
